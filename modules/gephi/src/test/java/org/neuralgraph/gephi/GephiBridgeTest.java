package org.neuralgraph.gephi;

import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.openide.util.Lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class GephiBridgeTest {

    static ProjectController pc() { return Lookup.getDefault().lookup(ProjectController.class); }
    static GraphModel model(Workspace ws) { return Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws); }

    @BeforeEach
    void freshProject() {
        pc().closeCurrentProject();
        pc().newProject();
    }

    /** 5 nodes, 6 weighted directed edges, columns of every type, graph attributes. */
    static NeuralGraph tiny() {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        for (int i = 0; i < 5; i++) b.addNode("n" + i, "node " + i);
        int[][] e = {{0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 4}, {3, 4}};
        double[] w = {0.5, 1.5, 2.0, 0.25, 3.0, 1.0};
        double[] signed = new double[e.length];
        for (int k = 0; k < e.length; k++) { b.addEdge(e[k][0], e[k][1], w[k]); signed[k] = k % 2 == 0 ? w[k] : -w[k]; }
        return b.nodeColumn("layer", NeuralGraph.Column.ofInts("Layer", new int[]{0, 0, 1, 1, 2}))
                .nodeColumn("layer_name", NeuralGraph.Column.ofStrings("Layer name", new String[]{"in", "in", "h", "h", "out"}))
                .nodeColumn("bias", NeuralGraph.Column.ofDoubles("Bias", new double[]{Double.NaN, Double.NaN, 0.1, -0.2, 0.3}))
                .edgeColumn("value", NeuralGraph.Column.ofDoubles("Weight (signed)", signed))
                .graphAttribute("model", "tiny").graphAttribute("seed", 7L).graphAttribute("epoch", 3)
                .build();
    }

    @Test
    void importKeepsNodesEdgesColumnsAndAttributes() {
        Workspace ws = WorkspaceImporter.importGraph(tiny(), "tiny epoch 3", ProgressMonitor.NONE);
        GraphModel gm = model(ws);
        assertEquals("tiny epoch 3", ws.getName());
        assertEquals(5, gm.getGraph().getNodeCount());
        assertEquals(6, gm.getGraph().getEdgeCount());
        assertTrue(gm.isDirected());
        Node n3 = gm.getGraph().getNode("n3");
        assertEquals("node 3", n3.getLabel());
        assertEquals(1, n3.getAttribute("layer"));
        assertEquals("h", n3.getAttribute("layer_name"));
        assertEquals(-0.2, (Double) n3.getAttribute("bias"), 0);
        Edge e = gm.getGraph().getEdge(gm.getGraph().getNode("n1"), n3);
        assertEquals(0.25, e.getWeight(), 0);
        assertEquals(-0.25, (Double) e.getAttribute("value"), 0);
        assertEquals("tiny", gm.getGraph().getAttribute("model"));
        assertEquals(7L, gm.getGraph().getAttribute("seed"));
        assertTrue(n3.x() > gm.getGraph().getNode("n0").x(), "layers left to right");
    }

    @Test
    void gexfRoundTrip(@TempDir Path tmp) throws IOException {
        Workspace ws = WorkspaceImporter.importGraph(tiny(), "tiny", ProgressMonitor.NONE);
        GephiMetrics.compute(model(ws), ProgressMonitor.NONE);
        GraphStyle.colourBy(model(ws), "layer");
        GraphStyle.sizeByWeightedDegree(model(ws));
        List<Path> files = GraphExporter.export(ws, tmp, "tiny", EnumSet.of(GraphExporter.Format.GEXF, GraphExporter.Format.GRAPHML,
                GraphExporter.Format.CSV));
        assertEquals(4, files.size(), "GEXF, GraphML, nodes and edges CSV");
        String gexf = new String(Files.readAllBytes(tmp.resolve("tiny.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("version=\"1.3\""), "GEXF 1.3");
        assertTrue(gexf.contains("<title>tiny</title>"), "workspace name as the GEXF title");
        assertTrue(gexf.contains("model=tiny") && gexf.contains("seed=7"), "graph attributes in the GEXF description");
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            assertEquals(4, s.count(), "no temporary files left");
        }
        java.util.List<String> nodesCsv = Files.readAllLines(tmp.resolve("tiny-nodes.csv"));
        java.util.List<String> edgesCsv = Files.readAllLines(tmp.resolve("tiny-edges.csv"));
        assertEquals(1 + 5, nodesCsv.size(), "a header and a row per node");
        assertEquals(1 + 6, edgesCsv.size(), "a header and a row per edge");
        assertTrue(nodesCsv.get(0).startsWith("Id,Label") && nodesCsv.get(0).contains("Layer"), nodesCsv.get(0));
        assertTrue(edgesCsv.get(0).startsWith("Source,Target") && edgesCsv.get(0).contains("Weight"), edgesCsv.get(0));

        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container c = ic.importFile(tmp.resolve("tiny.gexf").toFile());
        c.getLoader().setAutoScale(false); // Gephi rescales imported positions by default
        Workspace back = pc().newWorkspace(pc().getCurrentProject());
        ic.process(c, new DefaultProcessor(), back);
        GraphModel a = model(ws), b = model(back);
        assertEquals(5, b.getGraph().getNodeCount());
        assertEquals(6, b.getGraph().getEdgeCount());
        for (Node n : a.getGraph().getNodes()) {
            Node m = b.getGraph().getNode((String) n.getId());
            assertNotNull(m, "node " + n.getId());
            assertEquals(n.getLabel(), m.getLabel());
            assertEquals(n.x(), m.x(), 1e-3);
            assertEquals(n.y(), m.y(), 1e-3);
            assertEquals(n.getColor(), m.getColor());
            assertEquals(n.getAttribute("layer"), m.getAttribute("layer"));
            assertEquals(n.getAttribute("layer_name"), m.getAttribute("layer_name"));
        }
        for (Edge e : a.getGraph().getEdges()) {
            Edge f = b.getGraph().getEdge(b.getGraph().getNode((String) e.getSource().getId()), b.getGraph().getNode((String) e.getTarget().getId()));
            assertNotNull(f);
            assertEquals(e.getWeight(), f.getWeight(), 1e-9);
            assertEquals((Double) e.getAttribute("value"), ((Number) f.getAttribute("value")).doubleValue(), 1e-9);
        }
    }

    /** Darnell and Leonard, Section 4: "Clustering coefficient remained 0, network diameter remained 4, and average path length remained 2.08". */
    @Test
    void mlp784_50_50_50_10HasThePapersStructure() {
        NeuralGraph g = layered(new int[]{784, 50, 50, 50, 10}, 1);
        Workspace ws = WorkspaceImporter.importGraph(g, "mlp", ProgressMonitor.NONE);
        GraphMetrics m = GephiMetrics.compute(model(ws), ProgressMonitor.NONE);
        assertEquals(944, m.nodes());
        assertEquals(44_700, m.edges());
        assertEquals(0.0, m.averageClustering(), 0);
        assertEquals(4.0, m.diameter(), 0);
        assertEquals(279_560.0 / 134_440.0, m.averagePathLength(), 1e-9);
        assertEquals(2.08, m.averagePathLength(), 0.005);
        assertEquals(1, m.components());
        assertEquals(944, m.largestComponent());
        assertEquals(44_700.0 / 944, m.averageDegree(), 1e-9);
        double sum = 0;
        for (double w : g.weights()) sum += w;
        assertEquals(sum / 944, m.averageWeightedDegree(), 1e-6);
    }

    @Test
    void modularitySweepIsReproducible() {
        NeuralGraph g = layered(new int[]{30, 20, 10}, 3);
        Workspace ws1 = WorkspaceImporter.importGraph(g, "a", ProgressMonitor.NONE);
        Workspace ws2 = WorkspaceImporter.importGraph(g, "b", ProgressMonitor.NONE);
        List<ModularitySweep.Result> r1 = ModularitySweep.run(model(ws1), ModularitySweep.DEFAULT_RESOLUTIONS, 1.0, ProgressMonitor.NONE);
        List<ModularitySweep.Result> r2 = ModularitySweep.run(model(ws2), ModularitySweep.DEFAULT_RESOLUTIONS, 1.0, ProgressMonitor.NONE);
        assertEquals(10, r1.size());
        for (int i = 0; i < r1.size(); i++) {
            assertEquals(r1.get(i).modularity(), r2.get(i).modularity(), 0);
            assertEquals(r1.get(i).communities(), r2.get(i).communities());
            assertTrue(r1.get(i).modularity() > -0.5 && r1.get(i).modularity() <= 1);
        }
        assertTrue(r1.get(0).communities() >= r1.get(9).communities(), "Gephi: a higher resolution gives fewer, larger communities");
        assertNotNull(model(ws1).getGraph().getNode("L0N0").getAttribute("modularity_class"));
        assertThrows(IllegalArgumentException.class, () -> ModularitySweep.run(model(ws1), new double[]{0.5}, 1.0, ProgressMonitor.NONE));
    }

    @Test
    void cancelledImportLeavesNoWorkspace() {
        WorkspaceImporter.importGraph(tiny(), "first", ProgressMonitor.NONE);
        int before = pc().getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces().length;
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override public void start(String phase, long totalUnits) { }
            @Override public void progress(long doneUnits, String message) { }
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancelledException.class, () -> WorkspaceImporter.importGraph(layered(new int[]{100, 10}, 1), "cancelled", cancelled));
        int after = pc().getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces().length;
        assertEquals(before, after);
    }

    @Test
    void forceAtlas2IsDeterministic() {
        NeuralGraph g = layered(new int[]{20, 10, 5}, 5);
        Workspace a = WorkspaceImporter.importGraph(g, "a", ProgressMonitor.NONE);
        Workspace b = WorkspaceImporter.importGraph(g, "b", ProgressMonitor.NONE);
        ForceAtlas2Runner.run(model(a), 50, ProgressMonitor.NONE);
        ForceAtlas2Runner.run(model(b), 50, ProgressMonitor.NONE);
        Node na = model(a).getGraph().getNode("L1N3"), nb = model(b).getGraph().getNode("L1N3");
        assertEquals(na.x(), nb.x(), 0);
        assertEquals(na.y(), nb.y(), 0);
        assertNotEquals(LayeredPositions.compute(g)[25][1], na.y());
    }

    @Test
    void aFeatureMapGraphStartsOnItsPixelGrid() {
        double[] map = {9, 8, 0, 0, 7, 0, 0, 6, 0, 0, 0, 5, 1, 0, 0, 4};
        NeuralGraph g = org.neuralgraph.core.featuremap.FeatureMapGraph.spatial(map, 4, 4, true, 43.75,
                org.neuralgraph.core.featuremap.FeatureMapGraph.Adjacency.SPATIAL_4);
        Workspace ws = WorkspaceImporter.importGraph(g, "map", ProgressMonitor.NONE);
        Node corner = model(ws).getGraph().getNode("r3c3"), origin = model(ws).getGraph().getNode("r0c0");
        assertEquals(3 * LayeredPositions.PIXEL, corner.x() - origin.x(), 1e-3);
        assertEquals(-3 * LayeredPositions.PIXEL, corner.y() - origin.y(), 1e-3, "row 3 below row 0");
        assertEquals(4.0, ((Number) corner.getAttribute("value")).doubleValue(), 0);
    }

    /** A fully connected layered graph with seeded random weights and a {@code layer} column. */
    static NeuralGraph layered(int[] sizes, long seed) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        List<Integer> layer = new ArrayList<>();
        int[] start = new int[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            start[l] = b.nodeCount();
            for (int i = 0; i < sizes[l]; i++) { b.addNode("L" + l + "N" + i, null); layer.add(l); }
        }
        Random r = new Random(seed);
        for (int l = 0; l + 1 < sizes.length; l++)
            for (int i = 0; i < sizes[l]; i++)
                for (int j = 0; j < sizes[l + 1]; j++) b.addEdge(start[l] + i, start[l + 1] + j, r.nextDouble() * 0.1);
        return b.nodeColumn("layer", NeuralGraph.Column.ofInts("Layer", layer.stream().mapToInt(Integer::intValue).toArray())).build();
    }
}
