package org.neuralgraph.core.graph;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;

class LineGraphTest {

    /** 2-3-2: w1[h * 3 + i], w2[i * 2 + j]. */
    static ModelWeights twoThreeTwo() {
        double[] w1 = {0.1, -0.5, 0.3, -0.2, 0.4, -0.6};
        double[] w2 = {0.7, -0.1, -0.3, 0.8, 0.2, -0.9};
        return new ModelWeights("tiny", 2, Arrays.asList(
                LayerWeights.dense("dense_1", 2, 3, w1, null, "relu"),
                LayerWeights.dense("output", 3, 2, w2, null, "softmax")));
    }

    static int link(NeuralGraph g, String from, String to) {
        int s = g.indexOf(from), t = g.indexOf(to);
        for (int e = 0; e < g.edgeCount(); e++) if (g.source(e) == s && g.target(e) == t) return e;
        return -1;
    }

    @Test
    void everyWeightIsANodeLinkedToTheWeightsLeavingItsTarget() {
        NeuralGraph g = LineGraph.build(twoThreeTwo(), LineGraph.ALL);
        assertTrue(g.isDirected());
        assertEquals(6 + 6, g.nodeCount());
        assertEquals(3 * (2 * 2), g.edgeCount(), "each of the 3 middle neurons: 2 weights in x 2 weights out");
        // node order: layer by layer, LayerWeights order within a layer (as GradientFlowInteraction's strengths)
        assertEquals("L1:0>0", g.nodeId(0));
        assertEquals("L1:0>1", g.nodeId(1));
        assertEquals("L1:1>0", g.nodeId(3));
        assertEquals("L2:0>0", g.nodeId(6));
        assertEquals("L2:2>1", g.nodeId(11));
        assertEquals("dense_1 1>2", g.nodeLabel(5));
        int e = link(g, "L1:1>2", "L2:2>0");
        assertTrue(e >= 0);
        assertEquals(0.6 * 0.2, g.weight(e), 1e-12);
        assertEquals(-1, link(g, "L2:2>0", "L1:1>2"), "links follow the signal flow only");
        assertEquals(-1, link(g, "L1:1>2", "L2:1>0"), "no link without a shared neuron");
        assertArrayEquals(new int[]{1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2}, g.nodeColumns().get("layer").ints());
        assertEquals(1, g.nodeColumns().get("from").ints()[5]);
        assertEquals(2, g.nodeColumns().get("to").ints()[5]);
        assertEquals(-0.6, g.nodeColumns().get("weight").doubles()[5], 0);
        assertEquals("output", g.nodeColumns().get("layer_name").strings()[6]);
        assertEquals("line graph", g.graphAttributes().get("graph_kind"));
        assertEquals("2-3-2", g.graphAttributes().get("layers"));
        assertEquals("all", g.graphAttributes().get("keep_per_layer"));
        assertEquals("6/6, 6/6", g.graphAttributes().get("kept_weights"));
        // two layers: first-layer weights only send, last-layer weights only receive
        assertEquals(0.0, (Double) g.graphAttributes().get("beta_eff_weights"), 0);
    }

    @Test
    void keepingTheLargestWeightsPerLayer() {
        // layer 1 keeps |-0.6| (1>2) and |-0.5| (0>1); layer 2 keeps |-0.9| (2>1) and |0.8| (1>1)
        NeuralGraph g = LineGraph.build(twoThreeTwo(), 2);
        assertEquals(4, g.nodeCount());
        assertEquals(Arrays.asList("L1:0>1", "L1:1>2", "L2:1>1", "L2:2>1"),
                Arrays.asList(g.nodeId(0), g.nodeId(1), g.nodeId(2), g.nodeId(3)));
        assertEquals(2, g.edgeCount());
        assertEquals(0.5 * 0.8, g.weight(link(g, "L1:0>1", "L2:1>1")), 1e-12);
        assertEquals(0.6 * 0.9, g.weight(link(g, "L1:1>2", "L2:2>1")), 1e-12);
        assertEquals("2", g.graphAttributes().get("keep_per_layer"));
        assertEquals("2/6, 2/6", g.graphAttributes().get("kept_weights"));
        assertArrayEquals(new int[]{0}, LineGraph.largest(new double[]{0.5, -0.5, 0.1}, 1), "ties: the lower index");
        assertArrayEquals(new int[]{0, 2}, LineGraph.largest(new double[]{-3, 1, 2}, 2));
    }

    @Test
    void threeLayersHaveCouplingComputedByHand() {
        // 2-2-2-1, every |w| = 1: first-layer weights send 2, middle ones receive 2 and send 1, last ones receive 2;
        // 12 links, beta = 4 * (2 * 1) / 12
        ModelWeights m = new ModelWeights("unit", 2, Arrays.asList(
                LayerWeights.dense("a", 2, 2, new double[]{1, -1, 1, 1}, null, "relu"),
                LayerWeights.dense("b", 2, 2, new double[]{-1, 1, 1, -1}, null, "relu"),
                LayerWeights.dense("c", 2, 1, new double[]{1, -1}, null, "softmax")));
        NeuralGraph g = LineGraph.build(m, LineGraph.ALL);
        assertEquals(10, g.nodeCount());
        assertEquals(12, g.edgeCount());
        assertEquals(2.0 / 3, (Double) g.graphAttributes().get("beta_eff_weights"), 1e-12);
    }

    @Test
    void tooLargeGraphsAndBadParametersAreRefused() {
        assertEquals(12, LineGraph.build(twoThreeTwo(), LineGraph.ALL, 12).edgeCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineGraph.build(twoThreeTwo(), LineGraph.ALL, 11));
        assertTrue(e.getMessage().contains("keepPerLayer all") && e.getMessage().contains("12 links") && e.getMessage().contains("maxLinks 11"), e.getMessage());
        assertMessage("keepPerLayer must be >= 1", () -> LineGraph.build(twoThreeTwo(), 0));
        assertMessage("maxLinks", () -> LineGraph.build(twoThreeTwo(), 2, -1));
        ModelWeights conv = new ModelWeights("cnn", 1, Arrays.asList(LayerWeights.convolution("conv", 1, 2, 2, 2, new double[8], null, "relu")));
        assertMessage("conv is not dense", () -> LineGraph.build(conv, 2));
        ModelWeights mismatch = new ModelWeights("m", 3, Arrays.asList(LayerWeights.dense("d", 2, 2, new double[4], null, "relu")));
        assertMessage("takes 2 inputs", () -> LineGraph.build(mismatch, 2));
    }

    @Test
    void mnistSizedMlpIsRefusedUnlessReduced() {
        // 784-512-512-10: 512 * 784 * 512 + 512 * 512 * 10 = 208 million links without reduction
        ModelWeights mlp = new ModelWeights("mlp", 784, Arrays.asList(
                LayerWeights.dense("d1", 784, 512, new double[784 * 512], null, "relu"),
                LayerWeights.dense("d2", 512, 512, new double[512 * 512], null, "relu"),
                LayerWeights.dense("out", 512, 10, new double[5120], null, "softmax")));
        assertMessage("more than maxLinks 5000000", () -> LineGraph.build(mlp, LineGraph.ALL));
        NeuralGraph g = LineGraph.build(mlp, 1000);
        assertEquals(3000, g.nodeCount());
        assertEquals("1000/401408, 1000/262144, 1000/5120", g.graphAttributes().get("kept_weights"));
    }
}
