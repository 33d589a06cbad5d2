package org.neuralgraph.core.capacitance;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.weights.LayerWeights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;
import static org.neuralgraph.core.capacitance.NeuralCapacitanceProbeTest.randomFeatures;
import static org.neuralgraph.core.capacitance.NeuralCapacitanceProbeTest.randomLabels;

class GradientFlowInteractionTest {

    private final GradientFlowInteraction interaction = new GradientFlowInteraction();

    /** First line-graph node of each probe layer, and the total. */
    static int[] offsets(ProbeBatch batch) {
        int[] offset = new int[batch.layerCount() + 1];
        for (int k = 0; k < batch.layerCount(); k++) offset[k + 1] = offset[k] + batch.width(k) * batch.width(k + 1);
        return offset;
    }

    /**
     * The slow reference: P materialised, entry by entry. P[e][f] = influence of f on e. The downstream coupling
     * d w'(h->i) / d w(i->j) and the upstream coupling d w'(i->j) / d w(h->i) are computed by separate loops.
     */
    static double[][] explicitP(ProbeBatch batch) {
        int[] offset = offsets(batch);
        int size = offset[batch.layerCount()], bs = batch.batchSize();
        double[][] p = new double[size][size];
        for (int k = 0; k + 1 < batch.layerCount(); k++) {
            int n0 = batch.width(k), n1 = batch.width(k + 1), n2 = batch.width(k + 2);
            double[] a = batch.input(k), d = batch.derivative(k), e = batch.error(k + 1);
            for (int h = 0; h < n0; h++) {
                for (int i = 0; i < n1; i++) {
                    for (int j = 0; j < n2; j++) {
                        int lower = offset[k] + h * n1 + i, upper = offset[k + 1] + i * n2 + j;
                        double down = 0;
                        for (int b = 0; b < bs; b++) down += a[b * n0 + h] * d[b * n1 + i] * e[b * n2 + j];
                        double up = 0;
                        for (int b = bs - 1; b >= 0; b--) up += e[b * n2 + j] * (d[b * n1 + i] * a[b * n0 + h]);
                        p[lower][upper] = Math.abs(down / bs);
                        p[upper][lower] = Math.abs(up / bs);
                    }
                }
            }
        }
        return p;
    }

    static double[] times(double[][] p, double[] v) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) for (int j = 0; j < p.length; j++) r[i] += p[i][j] * v[j];
        return r;
    }

    @Test
    void equalsTheExplicitMatrixAndIsSymmetric() {
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(5, new int[]{4, 3}, 2, "relu", 11);
        ProbeBatch batch = probe.forward(randomFeatures(7, 5, 5), randomLabels(7, 2, 6));
        double[][] p = explicitP(batch);
        int size = p.length;
        assertEquals(5 * 4 + 4 * 3 + 3 * 2, size);
        int links = 0;
        for (int e = 0; e < size; e++) {
            for (int f = 0; f < size; f++) {
                assertEquals(p[e][f], p[f][e], 1e-15 + 1e-12 * p[e][f], "P symmetric at " + e + "," + f);
                if (p[e][f] > 0) links++;
            }
        }
        assertTrue(links > 20, "a random relu probe couples most adjacent weights, got " + links);

        double[] ones = new double[size];
        Arrays.fill(ones, 1);
        double[] in = times(p, ones);                      // P 1
        double[] out = new double[size];                  // 1'P
        for (int e = 0; e < size; e++) for (int f = 0; f < size; f++) out[f] += p[e][f];
        double total = 0, numerator = 0;
        for (double v : in) total += v;
        for (double v : times(p, in)) numerator += v;     // 1'P P 1
        double betaRef = numerator / total;                // Eq. 3 literally

        InteractionStrengths s = interaction.strengths(batch);
        assertEquals(size, s.size());
        assertArrayEquals(in, s.inStrength(), 1e-14);
        assertArrayEquals(out, s.outStrength(), 1e-14);
        assertEquals(total, s.total(), 1e-13);
        assertTrue(betaRef > 0);
        assertEquals(betaRef, s.betaEff(), 1e-12 * betaRef);
        assertArrayEquals(s.inStrength(), interaction.strengths(batch).inStrength(), 0, "deterministic despite the parallel loop");
    }

    @Test
    void couplingsAreTheDerivativesOfTheGradientFlowWithFrozenErrorsFromAbove() {
        // tanh probe 4 -> 3 -> 3 -> 2; couplings between layer 0 (h->i) and layer 1 (i->j) at one h, i, j
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(4, new int[]{3, 3}, 2, "tanh", 3);
        double[] x = randomFeatures(5, 4, 8);
        int[] y = randomLabels(5, 2, 9);
        ProbeBatch batch = probe.forward(x, y);
        int h = 2, i = 1, j = 0, n1 = 3, n2 = 3, bs = 5;
        double[] eUp = batch.error(1); // e^{m+1}, frozen
        double delta = 1e-6;

        // upstream: w'(i->j) = -mean_b e_j a_i, moving w(h->i) of layer 0 (a_i changes, e_j frozen)
        double[] plus = perturbed(probe, 0, h * n1 + i, delta).forward(x, y).input(1);
        double[] minus = perturbed(probe, 0, h * n1 + i, -delta).forward(x, y).input(1);
        double up = 0;
        for (int b = 0; b < bs; b++) up += -eUp[b * n2 + j] * (plus[b * n1 + i] - minus[b * n1 + i]) / (2 * delta);
        up /= bs;

        // downstream: w'(h->i) = -mean_b e_i a_h with e_i = sigma'_i sum_j' w(i->j') e_j', moving w(i->j) of layer 1
        LayerWeights next = probe.layers().get(1);
        double down = 0;
        for (int b = 0; b < bs; b++) {
            double[] value = new double[2];
            for (int s = 0; s < 2; s++) {
                double shift = s == 0 ? delta : -delta, sum = 0;
                for (int jj = 0; jj < n2; jj++) sum += (next.dense(i, jj) + (jj == j ? shift : 0)) * eUp[b * n2 + jj];
                value[s] = -batch.derivative(0)[b * n1 + i] * sum * batch.input(0)[b * 4 + h];
            }
            down += (value[0] - value[1]) / (2 * delta);
        }
        down /= bs;

        double t = 0;
        for (int b = 0; b < bs; b++) t += batch.input(0)[b * 4 + h] * batch.derivative(0)[b * n1 + i] * eUp[b * n2 + j];
        t /= bs;
        assertEquals(-t, up, 1e-8, "upstream coupling");
        assertEquals(-t, down, 1e-8, "downstream coupling");
        assertEquals(Math.abs(t), explicitP(batch)[h * n1 + i][4 * 3 + i * n2 + j], 1e-15);
    }

    private static NeuralCapacitanceProbe perturbed(NeuralCapacitanceProbe probe, int layer, int index, double delta) {
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < probe.layerCount(); l++) {
            LayerWeights lw = probe.layers().get(l);
            double[] w = lw.rawWeights().clone();
            if (l == layer) w[index] += delta;
            layers.add(LayerWeights.dense(lw.name(), lw.nIn(), lw.nOut(), w, null, lw.activation()));
        }
        return new NeuralCapacitanceProbe(layers);
    }

    @Test
    void betaScalesWithTheErrorsAndVanishesWithThem() {
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(6, new int[]{5, 4}, 3, "relu", 21);
        ProbeBatch batch = probe.forward(randomFeatures(9, 6, 1), randomLabels(9, 3, 2));
        double beta = interaction.strengths(batch).betaEff();
        assertTrue(beta > 0);
        for (double c : new double[]{0.5, 1e-3, 1e-9}) {
            assertEquals(c * beta, interaction.strengths(scaledErrors(batch, c)).betaEff(), 1e-12 * c * beta);
        }
        assertEquals(0.0, interaction.strengths(scaledErrors(batch, 0)).betaEff(), 0, "no error, no coupling");
    }

    private static ProbeBatch scaledErrors(ProbeBatch batch, double c) {
        int layers = batch.layerCount();
        int[] widths = new int[layers + 1];
        double[][] in = new double[layers][], d = new double[layers][], e = new double[layers][];
        for (int k = 0; k <= layers; k++) widths[k] = batch.width(k);
        for (int k = 0; k < layers; k++) {
            in[k] = batch.input(k);
            d[k] = batch.derivative(k);
            e[k] = batch.error(k).clone();
            for (int x = 0; x < e[k].length; x++) e[k][x] *= c;
        }
        return ProbeBatch.of(batch.batchSize(), widths, in, d, e, batch.loss());
    }

    @Test
    void aProbeThatPredictsItsLabelsHasNoCapacitanceLeft() {
        // 3 -> 3 (relu, identity) -> 3 (softmax, 50 * identity); one-hot features: softmax = labels up to e^-50
        double[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] big = new double[9];
        for (int x = 0; x < 9; x++) big[x] = 50 * eye[x];
        NeuralCapacitanceProbe probe = new NeuralCapacitanceProbe(Arrays.asList(
                LayerWeights.dense("h", 3, 3, eye, null, "relu"), LayerWeights.dense("o", 3, 3, big, null, "softmax")));
        double[] x = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0};
        ProbeBatch right = probe.forward(x, new int[]{0, 1, 2, 0});
        ProbeBatch wrong = probe.forward(x, new int[]{1, 2, 0, 2});
        assertTrue(right.loss() < 1e-20, "loss " + right.loss());
        double betaRight = interaction.strengths(right).betaEff(), betaWrong = interaction.strengths(wrong).betaEff();
        assertTrue(betaRight < 1e-20, "beta_eff " + betaRight);
        assertTrue(betaWrong > 0.1, "beta_eff " + betaWrong);
    }

    @Test
    void badBatchesAreRefused() {
        double[][] one = {new double[4]};
        assertMessage("at least two consecutive layers",
                () -> interaction.strengths(ProbeBatch.of(2, new int[]{2, 2}, one, new double[][]{null}, one, 0.1)));
        double[][] in = {new double[4], new double[6]}, d = {new double[6], null}, e = {new double[6], new double[4]};
        ProbeBatch ok = ProbeBatch.of(2, new int[]{2, 3, 2}, in, d, e, Double.NaN);
        assertEquals(0.0, interaction.strengths(ok).betaEff(), 0);
        assertMessage("derivatives[0] is null", () -> ProbeBatch.of(2, new int[]{2, 3, 2}, in, new double[][]{null, null}, e, 0));
        assertMessage("errors[1] has 3 values", () -> ProbeBatch.of(2, new int[]{2, 3, 2}, in, d, new double[][]{new double[6], new double[3]}, 0));
        double[][] nan = {new double[4], new double[6]};
        nan[1][5] = Double.NaN;
        assertMessage("inputs[1] holds NaN at sample 1, unit 2", () -> ProbeBatch.of(2, new int[]{2, 3, 2}, nan, d, e, 0));
        assertMessage("batchSize", () -> ProbeBatch.of(0, new int[]{2, 3, 2}, in, d, e, 0));
        assertMessage("widths[1]", () -> ProbeBatch.of(2, new int[]{2, 0, 2}, in, d, e, 0));
        assertMessage("one entry per layer", () -> ProbeBatch.of(2, new int[]{2, 3, 2, 2}, in, d, e, 0));
        assertMessage("loss", () -> ProbeBatch.of(2, new int[]{2, 3, 2}, in, d, e, Double.POSITIVE_INFINITY));
    }
}
