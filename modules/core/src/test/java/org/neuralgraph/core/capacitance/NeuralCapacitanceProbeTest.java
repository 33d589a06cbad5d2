package org.neuralgraph.core.capacitance;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.weights.LayerWeights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;

class NeuralCapacitanceProbeTest {

    static double[] randomFeatures(int batch, int width, long seed) {
        Random r = new Random(seed);
        double[] x = new double[batch * width];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    static int[] randomLabels(int batch, int classes, long seed) {
        Random r = new Random(seed);
        int[] y = new int[batch];
        for (int b = 0; b < batch; b++) y[b] = r.nextInt(classes);
        return y;
    }

    /** A copy of the probe with bias j of layer k moved by delta (biases are zero-initialised by random()). */
    static NeuralCapacitanceProbe withBias(NeuralCapacitanceProbe probe, int k, int j, double delta) {
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < probe.layerCount(); l++) {
            LayerWeights lw = probe.layers().get(l);
            double[] bias = new double[lw.nOut()];
            for (int o = 0; o < bias.length; o++) bias[o] = lw.bias(o);
            if (l == k) bias[j] += delta;
            layers.add(LayerWeights.dense(lw.name(), lw.nIn(), lw.nOut(), lw.rawWeights(), bias, lw.activation()));
        }
        return new NeuralCapacitanceProbe(layers);
    }

    @Test
    void randomProbeIsSeededAndScaled() {
        NeuralCapacitanceProbe p = NeuralCapacitanceProbe.random(128, new int[]{256, 32}, 10, "relu", 42);
        assertEquals(3, p.layerCount());
        assertEquals(128, p.inputs());
        assertEquals(10, p.classes());
        assertEquals(Arrays.asList("ncp_1", "ncp_2", "ncp_out"), Arrays.asList(p.layers().get(0).name(), p.layers().get(1).name(), p.layers().get(2).name()));
        assertEquals("softmax", p.layers().get(2).activation());
        assertArrayEquals(p.layers().get(1).rawWeights(), NeuralCapacitanceProbe.random(128, new int[]{256, 32}, 10, "relu", 42).layers().get(1).rawWeights());
        assertFalse(Arrays.equals(p.layers().get(1).rawWeights(), NeuralCapacitanceProbe.random(128, new int[]{256, 32}, 10, "relu", 43).layers().get(1).rawWeights()));
        // He normal: std sqrt(2/128) = 0.125 over 32768 draws
        assertEquals(Math.sqrt(2.0 / 128), std(p.layers().get(0).rawWeights()), 0.004);
        // Xavier normal for the softmax layer: sqrt(2/(32+10))
        assertEquals(Math.sqrt(2.0 / 42), std(p.layers().get(2).rawWeights()), 0.02);
        NeuralCapacitanceProbe t = NeuralCapacitanceProbe.random(128, new int[]{256}, 10, "tanh", 1);
        assertEquals(Math.sqrt(2.0 / (128 + 256)), std(t.layers().get(0).rawWeights()), 0.003);
    }

    private static double std(double[] w) {
        double s = 0, s2 = 0;
        for (double x : w) { s += x; s2 += x * x; }
        double m = s / w.length;
        return Math.sqrt(s2 / w.length - m * m);
    }

    @Test
    void softmaxLossAndErrorsAreTheGradientOfTheMeanLoss() {
        for (String activation : new String[]{"tanh", "relu"}) {
            NeuralCapacitanceProbe p = NeuralCapacitanceProbe.random(5, new int[]{4, 3}, 3, activation, 7);
            double[] x = randomFeatures(6, 5, 1);
            int[] y = randomLabels(6, 3, 2);
            ProbeBatch batch = p.forward(x, y);
            assertEquals(3, batch.layerCount());
            assertNull(batch.derivative(2));
            // softmax = error + onehot: rows are probabilities summing to 1, and the loss is their mean -log p_y
            double loss = 0;
            for (int b = 0; b < 6; b++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    double prob = batch.error(2)[b * 3 + c] + (c == y[b] ? 1 : 0);
                    assertTrue(prob > 0 && prob < 1);
                    sum += prob;
                }
                assertEquals(1, sum, 1e-12);
                loss -= Math.log(batch.error(2)[b * 3 + y[b]] + 1);
            }
            assertEquals(loss / 6, batch.loss(), 1e-12);
            // d mean loss / d bias_j of layer k = mean_b e^k_j(b): checks the forward and the back-propagation together
            double delta = 1e-6;
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < batch.width(k + 1); j++) {
                    double numeric = (withBias(p, k, j, delta).forward(x, y).loss() - withBias(p, k, j, -delta).forward(x, y).loss()) / (2 * delta);
                    double analytic = 0;
                    for (int b = 0; b < 6; b++) analytic += batch.error(k)[b * batch.width(k + 1) + j];
                    assertEquals(analytic / 6, numeric, 1e-8, activation + " layer " + k + " unit " + j);
                }
            }
            // inputs of layer k+1 are the activations of layer k; derivatives match the activation
            for (int i = 0; i < batch.input(1).length; i++) {
                double a = batch.input(1)[i], d = batch.derivative(0)[i];
                if (activation.equals("tanh")) assertEquals(1 - a * a, d, 1e-12);
                else assertEquals(a > 0 ? 1 : 0, d, 0);
            }
        }
    }

    @Test
    void floatRowsGiveTheSameBatch() {
        NeuralCapacitanceProbe p = NeuralCapacitanceProbe.random(3, new int[]{4}, 2, "relu", 3);
        float[][] rows = {{0.5f, -1f, 2f}, {1.5f, 0.25f, -0.75f}};
        double[] flat = {0.5, -1, 2, 1.5, 0.25, -0.75};
        ProbeBatch a = p.forward(rows, new int[]{0, 1}), b = p.forward(flat, new int[]{0, 1});
        assertArrayEquals(b.error(0), a.error(0), 0);
        assertEquals(b.loss(), a.loss(), 0);
    }

    @Test
    void badInputIsRefusedWithTheParameterName() {
        NeuralCapacitanceProbe p = NeuralCapacitanceProbe.random(3, new int[]{4}, 2, "relu", 3);
        assertMessage("features has 5 values", () -> p.forward(new double[5], new int[]{0, 1}));
        assertMessage("NaN", () -> p.forward(new double[]{0, Double.NaN, 0}, new int[]{0}));
        assertMessage("labels[1]", () -> p.forward(new double[6], new int[]{0, 2}));
        assertMessage("labels is empty", () -> p.forward(new double[0], new int[0]));
        assertMessage("features[0]", () -> p.forward(new float[][]{{1f, 2f}}, new int[]{0}));
        assertMessage("hiddenWidths", () -> NeuralCapacitanceProbe.random(3, new int[0], 2, "relu", 0));
        assertMessage("hiddenWidths[0]", () -> NeuralCapacitanceProbe.random(3, new int[]{0}, 2, "relu", 0));
        assertMessage("classes", () -> NeuralCapacitanceProbe.random(3, new int[]{2}, 1, "relu", 0));
        assertMessage("activation", () -> NeuralCapacitanceProbe.random(3, new int[]{2}, 2, "sigmoid", 0));
        LayerWeights hidden = LayerWeights.dense("h", 2, 2, new double[4], null, "relu");
        LayerWeights out = LayerWeights.dense("o", 2, 2, new double[4], null, "softmax");
        LayerWeights wrongOut = LayerWeights.dense("o", 2, 2, new double[4], null, "identity");
        LayerWeights wide = LayerWeights.dense("o", 3, 2, new double[6], null, "softmax");
        assertMessage("at least one hidden layer", () -> new NeuralCapacitanceProbe(Arrays.asList(out)));
        assertMessage("must be softmax", () -> new NeuralCapacitanceProbe(Arrays.asList(hidden, wrongOut)));
        assertMessage("takes 3 inputs", () -> new NeuralCapacitanceProbe(Arrays.asList(hidden, wide)));
        assertMessage("supported: relu, tanh", () -> new NeuralCapacitanceProbe(Arrays.asList(LayerWeights.dense("h", 2, 2, new double[4], null, "elu"), out)));
    }
}
