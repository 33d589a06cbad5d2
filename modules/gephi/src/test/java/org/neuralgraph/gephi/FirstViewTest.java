package org.neuralgraph.gephi;

import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.dag.DagLayer;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.dag.Source;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** How a generated workspace opens: styled like the command line's figures, a large one filtered to its strongest weights. */
class FirstViewTest {

    @BeforeEach
    void freshProject() {
        GephiBridgeTest.pc().closeCurrentProject();
        GephiBridgeTest.pc().newProject();
    }

    /** A dense layered graph: {@code widths[l]} nodes in layer l, every node wired to every node of the next layer. */
    static NeuralGraph layered(int... widths) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        int n = 0;
        for (int w : widths) n += w;
        int[] layer = new int[n];
        int[] first = new int[widths.length + 1];
        for (int l = 0, i = 0; l < widths.length; l++) {
            first[l] = i;
            for (int k = 0; k < widths[l]; k++, i++) {
                b.addNode("L" + l + "N" + k, "layer " + l + " #" + k);
                layer[i] = l;
            }
        }
        Random r = new Random(3);
        java.util.List<Double> signed = new java.util.ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            for (int s = 0; s < widths[l]; s++) {
                for (int t = 0; t < widths[l + 1]; t++) {
                    double w = r.nextGaussian() * (l + 1); // deeper layers have larger weights, as in a trained MLP
                    b.addEdge(first[l] + s, first[l + 1] + t, Math.abs(w));
                    signed.add(w);
                }
            }
        }
        return b.nodeColumn("layer", NeuralGraph.Column.ofInts("Layer", layer))
                .edgeColumn("value", NeuralGraph.Column.ofDoubles("Weight (signed)", signed.stream().mapToDouble(Double::doubleValue).toArray()))
                .build();
    }

    @Test
    void aSmallGraphOpensStyledAndUnfiltered() {
        Workspace ws = WorkspaceImporter.importGraph(layered(4, 6, 3), "small", ProgressMonitor.NONE);
        String said = FirstView.open(ws, 0);
        GraphModel gm = GephiBridgeTest.model(ws);
        assertTrue(said.startsWith("Nodes by layer"), said);
        Set<Integer> colours = new HashSet<>();
        for (Node n : gm.getGraph().getNodes()) colours.add(n.getColor().getRGB());
        assertEquals(3, colours.size(), "one colour per layer");
        for (Edge e : gm.getGraph().getEdges().toArray()) {
            double w = (Double) e.getAttribute("value");
            assertEquals(w < 0 ? GraphStyle.NEGATIVE : GraphStyle.POSITIVE, e.getColor().getRGB() & 0xFFFFFF);
            assertTrue(e.alpha() > 0, "an edge of opacity 0 would be drawn in its node's colour by Gephi");
        }
        assertEquals(gm.getGraph().getEdgeCount(), gm.getGraphVisible().getEdgeCount());
    }

    /** input 20 -> conv 20 -> conv 20, the input skipping into the sum (He et al. 2016, Eq. 1), -> 10 classes. */
    static NeuralGraph residual() {
        Random r = new Random(3);
        double[] a = new double[400], b = new double[400], c = new double[200];
        for (double[] w : new double[][]{a, b, c}) for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian();
        java.util.List<DagLayer> l = new java.util.ArrayList<>();
        l.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, 20).build());
        l.add(new DagLayer.Builder("conv1", "Conv", DagLayer.Kind.CONVOLUTION, 20).input(Source.all(0, 20)).kernel(1, 1, 1).weights(a).build());
        l.add(new DagLayer.Builder("conv2", "Conv", DagLayer.Kind.CONVOLUTION, 20).input(Source.all(1, 20)).kernel(1, 1, 1).weights(b).build());
        l.add(new DagLayer.Builder("add", "Add", DagLayer.Kind.ADD, 20).input(Source.all(0, 20)).input(Source.all(2, 20)).build());
        l.add(new DagLayer.Builder("fc", "Gemm", DagLayer.Kind.DENSE, 10).input(Source.all(3, 20)).weights(c).build());
        return DagWeightGraph.build(new NetworkDag("residual", "x", l, java.util.Collections.emptySet()), Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
    }

    @Test
    void skipEdgesAreGreyAndStayInTheStrongestWeights() {
        Workspace ws = WorkspaceImporter.importGraph(residual(), "residual", ProgressMonitor.NONE);
        GephiBridgeTest.pc().openWorkspace(ws);
        FirstView.open(ws, 0);
        GraphModel gm = GephiBridgeTest.model(ws);
        int skips = 0;
        for (Edge e : gm.getGraph().getEdges().toArray()) {
            boolean skip = DagWeightGraph.SKIP.equals(e.getAttribute(DagWeightGraph.KIND));
            if (skip) skips++;
            int rgb = e.getColor().getRGB() & 0xFFFFFF;
            assertEquals(skip, rgb == GraphStyle.SKIP, "skip edges, and only they, are grey");
        }
        assertEquals(20, skips);
        Set<Edge> kept = StrongestWeights.of(gm.getGraph(), 0.02);
        long keptSkips = kept.stream().filter(e -> DagWeightGraph.SKIP.equals(e.getAttribute(DagWeightGraph.KIND))).count();
        // every skip edge, and of the weights into each of the three layers with weights 2 % (at least one): 8 + 8 + 4
        assertEquals(20, keptSkips);
        assertEquals(20 + 8 + 8 + 4, kept.size());
        org.neuralgraph.core.graph.Drawing d = WorkspaceDrawing.of(gm, "residual", 0.02);
        assertTrue(d.legend().stream().anyMatch(x -> "skip connection".equals(x.label)), "the legend names the skip edges");
    }

    @Test
    void aLargeGraphOpensThroughTheStrongestWeightsFilterOfEachLayer() throws InterruptedException {
        // 100 x 150 + 150 x 50 = 22,500 edges, above the 20,000 at which a workspace opens filtered
        Workspace ws = WorkspaceImporter.importGraph(layered(100, 150, 50), "large", ProgressMonitor.NONE);
        GephiBridgeTest.pc().openWorkspace(ws);
        String said = FirstView.open(ws, 0);
        assertTrue(said.contains("2 % strongest weights of each layer") && said.contains("22,500 edges"), said);
        GraphModel gm = GephiBridgeTest.model(ws);
        for (int i = 0; i < 100 && gm.getGraphVisible().getEdgeCount() == 22_500; i++) Thread.sleep(100); // Gephi filters on a thread of its own
        // 2 % of each layer's edges: 300 of the 15,000 into layer 1, 150 of the 7,500 into layer 2
        assertEquals(450, gm.getGraphVisible().getEdgeCount());
        Set<Edge> expected = StrongestWeights.of(gm.getGraph(), 0.02);
        double weakestKeptIntoLayer1 = Double.MAX_VALUE;
        for (Edge e : expected) {
            if ((Integer) e.getTarget().getAttribute("layer") == 1) weakestKeptIntoLayer1 = Math.min(weakestKeptIntoLayer1, e.getWeight());
        }
        int stronger = 0;
        for (Edge e : gm.getGraph().getEdges().toArray()) {
            if ((Integer) e.getTarget().getAttribute("layer") == 1 && e.getWeight() > weakestKeptIntoLayer1) stronger++;
        }
        assertEquals(299, stronger, "the kept edges into layer 1 are its 300 largest |w|");
        for (Edge e : gm.getGraphVisible().getEdges().toArray()) assertTrue(expected.contains(e));
    }

    @Test
    void theFilterKeepsItsPercentOfEveryLayerAndRefusesAPercentOutOfRange() {
        Workspace ws = WorkspaceImporter.importGraph(layered(10, 10, 10), "filter", ProgressMonitor.NONE);
        GraphModel gm = GephiBridgeTest.model(ws);
        StrongestWeightsFilter f = new StrongestWeightsFilter(10.0);
        assertTrue(f.init(gm.getGraph()));
        int kept = 0;
        for (Edge e : gm.getGraph().getEdges().toArray()) if (f.evaluate(gm.getGraph(), e)) kept++;
        f.finish();
        assertEquals(20, kept, "10 of each layer's 100 edges");
        assertEquals("percent", f.getProperties()[0].getName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.setPercent(0.0));
        assertTrue(e.getMessage().contains("percent must be in (0, 100]"), e.getMessage());
    }

    /** Two 6-cliques joined by one weak edge, unsigned weights, one layer: an activation pattern graph's shape. */
    private static NeuralGraph twoCommunities(double strength) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        for (int i = 0; i < 12; i++) b.addNode("n" + i, "neuron " + i);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 6; i++) for (int j = i + 1; j < 6; j++) b.addEdge(6 * c + i, 6 * c + j, strength * (1 + i + j));
        }
        b.addEdge(0, 6, 0.1);
        return b.nodeColumn("layer", NeuralGraph.Column.ofInts("Layer", new int[12])).build();
    }

    @Test
    void aTimelineOpensStyledToo() {
        // the generator's "all checkpoints as one dynamic graph": weights are TimeMaps, Edge.getWeight() would throw
        org.neuralgraph.core.timeline.GraphTimeline t = org.neuralgraph.core.timeline.GraphTimeline.of(
                java.util.Arrays.asList(twoCommunities(1), twoCommunities(3)), new double[] {0, 2}, "epoch");
        Workspace ws = TimelineImporter.importTimeline(t, "timeline", ProgressMonitor.NONE);
        GraphModel gm = GephiBridgeTest.model(ws);
        assertTrue(gm.isDynamic());
        String said = FirstView.open(ws, 0);
        assertTrue(said.startsWith("Nodes by community"), said);
        Set<Integer> colours = new HashSet<>();
        for (Node n : gm.getGraph().getNodes()) colours.add(n.getColor().getRGB());
        assertEquals(2, colours.size(), "one colour per clique");
        float smallest = Float.MAX_VALUE, largest = 0;
        for (Node n : gm.getGraph().getNodes()) {
            smallest = Math.min(smallest, n.size());
            largest = Math.max(largest, n.size());
        }
        assertTrue(largest > smallest, "sized by strength");
        for (Edge e : gm.getGraph().getEdges().toArray()) {
            assertEquals(GraphStyle.UNSIGNED, e.getColor().getRGB() & 0xFFFFFF);
            assertTrue(e.alpha() > 0);
        }
        Edge weak = gm.getGraph().getEdge(gm.getGraph().getNode("n0"), gm.getGraph().getNode("n6"));
        Edge strong = gm.getGraph().getEdge(gm.getGraph().getNode("n4"), gm.getGraph().getNode("n5"));
        assertTrue(weak.alpha() < strong.alpha(), "opacity by |w| at the last checkpoint");
    }

    /** Gephi Desktop's camera starts on (0, 0) at one zoom: every first view is centred there, in 1,600 x 1,200 units. */
    @Test
    void everyFirstViewIsCentredWhereGephisCameraLooks() {
        for (int iterations : new int[]{0, 200}) {
            Workspace ws = WorkspaceImporter.importGraph(layered(4, 6, 3), "laid out " + iterations, ProgressMonitor.NONE);
            GraphModel gm = GephiBridgeTest.model(ws);
            FirstView.open(ws, iterations);
            double[] after = extent(gm);
            double w = after[2] - after[0], h = after[3] - after[1];
            assertTrue(w <= 1600 + 1e-2 && h <= 1200 + 1e-2 && (Math.abs(w - 1600) < 1e-2 || Math.abs(h - 1200) < 1e-2), w + " x " + h);
            assertEquals(0, (after[0] + after[2]) / 2, 1e-2);
            assertEquals(0, (after[1] + after[3]) / 2, 1e-2);
        }
    }

    private static double[] extent(GraphModel gm) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Node n : gm.getGraph().getNodes().toArray()) {
            b[0] = Math.min(b[0], n.x());
            b[1] = Math.min(b[1], n.y());
            b[2] = Math.max(b[2], n.x());
            b[3] = Math.max(b[3], n.y());
        }
        return b;
    }
}
