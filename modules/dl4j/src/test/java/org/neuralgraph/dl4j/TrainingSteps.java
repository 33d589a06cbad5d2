package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test data and comparisons for the tests that run a network on two code paths ({@link ConvolutionOps}, {@link AdamSteps}). */
final class TrainingSteps {

    /** Float32 sums in another order: outputs, gradients and parameters agree to this, relative to the largest magnitude. */
    static final double TOLERANCE = 1e-5;

    private TrainingSteps() { }

    /** {@code n} random inputs in [0, 1) with one-hot labels, seeded. */
    static DataSet batch(int n, int inputs, int classes, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, inputs);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) y.putScalar(i, (i * 7 + seed) % classes, 1);
        return new DataSet(x, y);
    }

    /** Trains both networks on the same {@code steps} seeded batches of {@code n} examples, with the same dropout masks. */
    static void fitAlike(MultiLayerNetwork a, MultiLayerNetwork b, int steps, int n, int inputs, int classes) {
        for (int step = 0; step < steps; step++) {
            DataSet d = batch(n, inputs, classes, step);
            Nd4j.getRandom().setSeed(100 + step);
            a.fit(d);
            Nd4j.getRandom().setSeed(100 + step);
            b.fit(d);
        }
    }

    /** Same shape, and no element further from {@code expected} than {@link #TOLERANCE} times its largest magnitude. */
    static void assertClose(INDArray expected, INDArray actual, String what) {
        assertClose(expected, actual, TOLERANCE * Math.max(1e-6, expected.amaxNumber().doubleValue()), what);
    }

    /**
     * Parameters after {@code steps} Adam steps of learning rate {@code lr} computed with two implementations of the same
     * gradients: Adam moves a parameter by about {@code lr} a step whatever the gradient's size, so float rounding in a
     * gradient that is almost zero (a sum of cancelling terms) can move it by a visible fraction of that. Allowed: 5 % of
     * the largest possible movement, {@code lr * steps}, or {@link #TOLERANCE} of the largest magnitude; a wrong gradient
     * moves many parameters by whole steps.
     */
    static void assertAdamClose(INDArray expected, INDArray actual, double lr, int steps, String what) {
        assertClose(expected, actual, Math.max(TOLERANCE * expected.amaxNumber().doubleValue(), 0.05 * lr * steps), what);
    }

    private static void assertClose(INDArray expected, INDArray actual, double allowed, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= allowed, what + ": max |difference| " + diff + ", allowed " + allowed);
    }
}
