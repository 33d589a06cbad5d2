package org.neuralgraph.core.timeline;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphTimelineTest {

    /** a->b at every checkpoint (weight 1, 2, 3); c exists at 0 and 10 but not at 5, with b->c when it exists. */
    static List<NeuralGraph> threeCheckpoints() {
        return Arrays.asList(graph(true, 1, 0.5, 0.10), graph(false, 2, 0, 0.60), graph(true, 3, 0.7, 0.90));
    }

    private static NeuralGraph graph(boolean withC, double w, double wc, double accuracy) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        int a = b.addNode("a", "A");
        int bb = b.addNode("b", "B");
        b.addEdge(a, bb, w);
        double[] act = withC ? new double[] {w, 2 * w, 7} : new double[] {w, 2 * w};
        int[] layer = withC ? new int[] {0, 1, 2} : new int[] {0, 1};
        if (withC) {
            int c = b.addNode("c", "C");
            b.addEdge(bb, c, wc);
        }
        b.nodeColumn("activation", NeuralGraph.Column.ofDoubles("Activation", act));
        b.nodeColumn("layer", NeuralGraph.Column.ofInts("Layer", layer));
        b.graphAttribute("accuracy", accuracy);
        b.graphAttribute("seed", 42L);
        return b.build();
    }

    @Test
    void spellsAndValuesAreThoseOfEachCheckpoint() {
        GraphTimeline t = GraphTimeline.of(threeCheckpoints(), new double[] {0, 5, 10}, "epoch");
        assertEquals(3, t.frameCount());
        assertEquals(3, t.nodeCount());
        assertEquals(2, t.edgeCount());
        int c = 2, bc = 1;
        assertEquals("c", t.nodeId(c));
        assertTrue(t.nodePresent(0, c));
        assertFalse(t.nodePresent(1, c), "c disappears at epoch 5");
        assertTrue(t.nodePresent(2, c), "and returns at epoch 10");
        assertFalse(t.edgePresent(1, bc));
        assertTrue(Double.isNaN(t.weight(1, bc)));
        assertEquals(0.7, t.weight(2, bc));
        assertEquals(3.0, t.weight(2, 0));

        GraphTimeline.Series act = t.nodeSeries().get("activation");
        assertTrue(act.varies());
        assertEquals(4.0, act.value(1, 1));
        assertNull(act.value(1, c));
        assertFalse(t.nodeSeries().get("layer").varies(), "a layer index never changes: a static column");
        assertTrue(t.graphSeries().get("accuracy").varies());
        assertEquals(0.6, t.graphSeries().get("accuracy").value(1, 0));
        assertFalse(t.graphSeries().get("seed").varies());
    }

    @Test
    void unionAveragesWeightsOverTheCheckpointsWhereAnEdgeExists() {
        NeuralGraph u = GraphTimeline.of(threeCheckpoints(), new double[] {0, 5, 10}, "epoch").union();
        assertEquals(3, u.nodeCount());
        assertEquals(2.0, u.weight(0));
        assertEquals(0.6, u.weight(1), 1e-12);
        assertEquals(7.0, u.nodeColumns().get("activation").doubles()[2], "last value where present");
        assertEquals(0.9, u.graphAttributes().get("accuracy"));
        assertEquals(42L, u.graphAttributes().get("seed"));
    }

    @Test
    void undirectedEdgesAreTheSameWhicheverWayTheyAreStored() {
        NeuralGraph.Builder b1 = new NeuralGraph.Builder(false);
        b1.addNode("x", null); b1.addNode("y", null);
        b1.addEdge(0, 1, 1);
        NeuralGraph.Builder b2 = new NeuralGraph.Builder(false);
        b2.addNode("y", null); b2.addNode("x", null);
        b2.addEdge(0, 1, 2);
        GraphTimeline t = GraphTimeline.of(Arrays.asList(b1.build(), b2.build()), new double[] {1, 2}, "checkpoint");
        assertEquals(1, t.edgeCount());
        assertEquals(2.0, t.weight(1, 0));
    }

    @Test
    void checkpointsAreTimedByEpochWhenEpochsAreKnownAndDistinct() {
        assertEquals("epoch", GraphTimeline.ofCheckpoints(threeCheckpoints(), new int[] {0, 5, 10}).timeUnit());
        assertEquals(10.0, GraphTimeline.ofCheckpoints(threeCheckpoints(), new int[] {0, 5, 10}).time(2));
        GraphTimeline unknown = GraphTimeline.ofCheckpoints(threeCheckpoints(), new int[] {-1, -1, -1});
        assertEquals("checkpoint", unknown.timeUnit());
        assertEquals(2.0, unknown.time(2));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        List<NeuralGraph> g = threeCheckpoints();
        assertThrows(IllegalArgumentException.class, () -> GraphTimeline.of(List.of(), new double[0], "epoch"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphTimeline.of(g, new double[] {0, 5}, "epoch"))
                .getMessage().contains("3 graphs but 2 times"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphTimeline.of(g, new double[] {0, 5, 5}, "epoch"))
                .getMessage().contains("strictly increasing"));
        NeuralGraph.Builder other = new NeuralGraph.Builder(true);
        other.addNode("a", null);
        other.nodeColumn("layer", NeuralGraph.Column.ofStrings("Layer", new String[] {"zero"}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GraphTimeline.of(Arrays.asList(g.get(0), other.build()), new double[] {0, 1}, "epoch"))
                .getMessage().contains("'Layer' holds Integer values at one checkpoint and String at another"));
    }
}
