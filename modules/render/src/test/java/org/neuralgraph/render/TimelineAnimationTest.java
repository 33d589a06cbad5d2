package org.neuralgraph.render;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.timeline.GraphTimeline;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineAnimationTest {

    private static NeuralGraph graph(boolean withC, double w, double accuracy) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        b.addNode("a", null);
        b.addNode("b", null);
        b.addEdge(0, 1, w);
        if (withC) {
            b.addNode("c", null);
            b.addEdge(1, 2, 0.5);
        }
        return b.graphAttribute("test_accuracy", accuracy).build();
    }

    @Test
    void oneFramePerCheckpointWithItsElementsWeightsAndCaption() {
        GraphTimeline t = GraphTimeline.ofCheckpoints(Arrays.asList(graph(true, 1, 0.1), graph(false, 2, 0.6), graph(true, 3, 0.9)),
                new int[] {0, 5, 10});
        List<AnimationFrame> frames = TimelineAnimation.frames(t, "weights");
        assertEquals(3, frames.size(), "frames count equals checkpoints");
        assertFalse(frames.get(1).present(2), "c is absent at epoch 5");
        assertEquals(1, frames.get(1).edgeCount());
        assertEquals(2.0, frames.get(1).weight(0));
        assertTrue(frames.get(2).present(2), "and back at epoch 10");
        assertEquals(List.of("epoch 5 of 10", "test accuracy 0.600"), frames.get(1).caption());
        assertEquals("weights", frames.get(0).title());
    }
}
