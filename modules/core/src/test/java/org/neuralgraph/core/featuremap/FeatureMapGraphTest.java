package org.neuralgraph.core.featuremap;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;

import static org.junit.jupiter.api.Assertions.*;

/** Hand-made 4 x 4 maps whose node sets and edges are known. */
class FeatureMapGraphTest {

    /**
     * <pre>
     *   9 8 0 0
     *   7 0 0 6
     *   0 0 0 5
     *   1 0 0 4
     * </pre>
     * The brightest 7 of 16 (43.75 %): 9 8 7 6 5 4 and the 1.
     */
    private static final double[] MAP = {9, 8, 0, 0, 7, 0, 0, 6, 0, 0, 0, 5, 1, 0, 0, 4};

    private static boolean linked(NeuralGraph g, String a, String b) {
        int x = g.indexOf(a), y = g.indexOf(b);
        for (int e = 0; e < g.edgeCount(); e++) {
            if ((g.source(e) == x && g.target(e) == y) || (g.source(e) == y && g.target(e) == x)) return true;
        }
        return false;
    }

    @Test
    void spatialAdjacencyLinksOrthogonalNeighboursOnly() {
        NeuralGraph g = FeatureMapGraph.spatial(MAP, 4, 4, true, 43.75, FeatureMapGraph.Adjacency.SPATIAL_4);
        assertEquals(7, g.nodeCount());
        assertEquals(4, g.edgeCount(), "9-8, 9-7, 6-5, 5-4; the 1 is alone");
        assertTrue(linked(g, "r0c0", "r0c1") && linked(g, "r0c0", "r1c0") && linked(g, "r1c3", "r2c3") && linked(g, "r2c3", "r3c3"));
        assertFalse(linked(g, "r0c1", "r1c0"), "diagonal");
        assertArrayEquals(new int[]{0, 0, 1, 1, 2, 3, 3}, g.nodeColumns().get("row").ints());
        assertEquals(9.0, g.nodeColumns().get("value").doubles()[0], 0);

        NeuralGraph g8 = FeatureMapGraph.spatial(MAP, 4, 4, true, 43.75, FeatureMapGraph.Adjacency.SPATIAL_8);
        assertEquals(5, g8.edgeCount(), "and the diagonal 8-7");
        assertTrue(linked(g8, "r0c1", "r1c0"));
    }

    @Test
    void darkestSelectionAndTies() {
        int[] dark = FeatureMapGraph.select(MAP, 4, 4, false, 50);
        assertEquals(8, dark.length);
        assertArrayEquals(new int[]{2, 3, 5, 6, 8, 9, 10, 13}, dark, "eight of the nine zeros, ties in pixel order (14 is left out)");
        NeuralGraph g = FeatureMapGraph.spatial(MAP, 4, 4, false, 50, FeatureMapGraph.Adjacency.SPATIAL_4);
        assertEquals(8, g.edgeCount(), "2-3, 2-6, 5-6, 5-9, 6-10, 8-9, 9-10, 9-13");
        assertEquals(1, FeatureMapGraph.select(MAP, 4, 4, true, 1).length, "at least one pixel");
        assertEquals(16, FeatureMapGraph.select(MAP, 4, 4, true, 100).length);
    }

    @Test
    void valueAdjacencyUsesTheDynamicOffset() {
        // offset 0.25 x (9 - 0) = 2.25: pairs among 9 8 7 6 5 4 1 closer than 2.25 are linked with weight 2.25 / difference
        NeuralGraph g = FeatureMapGraph.value(MAP, 4, 4, true, 43.75, 0.25, 100);
        assertEquals(2.25, (Double) g.graphAttributes().get("value_offset"), 1e-12);
        assertEquals(9, g.edgeCount(), "differences 1 (5 pairs) and 2 (4 pairs)");
        int e98 = -1;
        for (int e = 0; e < g.edgeCount(); e++) if (g.nodeId(g.source(e)).equals("r0c0") && g.nodeId(g.target(e)).equals("r0c1")) e98 = e;
        assertEquals(2.25, g.weight(e98), 1e-12);
        assertFalse(linked(g, "r3c0", "r3c3"), "1 and 4 differ by 3 > 2.25");

        double[] twins = {5, 5, 0, 0};
        NeuralGraph t = FeatureMapGraph.value(twins, 2, 2, true, 50, 0.1, 50);
        assertEquals(1, t.edgeCount());
        assertEquals(50, t.weight(0), 0, "equal values: the cap");
        NeuralGraph constant = FeatureMapGraph.value(new double[]{3, 3, 3, 3}, 2, 2, true, 50, 0.1, 50);
        assertEquals(2, constant.nodeCount());
        assertEquals(0, constant.edgeCount(), "a constant map has offset 0 and no value edges");
    }

    @Test
    void badInputIsNamed() {
        double[] nan = MAP.clone();
        nan[5] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureMapGraph.select(nan, 4, 4, true, 10));
        assertTrue(e.getMessage().contains("row 1, col 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureMapGraph.select(MAP, 4, 4, true, 0));
        assertThrows(IllegalArgumentException.class, () -> FeatureMapGraph.select(MAP, 4, 4, true, 101));
        assertThrows(IllegalArgumentException.class, () -> FeatureMapGraph.select(MAP, 3, 4, true, 10));
        assertThrows(IllegalArgumentException.class, () -> FeatureMapGraph.value(MAP, 4, 4, true, 10, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> FeatureMapGraph.spatial(MAP, 4, 4, true, 10, FeatureMapGraph.Adjacency.VALUE));
    }
}
