package org.neuralgraph.core.capacitance;

import org.neuralgraph.core.graph.LineGraph;
import java.util.stream.IntStream;

/**
 * P from the first-order mutual influence of the probe's weights in the gradient flow: the method note's section 2.2
 * reconstruction [R] (the paper's formula was not available, [?]).
 *
 * <p><b>Line graph.</b> Its nodes are all probe weights; weight (h-&gt;i) of layer m (from neuron h of layer m-1 to
 * neuron i of layer m) is linked with every weight (i-&gt;j) of layer m+1 that leaves the same neuron i.
 *
 * <p><b>Couplings.</b> Gradient flow of the mean loss over a batch: w'^m_{ih} = -eta E_b[e^m_i a^{m-1}_h], with
 * e^m_i = sigma'(z^m_i) sum_j w^{m+1}_{ji} e^{m+1}_j. Keeping only the direct (first-order) dependence, i.e. treating
 * the errors arriving from above e^{m+1} as fixed:
 * <ul>
 *   <li>downstream: d w'^m_{ih} / d w^{m+1}_{ji} = -eta E_b[a^{m-1}_h sigma'(z^m_i) e^{m+1}_j], since
 *       d e^m_i / d w^{m+1}_{ji} = sigma'(z^m_i) e^{m+1}_j;</li>
 *   <li>upstream: d w'^{m+1}_{ji} / d w^m_{ih} = -eta E_b[e^{m+1}_j sigma'(z^m_i) a^{m-1}_h], since
 *       w'^{m+1}_{ji} = -eta E_b[e^{m+1}_j a^m_i] and d a^m_i / d w^m_{ih} = sigma'(z^m_i) a^{m-1}_h.</li>
 * </ul>
 * Both are the same number, so P is symmetric: P[(h-&gt;i), (i-&gt;j)] = P[(i-&gt;j), (h-&gt;i)] = T_m[h,i,j] with
 * <pre>
 *   T_m[h,i,j] = | mean_b a^{m-1}_h(b) sigma'(z^m_i)(b) e^{m+1}_j(b) |
 * </pre>
 * (absolute value after the batch mean, as GBB needs P &gt;= 0; eta dropped, as beta_eff(cP) = c beta_eff(P)).
 * Weights not sharing a neuron have P = 0. The dropped terms are those where a change of w^{m+1} (or w^m) also moves
 * e^{m+1} itself, through the softmax and deeper layers (the Gauss-Newton-like part of the loss Hessian's cross terms).
 *
 * <p><b>Strengths.</b> Weight (h-&gt;i) of layer m has s = sum_j T_m[h,i,j] (its downstream neighbours)
 * + sum_g T_{m-1}[g,h,i] (its upstream neighbours); in = out = s, so beta_eff = sum s^2 / sum s (Eq. 3). As the errors
 * vanish so does every T, and beta_eff -&gt; 0 (the paper's property, note section 2.1 [D]); errors scaled by c scale
 * beta_eff by c.
 *
 * <p><b>Node order</b> of the returned strengths: layer by layer from the probe's first layer, within a layer in
 * {@link org.neuralgraph.core.weights.LayerWeights} order (input h * nOut + output i), the order {@link LineGraph}
 * uses when it keeps every weight.
 *
 * <p><b>Cost.</b> P (|E| x |E|) is never built. For each middle neuron i of a layer triple, the n_{m-1} x n_{m+1}
 * matrix sum_b a_h(b) sigma'_i(b) e_j(b) is computed as a small matrix product over the samples with sigma'_i(b) != 0
 * (dead relu units are skipped), in 4 x 4 tiles, and its absolute values are summed by rows and columns:
 * O(B n_{m-1} n_m n_{m+1}) per triple, memory O(B (n_{m-1} + n_{m+1})) per thread. Middle neurons are independent
 * and write disjoint strengths, so they run in parallel on the common fork-join pool; the result does not depend on
 * the thread count.
 */
public final class GradientFlowInteraction implements EdgeInteraction {

    /** Middle neurons per parallel task (each task allocates its own panels). */
    private static final int CHUNK = 8;

    /** @throws IllegalArgumentException when the batch has fewer than two layers or lacks a hidden layer's derivative */
    @Override
    public InteractionStrengths strengths(ProbeBatch batch) {
        int layers = batch.layerCount();
        if (layers < 2) throw new IllegalArgumentException("batch has " + layers + " layer; the line graph needs at least two consecutive layers");
        long[] offset = new long[layers + 1];
        for (int k = 0; k < layers; k++) offset[k + 1] = offset[k] + (long) batch.width(k) * batch.width(k + 1);
        if (offset[layers] > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("batch: the probe has too many weights (" + offset[layers] + ")");
        double[] strength = new double[(int) offset[layers]];
        for (int k = 0; k + 1 < layers; k++) {
            if (batch.derivative(k) == null) throw new IllegalArgumentException("batch: derivative(" + k + ") of a hidden layer is missing");
            accumulateTriple(batch, k, strength, (int) offset[k], (int) offset[k + 1]);
        }
        return InteractionStrengths.of(strength, strength);
    }

    /**
     * Adds the couplings T_k[h,i,j] between layer k's weights (h-&gt;i) and layer k+1's weights (i-&gt;j): row sums to the
     * former, column sums to the latter. Middle neurons i are split into chunks that run in parallel.
     */
    private static void accumulateTriple(ProbeBatch batch, int k, double[] strength, int lowerOffset, int upperOffset) {
        int n1 = batch.width(k + 1);
        int chunks = (n1 + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Panels panels = new Panels(batch, k);
            for (int i = c * CHUNK; i < Math.min(n1, (c + 1) * CHUNK); i++) panels.accumulate(i, strength, lowerOffset, upperOffset);
        });
    }

    /**
     * The n_k x n_{k+2} matrix of one middle neuron i, M[h][j] = sum_b a_h(b) sigma'_i(b) e_j(b), computed like a small
     * matrix product: the samples with sigma'_i(b) != 0 are first copied into panels of 4 units (zero-padded), so that
     * each 4 x 4 tile of M is summed in 16 local variables over contiguous memory.
     */
    private static final class Panels {
        private final int batchSize, n0, n1, n2, panels0, panels2;
        private final double[] a, d, e;
        // panel p holds units 4p..4p+3 for the x-th kept sample at [p * 4B + 4x + unit % 4]; rows x >= count are stale
        // and never read, padding units (beyond n0 or n2) are never written and stay 0
        private final double[] aPanel; // a_h(b_x)
        private final double[] uPanel; // sigma'_i(b_x) e_j(b_x)
        private final double[] tile = new double[16];

        Panels(ProbeBatch batch, int k) {
            batchSize = batch.batchSize();
            n0 = batch.width(k);
            n1 = batch.width(k + 1);
            n2 = batch.width(k + 2);
            a = batch.input(k);
            d = batch.derivative(k);
            e = batch.error(k + 1);
            panels0 = (n0 + 3) / 4;
            panels2 = (n2 + 3) / 4;
            aPanel = new double[panels0 * 4 * batchSize];
            uPanel = new double[panels2 * 4 * batchSize];
        }

        void accumulate(int i, double[] strength, int lowerOffset, int upperOffset) {
            int count = 0;
            for (int b = 0; b < batchSize; b++) {
                double s = d[b * n1 + i];
                if (s == 0) continue; // a dead relu unit passes nothing on this sample
                for (int h = 0; h < n0; h++) aPanel[(h >> 2) * 4 * batchSize + count * 4 + (h & 3)] = a[b * n0 + h];
                for (int j = 0; j < n2; j++) uPanel[(j >> 2) * 4 * batchSize + count * 4 + (j & 3)] = s * e[b * n2 + j];
                count++;
            }
            double scale = 1.0 / batchSize;
            for (int ph = 0; ph < panels0; ph++) {
                int ab = ph * 4 * batchSize;
                for (int pj = 0; pj < panels2; pj++) {
                    int ub = pj * 4 * batchSize;
                    multiplyTile(ab, ub, count);
                    for (int r = 0; r < 4; r++) {
                        int h = ph * 4 + r;
                        if (h >= n0) break;
                        for (int q = 0; q < 4; q++) {
                            int j = pj * 4 + q;
                            if (j >= n2) break;
                            double t = Math.abs(tile[r * 4 + q]) * scale;
                            strength[lowerOffset + h * n1 + i] += t; // weight (h->i) of layer k: only this i writes it
                            strength[upperOffset + i * n2 + j] += t; // weight (i->j) of layer k+1: only this i writes it
                        }
                    }
                }
            }
        }

        /** tile[r * 4 + q] = sum_x aPanel[ab + 4x + r] uPanel[ub + 4x + q]. */
        private void multiplyTile(int ab, int ub, int count) {
            double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
            double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
            double[] ap = aPanel, up = uPanel;
            for (int x = 0; x < 4 * count; x += 4) {
                double a0 = ap[ab + x], a1 = ap[ab + x + 1], a2 = ap[ab + x + 2], a3 = ap[ab + x + 3];
                double u0 = up[ub + x], u1 = up[ub + x + 1], u2 = up[ub + x + 2], u3 = up[ub + x + 3];
                c00 += a0 * u0; c01 += a0 * u1; c02 += a0 * u2; c03 += a0 * u3;
                c10 += a1 * u0; c11 += a1 * u1; c12 += a1 * u2; c13 += a1 * u3;
                c20 += a2 * u0; c21 += a2 * u1; c22 += a2 * u2; c23 += a2 * u3;
                c30 += a3 * u0; c31 += a3 * u1; c32 += a3 * u2; c33 += a3 * u3;
            }
            double[] t = tile;
            t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03;
            t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
            t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23;
            t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
        }
    }
}
