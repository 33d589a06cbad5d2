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
     * gradients. Adam moves a parameter by about {@code lr} a step whatever the gradient's size, so float rounding in a
     * gradient that is almost zero (a sum of cancelling terms; libnd4j sums in a different order from run to run on
     * several threads) can flip its sign and move that parameter by up to {@code 2 lr} a step the other way (seen: one
     * lenet parameter 1.2 lr apart after 3 steps in one CI run of several). Allowed: every parameter within
     * {@code 2 lr steps}, and at most 0.1 % of them (at least one) further apart than 5 % of {@code lr steps} or
     * {@link #TOLERANCE} of the largest magnitude; a wrong gradient moves many parameters by whole steps.
     */
    static void assertAdamClose(INDArray expected, INDArray actual, double lr, int steps, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.castTo(DataType.DOUBLE).data().asDouble(), a = actual.castTo(DataType.DOUBLE).data().asDouble();
        double close = Math.max(TOLERANCE * expected.amaxNumber().doubleValue(), 0.05 * lr * steps), far = 2 * lr * steps + close;
        int apart = 0;
        double largest = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(e[i] - a[i]);
            largest = Math.max(largest, d);
            if (d > close) apart++;
        }
        int allowedApart = Math.max(1, e.length / 1000);
        assertTrue(largest <= far && apart <= allowedApart, what + ": max |difference| " + largest + " (allowed " + far + "), "
                + apart + " of " + e.length + " parameters further apart than " + close + " (allowed " + allowedApart + ")");
    }

    private static void assertClose(INDArray expected, INDArray actual, double allowed, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(diff <= allowed, what + ": max |difference| " + diff + ", allowed " + allowed);
    }
}
