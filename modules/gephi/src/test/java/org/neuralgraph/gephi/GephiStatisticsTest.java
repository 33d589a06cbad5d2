package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.openide.util.Lookup;

import static org.junit.jupiter.api.Assertions.*;

/** The statistics of issue #4 run through the real gephi-toolkit. */
class GephiStatisticsTest {

    @BeforeEach
    void project() {
        Lookup.getDefault().lookup(ProjectController.class).closeCurrentProject();
        Lookup.getDefault().lookup(ProjectController.class).newProject();
    }

    /** Two triangles joined by 2-3, with an overlapping cover column and a partition column. */
    static GraphModel triangles() {
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        for (int i = 0; i < 6; i++) b.addNode("n" + i, null);
        int[][] e = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}};
        for (int[] x : e) b.addEdge(x[0], x[1], 1);
        b.nodeColumn("classes", NeuralGraph.Column.ofStrings("Classes", new String[]{"a", "a", "a|b", "a|b", "b", "b"}));
        b.nodeColumn("part", NeuralGraph.Column.ofInts("Part", new int[]{0, 0, 0, 1, 1, 1}));
        Workspace ws = WorkspaceImporter.importGraph(b.build(), "t", ProgressMonitor.NONE);
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
    }

    @Test
    void communityQualityOfAnOverlappingCover() {
        GraphModel gm = triangles();
        CommunityQuality q = new CommunityQuality();
        q.setCoverColumn("classes");
        q.execute(gm);
        assertEquals(1.0 / 7, (Double) q.getResults().get("modularity_shen"), 1e-12);
        assertEquals(15.0 / 56, (Double) q.getResults().get("modularity_chen"), 1e-12);
        assertEquals(5.0 / 14, (Double) q.getResults().get("modularity_klb"), 1e-12);
        Node n2 = gm.getGraph().getNode("n2");
        assertEquals("a:0.7500|b:0.2500", n2.getAttribute("belonging"));
        assertEquals(0.75, (Double) n2.getAttribute("belonging_max"), 1e-12);
        assertTrue(q.getReport().contains("Chen et al., Eq. 4"));

        q.setCoverColumn("part");
        q.execute(gm);
        assertEquals(5.0 / 14, (Double) q.getResults().get("modularity_chen"), 1e-12);
        assertEquals(5.0 / 14, (Double) q.getResults().get("modularity_no_overlap"), 1e-12);

        q.setCoverColumn("");
        q.execute(gm);
        assertTrue(((String) q.getResults().get("cover_column")).contains("COPRA"));
        assertNotNull(gm.getGraph().getNode("n0").getAttribute("copra_communities"));

        q.setCoverColumn("nope");
        q.execute(gm);
        assertNull(q.getResults());
        assertTrue(q.getReport().contains("no such node column"));
    }

    @Test
    void activationEntropyReadsRecordedActivationsOrSaysThereAreNone() {
        GraphModel gm = triangles();
        ActivationPatternEntropy stat = new ActivationPatternEntropy();
        stat.execute(gm);
        assertTrue(Double.isNaN(stat.getTotal()));
        assertTrue(stat.getReport().contains("No activations were recorded"));

        Workspace ws = ActivationPatternEntropy.workspaceOf(gm);
        float[] f = new float[10 * 2];
        int[] classes = new int[10];
        for (int i = 0; i < 10; i++) { f[i * 2] = i + 1; f[i * 2 + 1] = 0; classes[i] = i % 2; }
        ws.add(new RecordedActivations(f, 10, new String[]{"n0", "n1"}, new int[]{1, 1}, classes));
        stat.execute(gm);
        assertEquals(Math.log(10), stat.getTotal(), 1e-12);
        assertEquals(Math.log(10), (Double) gm.getGraph().getNode("n0").getAttribute("activation_entropy"), 1e-12);
        assertEquals(0.0, (Double) gm.getGraph().getNode("n1").getAttribute("activation_entropy"), 0);
        assertTrue(stat.getReport().toLowerCase(java.util.Locale.ROOT).contains("<img"));
    }

    @Test
    void smallWorldOfALayeredGraphHasNoClustering() {
        Workspace ws = WorkspaceImporter.importGraph(GephiBridgeTest.layered(new int[]{20, 10, 5}, 1), "l", ProgressMonitor.NONE);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        SmallWorldCoefficients s = new SmallWorldCoefficients();
        s.getParameters().setNrand(2);
        s.getParameters().setNiter(2);
        s.execute(gm);
        assertEquals(0, s.getResult().transitivity, 0);
        assertEquals(s.getResult().sigma, (Double) gm.getGraph().getAttribute("small_world_sigma"), 0);
        assertTrue(s.getReport().toLowerCase(java.util.Locale.ROOT).contains("<img"));
        assertThrows(IllegalArgumentException.class, () -> s.getParameters().setNrand(0));
    }

    @Test
    void effectiveCouplingOfUndirectedAndDirectedGraphs() {
        GraphModel gm = triangles(); // undirected: weighted degrees 2, 2, 3, 3, 2, 2, each edge acting both ways
        EffectiveCouplingStatistic b = new EffectiveCouplingStatistic();
        b.execute(gm);
        assertEquals(34.0 / 14, b.getBetaEff(), 1e-12);
        assertEquals(34.0 / 14, (Double) gm.getGraph().getAttribute("beta_eff"), 1e-12);

        NeuralGraph.Builder cycle = new NeuralGraph.Builder(true); // directed 4-cycle, weight 1.5: s_in = s_out = 1.5
        for (int i = 0; i < 4; i++) cycle.addNode("c" + i, null);
        for (int i = 0; i < 4; i++) cycle.addEdge(i, (i + 1) % 4, 1.5);
        GraphModel cm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(WorkspaceImporter.importGraph(cycle.build(), "c", ProgressMonitor.NONE));
        b.execute(cm);
        assertEquals(1.5, b.getBetaEff(), 1e-12);
        assertTrue(b.getReport().contains("1.5"));

        cm.getGraph().getEdges().toArray()[0].setWeight(-1);
        b.execute(cm);
        assertTrue(Double.isNaN(b.getBetaEff()));
        assertTrue(b.getReport().contains("non-negative"), b.getReport());
    }

    /** A candidate workspace as `neuralgraph capacitance` writes it: accuracy rising to {@code top}, beta_eff falling. */
    private static GraphModel candidate(String name, double top) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        b.addNode("a", null);
        b.addNode("b", null);
        b.addEdge(0, 1, 1);
        for (int t = 0; t <= 5; t++) {
            b.graphAttribute(String.format(java.util.Locale.ROOT, "beta_eff_epoch_%02d", t), 2.0 / (1 + t));
            b.graphAttribute(String.format(java.util.Locale.ROOT, "val_accuracy_epoch_%02d", t), top - (top - 0.1) / (1 + t));
            if (t > 0) b.graphAttribute(String.format(java.util.Locale.ROOT, "training_loss_epoch_%02d", t), 2 - top - 0.1 * t);
        }
        b.graphAttribute("candidate", name);
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(WorkspaceImporter.importGraph(b.build(), name, ProgressMonitor.NONE));
    }

    @Test
    void capacitanceRankingReadsTheCandidatesOfTheProject() {
        triangles(); // not a candidate: ignored
        GraphModel weak = candidate("weak", 0.5);
        candidate("middle", 0.7);
        GraphModel strong = candidate("strong", 0.9);
        CapacitanceRanking r = new CapacitanceRanking();
        r.execute(strong);
        assertEquals(3, r.getCandidateCount(), r.getReport());
        assertEquals(1.0, r.getAgreement().spearman, 1e-12, "accuracy that rises as beta_eff falls to 0 ranks perfectly");
        assertTrue(r.getAgreement().topOneHit);
        double weakPrediction = (Double) weak.getGraph().getAttribute("predicted_accuracy");
        assertTrue(weakPrediction > 0.45 && weakPrediction < 0.55, "extrapolated to beta_eff = 0: " + weakPrediction);
        assertEquals(3, weak.getGraph().getAttribute("predicted_from_epochs"));
        assertTrue(r.getReport().contains("strong") && r.getReport().toLowerCase(java.util.Locale.ROOT).contains("<img"));

        r.setEarlyEpochs(5);
        r.execute(strong);
        assertEquals(0, r.getCandidateCount());
        assertTrue(r.getReport().contains("below the last epoch 5"), r.getReport());
        assertThrows(IllegalArgumentException.class, () -> r.setEarlyEpochs(1));
    }
}
