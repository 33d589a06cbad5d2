package org.neuralgraph.core.netfragment;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;

import static org.junit.jupiter.api.Assertions.*;

class NeuronClassGraphTest {

    @Test
    void neuronsLinkToTheClassesTheyFireFor() {
        double[][] a = {
                {1, 0, 0},   // fires for class 0 only: selectivity 1
                {0, 0, 0},   // never active: isolated, dead
                {2, 2, 2}};  // fires for every class alike: selectivity 0
        NeuralGraph g = NeuronClassGraph.build(a);
        assertEquals(6, g.nodeCount());
        assertEquals(4, g.edgeCount());
        assertEquals(g.indexOf("n0"), g.source(0));
        assertEquals(g.indexOf("class_0"), g.target(0));
        assertEquals(1.0, g.weight(0), 0);
        assertArrayEquals(new int[]{0, 1, 0, 0, 0, 0}, g.nodeColumns().get("dead").ints());
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1}, g.nodeColumns().get("layer").ints());
        double[] si = g.nodeColumns().get("selectivity").doubles();
        assertEquals(1.0, si[0], 1e-12);
        assertEquals(0.0, si[1], 0);
        assertEquals(0.0, si[2], 1e-12);
        assertArrayEquals(new double[]{1, 0, 6, 3, 2, 2}, g.nodeColumns().get("total_activation").doubles(), 1e-12);
        assertEquals("neuron-class graph", g.graphAttributes().get("graph_kind"));
    }

    @Test
    void negativeOrNaNActivationsAndRaggedRowsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuronClassGraph.build(new double[][]{{1, -0.5}}));
        assertTrue(e.getMessage().contains("neuron 0 for class 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NeuronClassGraph.build(new double[][]{{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> NeuronClassGraph.build(new double[][]{{1, 2}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> NeuronClassGraph.build(new double[0][]));
    }
}
