package org.neuralgraph.core.weights;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.*;

class WeightGraphTest {

    /** 3-2-1: w1[i][j] = (i+1)*(j+1)*(j==1 ? -1 : 1) / 10, w2 = {0.5, -2}. */
    static ModelWeights tiny() {
        double[] w1 = {0.1, -0.2, 0.2, -0.4, 0.3, -0.6};
        LayerWeights l1 = LayerWeights.dense("dense_1", 3, 2, w1, new double[]{0.01, 0.02}, "relu");
        LayerWeights l2 = LayerWeights.dense("output", 2, 1, new double[]{0.5, -2}, new double[]{-1}, "sigmoid");
        return new ModelWeights("tiny", 3, Arrays.asList(l1, l2));
    }

    @Test
    void denseNetworkNodesEdgesAndAttributes() {
        NeuralGraph g = WeightGraph.build(tiny(), Sparsification.none());
        assertTrue(g.isDirected());
        assertEquals(6, g.nodeCount());
        assertEquals(8, g.edgeCount());
        assertEquals("L0N2", g.nodeId(2));
        assertEquals("dense_1 #1", g.nodeLabel(4));
        assertEquals("L2N0", g.nodeId(5));
        int e = edge(g, "L0N2", "L1N1");
        assertEquals(0.6, g.weight(e), 1e-12);
        assertEquals(-0.6, g.edgeColumns().get("value").doubles()[e], 1e-12);
        assertEquals(2.0, g.weight(edge(g, "L1N1", "L2N0")), 1e-12);
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 2}, g.nodeColumns().get("layer").ints());
        assertArrayEquals(new int[]{0, 1, 2, 0, 1, 0}, g.nodeColumns().get("index").ints());
        assertEquals("output", g.nodeColumns().get("layer_name").strings()[5]);
        double[] bias = g.nodeColumns().get("bias").doubles();
        assertTrue(Double.isNaN(bias[0]));
        assertEquals(0.02, bias[4], 0);
        assertEquals(-1, bias[5], 0);
        assertEquals("3-2-1", g.graphAttributes().get("layers"));
        assertEquals(11L, g.graphAttributes().get("parameters"));
        assertEquals("none", g.graphAttributes().get("sparsification"));
    }

    @Test
    void convolutionChannelsWeighTheirKernelsL1Norm() {
        // conv: 1 input channel -> 2 output channels, 2x2 kernels; then dense from 2 channels x 3 positions to 1 unit
        double[] k = {1, -2, 3, -4, /* channel 1 */ 0.5, 0.5, -0.5, 0};
        LayerWeights conv = LayerWeights.convolution("conv_1", 1, 2, 2, 2, k, null, "relu");
        double[] d = {1, 2, -3, /* channel 1 positions */ 0.25, 0.25, -0.5};
        LayerWeights dense = LayerWeights.dense("output", 6, 1, d, new double[]{0}, "softmax");
        NeuralGraph g = WeightGraph.build(new ModelWeights("cnn", 1, Arrays.asList(conv, dense)), Sparsification.none());
        assertEquals(1 + 2 + 1, g.nodeCount());
        assertEquals(2 + 2, g.edgeCount());
        int e0 = edge(g, "L0N0", "L1N0");
        assertEquals(10, g.weight(e0), 1e-12);
        assertEquals(-2, g.edgeColumns().get("value").doubles()[e0], 1e-12);
        assertEquals(1.5, g.weight(edge(g, "L0N0", "L1N1")), 1e-12);
        assertEquals(6, g.weight(edge(g, "L1N0", "L2N0")), 1e-12);
        assertEquals(1, g.weight(edge(g, "L1N1", "L2N0")), 1e-12);
        assertTrue(Double.isNaN(g.nodeColumns().get("bias").doubles()[1]), "a convolution without bias");
    }

    @Test
    void mismatchedLayersAreNamed() {
        LayerWeights l1 = LayerWeights.dense("dense_1", 3, 2, new double[6], null, null);
        LayerWeights l2 = LayerWeights.dense("dense_2", 5, 1, new double[5], null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightGraph.build(new ModelWeights("m", 3, Arrays.asList(l1, l2)), Sparsification.none()));
        assertTrue(e.getMessage().contains("dense_2") && e.getMessage().contains("5 inputs"), e.getMessage());
    }

    @Test
    void nanWeightsAreRefusedWithTheLayer() {
        double[] w = {0.1, Double.NaN};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerWeights.dense("dense_7", 2, 1, w, null, null));
        assertTrue(e.getMessage().contains("dense_7") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void mlp784_50_50_50_10Sizes() {
        int[] sizes = {784, 50, 50, 50, 10};
        java.util.List<LayerWeights> layers = new java.util.ArrayList<>();
        for (int l = 1; l < sizes.length; l++) layers.add(LayerWeights.dense("d" + l, sizes[l - 1], sizes[l], new double[sizes[l - 1] * sizes[l]], new double[sizes[l]], "relu"));
        NeuralGraph g = WeightGraph.build(new ModelWeights("seed000", 784, layers), Sparsification.none());
        assertEquals(944, g.nodeCount());
        assertEquals(44_700, g.edgeCount());
    }

    @Test
    void sparsificationRules() {
        NeuralGraph p = WeightGraph.build(tiny(), Sparsification.percentile(50));
        // sorted |w| = 0.1 0.2 0.2 0.3 0.4 0.5 0.6 2.0; the 50th percentile is the value at rank floor(0.5 * 7) = 3, 0.3
        assertEquals(5, p.edgeCount());
        assertEquals("percentile:50", p.graphAttributes().get("sparsification"));
        NeuralGraph t = WeightGraph.build(tiny(), Sparsification.topK(1));
        // each target's strongest incoming: (2->3) 0.3, (2->4) 0.6, (4->5) 2.0; each source's strongest outgoing:
        // 0: (0->4) 0.2, 1: (1->4) 0.4, 2: (2->4) 0.6, 3: (3->5) 0.5, 4: (4->5) 2.0
        assertEquals(6, t.edgeCount());
        assertEquals("top-k:1", t.graphAttributes().get("sparsification"));
        assertEquals(Sparsification.topK(3).toString(), Sparsification.parse("top-k:3").toString());
        assertThrows(IllegalArgumentException.class, () -> Sparsification.percentile(100));
        assertThrows(IllegalArgumentException.class, () -> Sparsification.percentile(-1));
        assertThrows(IllegalArgumentException.class, () -> Sparsification.topK(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sparsification.parse("best:3"));
        assertTrue(e.getMessage().contains("best:3"));
        assertEquals(8, WeightGraph.build(tiny(), Sparsification.percentile(0)).edgeCount());
    }

    @Test
    void emptyModelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ModelWeights("empty", 3, Collections.emptyList()));
    }

    static int edge(NeuralGraph g, String from, String to) {
        int s = g.indexOf(from), t = g.indexOf(to);
        for (int e = 0; e < g.edgeCount(); e++) if (g.source(e) == s && g.target(e) == t) return e;
        throw new AssertionError("no edge " + from + "->" + to);
    }
}
