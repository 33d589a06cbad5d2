package org.neuralgraph.core.capacitance;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuralgraph.core.Refusals.assertMessage;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectiveCouplingTest {

    @Test
    void twoWayStarIsHalfOfKPlusOne() {
        // hub 0 -> leaves 1..k and leaves -> hub, unit weights: s_in(hub) = s_out(hub) = k, leaves 1 and 1;
        // beta = (k*k + k*1*1) / 2k = (k+1)/2
        int k = 5;
        int[] src = new int[2 * k], dst = new int[2 * k];
        double[] w = new double[2 * k];
        for (int leaf = 1; leaf <= k; leaf++) {
            src[leaf - 1] = 0; dst[leaf - 1] = leaf; w[leaf - 1] = 1;
            src[k + leaf - 1] = leaf; dst[k + leaf - 1] = 0; w[k + leaf - 1] = 1;
        }
        assertEquals(3.0, EffectiveCoupling.of(k + 1, src, dst, w), 1e-12);
    }

    @Test
    void oneWayStarHasNoCoupling() {
        // hub -> leaves only: no node both receives and sends, so sum s_out s_in = 0
        assertEquals(0.0, EffectiveCoupling.of(4, new int[]{0, 0, 0}, new int[]{1, 2, 3}, new double[]{1, 2, 3}), 0);
    }

    @Test
    void directedCycleIsItsWeight() {
        int n = 7;
        int[] src = new int[n], dst = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) { src[i] = i; dst[i] = (i + 1) % n; w[i] = 0.3; }
        assertEquals(0.3, EffectiveCoupling.of(n, src, dst, w), 1e-12);
    }

    @Test
    void completeDirectedGraphIsNMinusOne() {
        int n = 6;
        int m = n * (n - 1);
        int[] src = new int[m], dst = new int[m];
        double[] w = new double[m];
        int e = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) { src[e] = i; dst[e] = j; w[e] = 1; e++; }
        assertEquals(n - 1, EffectiveCoupling.of(n, src, dst, w), 1e-12);
        double[] s = new double[n];
        java.util.Arrays.fill(s, n - 1);
        assertEquals(n - 1, EffectiveCoupling.of(s, s), 1e-12);
    }

    @Test
    void scalingPScalesBetaAndDirectionMatters() {
        int[] src = {0, 1, 1, 2, 3, 0}, dst = {1, 2, 3, 0, 1, 3};
        double[] w = {0.5, 2, 1, 0.25, 3, 1.5};
        double beta = EffectiveCoupling.of(4, src, dst, w);
        // by hand: in = {0.25, 3.5, 2, 2.5}, out = {2, 3, 0.25, 3}, total 8.25
        assertEquals((0.25 * 2 + 3.5 * 3 + 2 * 0.25 + 2.5 * 3) / 8.25, beta, 1e-12);
        double[] scaled = new double[w.length];
        for (int i = 0; i < w.length; i++) scaled[i] = 3.7 * w[i];
        assertEquals(3.7 * beta, EffectiveCoupling.of(4, src, dst, scaled), 1e-12);
    }

    @Test
    void undirectedGraphCountsEachEdgeBothWays() {
        // path a - b - c, unit weights: strengths 1, 2, 1; total 4; beta = (1 + 4 + 1) / 4
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        b.addNode("a", null); b.addNode("b", null); b.addNode("c", null);
        b.addEdge(0, 1, 1); b.addEdge(1, 2, 1);
        assertEquals(1.5, EffectiveCoupling.of(b.build()), 1e-12);
        NeuralGraph.Builder d = new NeuralGraph.Builder(true);
        d.addNode("a", null); d.addNode("b", null); d.addNode("c", null);
        d.addEdge(0, 1, 1); d.addEdge(1, 2, 1);
        assertEquals(1.0 / 2, EffectiveCoupling.of(d.build()), 1e-12, "directed path: only b receives and sends");
    }

    @Test
    void noWeightMeansNoCoupling() {
        assertEquals(0.0, EffectiveCoupling.of(3, new int[]{0}, new int[]{1}, new double[]{0}), 0);
        assertEquals(0.0, EffectiveCoupling.of(new double[3], new double[3]), 0);
    }

    @Test
    void badInputIsRefusedWithTheParameterName() {
        assertMessage("inStrength", () -> EffectiveCoupling.of(new double[]{1, Double.NaN}, new double[]{1, 1}));
        assertMessage("outStrength", () -> EffectiveCoupling.of(new double[]{1, 1}, new double[]{1, -1}));
        assertMessage("outStrength has 1", () -> EffectiveCoupling.of(new double[]{1, 1}, new double[]{2}));
        assertMessage("empty", () -> EffectiveCoupling.of(new double[0], new double[0]));
        assertMessage("sums to", () -> EffectiveCoupling.of(new double[]{1, 1}, new double[]{1, 2}));
        assertMessage("weight of edge 0", () -> EffectiveCoupling.of(2, new int[]{0}, new int[]{1}, new double[]{Double.NaN}));
        assertMessage("weight of edge 0", () -> EffectiveCoupling.of(2, new int[]{0}, new int[]{1}, new double[]{-1}));
        assertMessage("outside", () -> EffectiveCoupling.of(2, new int[]{0}, new int[]{2}, new double[]{1}));
        assertMessage("one entry per edge", () -> EffectiveCoupling.of(2, new int[]{0}, new int[]{1, 0}, new double[]{1}));
        assertMessage("nodeCount", () -> EffectiveCoupling.of(0, new int[0], new int[0], new double[0]));
    }
}
