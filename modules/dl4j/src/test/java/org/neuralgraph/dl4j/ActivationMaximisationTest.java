package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class ActivationMaximisationTest {

    static MultiLayerNetwork trained;

    /** 9x9 input, conv 3x3 with 2 filters, dense 12, softmax 10 (the net-fragment study's toy task has ten 9x9 images). */
    static ModelSpec spec() {
        ModelSpec s = new ModelSpec();
        s.name = "bars";
        s.height = 9;
        s.width = 9;
        s.layers.add(new ModelSpec.LayerSpec("conv", 2, 3, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("dense", 12, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 10, 0, 1, "softmax"));
        s.learningRate = 1e-2;
        s.batchSize = 20;
        s.seed = 5;
        return s.validate();
    }

    /** Ten binary 9x9 images: classes 0-4 a horizontal bar on row 2k, classes 5-9 a vertical bar on column 2(k-5); {@code copies} times over. */
    static LabeledImages bars(int copies) {
        float[] px = new float[copies * 10 * 81];
        int[] labels = new int[copies * 10];
        for (int i = 0; i < labels.length; i++) {
            int k = i % 10;
            labels[i] = k;
            for (int j = 0; j < 9; j++) {
                int rc = k < 5 ? (2 * k) * 9 + j : j * 9 + 2 * (k - 5);
                px[i * 81 + rc] = 1f;
            }
        }
        return new LabeledImages(px, labels, 9, 9, 10);
    }

    @BeforeAll
    static void train() {
        TrainTestData data = new TrainTestData(bars(20), bars(1), "ten 9x9 bars");
        trained = Trainer.trainBatches(spec(), data, 150, ProgressMonitor.NONE);
        assertEquals(1.0, Evaluation.of(trained, data.test()).accuracy(), 0, "the bars are learnt");
    }

    @Test
    void everyClassProbabilityRisesFromTheEmptyImageAndParametersStayFrozen() {
        INDArray before = trained.params().dup();
        AtomicLong last = new AtomicLong();
        ProgressMonitor counting = new ProgressMonitor() {
            @Override public void start(String phase, long totalUnits) { assertEquals(200, totalUnits); }
            @Override public void progress(long doneUnits, String message) { last.set(doneUnits); }
            @Override public boolean isCancelled() { return false; }
        };
        ActivationMaximisation exactlyEmptyStart = new ActivationMaximisation(ActivationMaximisation.DEFAULT_STEPS,
                ActivationMaximisation.DEFAULT_LEARNING_RATE, ActivationMaximisation.DEFAULT_LAMBDA, 0, 0);
        List<ActivationMaximisation.ClassImage> r = exactlyEmptyStart.run(trained, 1, 9, 9, counting);
        assertEquals(200, last.get());
        assertEquals(10, r.size());
        for (ActivationMaximisation.ClassImage ci : r) {
            int c = ci.classIndex();
            assertEquals(81, ci.image().length);
            for (float v : ci.image()) assertTrue(v >= 0 && v <= 1, "class " + c + " pixel " + v);
            assertTrue(ci.endProbability() > ci.startProbability(), "class " + c + ": " + ci.startProbability() + " -> " + ci.endProbability());
            assertTrue(ci.endProbability() > 0.9, "class " + c + " ends at " + ci.endProbability());
            // the probability reported is the network's own on the returned image
            INDArray p = trained.output(Nd4j.create(ci.image(), new long[]{1, 81}), false);
            assertEquals(ci.endProbability(), p.getDouble(0, c), 1e-5);
        }
        INDArray empty = trained.output(Nd4j.zeros(DataType.FLOAT, 1, 81), false);
        for (int c = 0; c < 10; c++) assertEquals(empty.getDouble(0, c), r.get(c).startProbability(), 1e-6);
        assertEquals(before, trained.params());
        assertArrayEquals(before.toFloatVector(), trained.params().toFloatVector(), 0f, "parameters bit for bit unchanged");
    }

    @Test
    void theNoisyStartIsSeeded() {
        ActivationMaximisation a = new ActivationMaximisation(5, 0.1, 1e-3, 0.01, 7), b = new ActivationMaximisation(5, 0.1, 1e-3, 0.01, 7);
        List<ActivationMaximisation.ClassImage> x = a.run(trained, 1, 9, 9, ProgressMonitor.NONE), y = b.run(trained, 1, 9, 9, ProgressMonitor.NONE);
        for (int c = 0; c < 10; c++) assertArrayEquals(x.get(c).image(), y.get(c).image(), 0f, "same seed, same images");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ActivationMaximisation(5, 0.1, 0, 0.6, 1));
        assertTrue(e.getMessage().contains("startNoise"), e.getMessage());
    }

    @Test
    void inputGradientIsThatOfLogProbabilityPerRow() {
        // in double precision so that central differences are accurate; row i is scored against class i
        MultiLayerNetwork net = ActivationMaximisation.frozenCopy(trained.convertDataType(DataType.DOUBLE));
        Random rnd = new Random(1);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 10, 81);
        INDArray g = ActivationMaximisation.logProbabilityGradient(net, x, Nd4j.eye(10).castTo(DataType.DOUBLE));
        assertArrayEquals(new long[]{10, 81}, g.shape());
        int nonZero = 0;
        for (int t = 0; t < 12; t++) {
            int row = rnd.nextInt(10), px = rnd.nextInt(81);
            double fd = finiteDifference(net, x, row, px, 1e-5);
            assertEquals(fd, g.getDouble(row, px), 1e-6 + 1e-4 * Math.abs(fd), "row " + row + " pixel " + px);
            if (Math.abs(fd) > 1e-4) nonZero++;
        }
        assertTrue(nonZero >= 3, "the check saw real gradients: " + nonZero);
        // and on the float network itself, loosely
        MultiLayerNetwork f = ActivationMaximisation.frozenCopy(trained);
        INDArray xf = x.castTo(DataType.FLOAT);
        INDArray gf = ActivationMaximisation.logProbabilityGradient(f, xf, Nd4j.eye(10).castTo(DataType.FLOAT));
        for (int[] rp : new int[][]{{3, 40}, {7, 22}}) {
            double fd = finiteDifference(f, xf, rp[0], rp[1], 1e-2);
            assertEquals(fd, gf.getDouble(rp[0], rp[1]), 2e-3 + 0.05 * Math.abs(fd));
        }
    }

    private static double finiteDifference(MultiLayerNetwork net, INDArray x, int row, int px, double eps) {
        INDArray plus = x.dup(), minus = x.dup();
        plus.putScalar(row, px, x.getDouble(row, px) + eps);
        minus.putScalar(row, px, x.getDouble(row, px) - eps);
        double lp = Math.log(net.output(plus, false).getDouble(row, row));
        double lm = Math.log(net.output(minus, false).getDouble(row, row));
        return (lp - lm) / (2 * eps);
    }

    @Test
    void dropoutIsOffInTheGradient() {
        ModelSpec s = spec();
        s.dropout = 0.5;
        MultiLayerNetwork withDropout = ModelFactory.build(s).convertDataType(DataType.DOUBLE);
        assertNotNull(withDropout.getLayer(2).conf().getLayer().getIDropout(), "the output layer drops its input");
        MultiLayerNetwork net = ActivationMaximisation.frozenCopy(withDropout);
        assertNotNull(withDropout.getLayer(2).conf().getLayer().getIDropout(), "the caller's network keeps its dropout");
        INDArray x = Nd4j.rand(DataType.DOUBLE, 10, 81);
        INDArray labels = Nd4j.eye(10).castTo(DataType.DOUBLE);
        INDArray g1 = ActivationMaximisation.logProbabilityGradient(net, x, labels);
        INDArray g2 = ActivationMaximisation.logProbabilityGradient(net, x, labels);
        assertEquals(g1, g2, "deterministic");
        double fd = finiteDifference(net, x, 4, 40, 1e-5);
        assertEquals(fd, g1.getDouble(4, 40), 1e-6 + 1e-4 * Math.abs(fd));
    }

    @Test
    void badParametersAndNetworksAreRejected() {
        assertEquals(200, new ActivationMaximisation().steps());
        assertEquals(0.1, new ActivationMaximisation().learningRate());
        assertEquals(1e-3, new ActivationMaximisation().lambda());
        assertMessage("steps", () -> new ActivationMaximisation(0, 0.1, 0));
        assertMessage("learningRate", () -> new ActivationMaximisation(10, 0, 0));
        assertMessage("learningRate", () -> new ActivationMaximisation(10, Double.NaN, 0));
        assertMessage("learningRate", () -> new ActivationMaximisation(10, Double.POSITIVE_INFINITY, 0));
        assertMessage("lambda", () -> new ActivationMaximisation(10, 0.1, -1e-3));
        assertMessage("lambda", () -> new ActivationMaximisation(10, 0.1, Double.NaN));
        ActivationMaximisation am = new ActivationMaximisation(5, 0.1, 0);
        assertMessage("81", () -> am.run(trained, 1, 28, 28, ProgressMonitor.NONE));
        assertMessage("positive", () -> am.run(trained, 0, 9, 9, ProgressMonitor.NONE));
    }

    @Test
    void nanIsReportedAndCancelStops() {
        MultiLayerNetwork broken = trained.clone();
        broken.params().putScalar(0, Double.NaN);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new ActivationMaximisation(5, 0.1, 0).run(broken, 1, 9, 9, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());

        AtomicLong steps = new AtomicLong();
        ProgressMonitor cancelAfterThree = new ProgressMonitor() {
            @Override public void start(String phase, long totalUnits) { }
            @Override public void progress(long doneUnits, String message) { steps.set(doneUnits); }
            @Override public boolean isCancelled() { return steps.get() >= 3; }
        };
        assertThrows(CancelledException.class, () -> new ActivationMaximisation().run(trained, 1, 9, 9, cancelAfterThree));
        assertEquals(3, steps.get());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
