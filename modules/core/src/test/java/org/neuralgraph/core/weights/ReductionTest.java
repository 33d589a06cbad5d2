package org.neuralgraph.core.weights;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.backbone.ReductionSummary;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The disparity and auto rules of {@link Sparsification} on weight graphs, and the reduction summary they record. */
class ReductionTest {

    /**
     * 3-2-1 with one dominant weight per neuron: input 0 sends 0.9 and 0.01 (out-strength 0.91), input 1 and 2 send
     * 0.1 and 0.1; hidden 0 receives 0.9, 0.1, 0.1, hidden 1 0.01, 0.1, 0.1; output receives 1 and 1.
     */
    static ModelWeights model() {
        LayerWeights l1 = LayerWeights.dense("dense_1", 3, 2, new double[]{0.9, 0.01, 0.1, 0.1, 0.1, 0.1}, null, "relu");
        LayerWeights l2 = LayerWeights.dense("output", 2, 1, new double[]{1, -1}, null, "sigmoid");
        return new ModelWeights("m", 3, Arrays.asList(l1, l2));
    }

    @Test
    void disparityKeepsTheDominantWeightAndSaysSo() {
        // edge 0->3 (0.9): at the source (1 - 0.9/0.91)^1 = 0.011 < 0.05, kept; every other edge's alpha is >= 0.1
        NeuralGraph g = WeightGraph.build(model(), Sparsification.disparity(0.05));
        assertEquals(1, g.edgeCount());
        assertEquals("L0N0", g.nodeId(g.source(0)));
        assertEquals("L1N0", g.nodeId(g.target(0)));
        assertEquals("disparity:0.05", g.graphAttributes().get("sparsification"));
        String line = (String) g.graphAttributes().get(WeightGraph.REDUCTION);
        assertTrue(line.startsWith("reduced by the disparity filter (Serrano, Boguna and Vespignani 2009) at alpha 0.05: 1 of 8 weight edges (12.5 %), "), line);
        ReductionSummary s = ReductionSummary.parseJson((String) g.graphAttributes().get(WeightGraph.REDUCTION_SUMMARY));
        assertEquals(3, s.layers().size());
        ReductionSummary.Layer input = s.layers().get(0), hidden = s.layers().get(1), out = s.layers().get(2);
        assertEquals("input", input.name);
        assertEquals(0, input.edges);
        assertEquals(1, input.nodesKept);
        assertEquals(3, input.nodes);
        assertEquals(1, hidden.edgesKept);
        assertEquals(6, hidden.edges);
        assertEquals(0.9, hidden.weightKept, 1e-12);
        assertEquals(1.31, hidden.weight, 1e-12);
        assertEquals(1, hidden.nodesKept);
        assertEquals(2, hidden.nodes);
        assertEquals(0, out.edgesKept);
        assertEquals(2, out.edges);
        assertEquals(2.0, out.weight, 1e-12);
        assertEquals(0, out.nodesKept);
        assertEquals(1, s.edgesKept());
        assertEquals(8, s.edges());
    }

    @Test
    void autoKeepsEverythingUpToItsBudgetAndReducesAbove() {
        NeuralGraph small = WeightGraph.build(model(), Sparsification.parse("auto"));
        assertEquals(8, small.edgeCount());
        assertEquals("none", small.graphAttributes().get("sparsification"));
        assertTrue(((String) small.graphAttributes().get(WeightGraph.REDUCTION)).startsWith("not reduced: 8 of 8 weight edges"));

        NeuralGraph over = WeightGraph.build(model(), Sparsification.parse("auto:4"));
        assertEquals(1, over.edgeCount());
        assertEquals("disparity:0.05", over.graphAttributes().get("sparsification"));
        assertTrue(((String) over.graphAttributes().get(WeightGraph.REDUCTION))
                .endsWith("auto: the graph has over 4 weight edges, '--sparsify none' keeps every edge"));
        assertEquals(8, WeightGraph.build(model(), Sparsification.none()).edgeCount(), "an explicit none overrides");
    }

    @Test
    void autoLowersAlphaUntilTheBackboneFits() {
        double[] alpha = {0.04, 0.03, 0.008, 0.0009, 0.5};
        assertEquals(0.05, Sparsification.autoLevel(alpha, 4));
        assertEquals(0.01, Sparsification.autoLevel(alpha, 2));
        assertEquals(0.005, Sparsification.autoLevel(alpha, 1));
        assertEquals(5e-4, Sparsification.autoLevel(alpha, 0));
    }

    @Test
    void rulesRoundTrip() {
        for (String t : new String[]{"none", "auto", "auto:500", "disparity:0.05", "disparity:0.001", "top-k:3", "percentile:90"}) {
            assertEquals(t, Sparsification.parse(t).toString());
        }
        assertEquals(Sparsification.AUTO_EDGES, Sparsification.parse("auto").autoEdges());
    }

    @Test
    void badParametersRefusedNamingTheRule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sparsification.parse("disparity:0")).getMessage().startsWith("disparity alpha must be in (0, 1), got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sparsification.parse("disparity:1.5")).getMessage().startsWith("disparity alpha must be in (0, 1), got 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sparsification.parse("top-k:0")).getMessage().startsWith("sparsification top-k must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sparsification.parse("auto:0")).getMessage().startsWith("sparsification auto:N needs N >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sparsification.parse("disparity:x")).getMessage().startsWith("sparsification 'disparity:x'"));
    }
}
