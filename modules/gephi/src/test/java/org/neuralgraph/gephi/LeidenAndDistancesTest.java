package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.statistics.plugin.GraphDistance;
import org.gephi.statistics.plugin.Modularity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.GraphDistances;
import org.neuralgraph.core.stats.PartitionModularity.Convention;
import org.openide.util.Lookup;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Leiden as a Gephi statistic and in the sweep; our distances against Gephi's own GraphDistance, both in gephi-toolkit. */
class LeidenAndDistancesTest {

    @BeforeEach
    void project() {
        Lookup.getDefault().lookup(ProjectController.class).closeCurrentProject();
        Lookup.getDefault().lookup(ProjectController.class).newProject();
    }

    private static GraphModel model(NeuralGraph g) {
        Workspace ws = WorkspaceImporter.importGraph(g, "t", ProgressMonitor.NONE);
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
    }

    /** A random graph with a layer column (layers of the given sizes) and a few edges that skip or go back. */
    private static NeuralGraph random(boolean directed, long seed, int[] sizes, double p, boolean complete) {
        Random r = new Random(seed);
        NeuralGraph.Builder b = new NeuralGraph.Builder(directed);
        int n = 0;
        for (int s : sizes) n += s;
        int[] layer = new int[n];
        int v = 0;
        for (int l = 0; l < sizes.length; l++) for (int i = 0; i < sizes[l]; i++) { layer[v] = l; b.addNode("n" + v++, null); }
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                if (a == c || (!directed && c < a)) continue;
                boolean next = layer[c] == layer[a] + 1;
                if (complete ? next : r.nextDouble() < (next ? p : p / 10)) b.addEdge(a, c, 0.1 + r.nextDouble());
            }
        }
        b.nodeColumn(Names.LAYER, NeuralGraph.Column.ofInts("Layer", layer));
        return b.build();
    }

    private static void assertSameAsGephi(GraphModel gm, boolean directed, boolean expectLayers) {
        Node[] nodes = gm.getGraph().getNodes().toArray();
        GraphDistances ours = BreadthFirstDistances.compute(gm, directed, ProgressMonitor.NONE);
        assertEquals(expectLayers, ours.fromLayers);
        double[][] mine = new double[nodes.length][4];
        String[] cols = {GraphDistance.ECCENTRICITY, GraphDistance.CLOSENESS, GraphDistance.HARMONIC_CLOSENESS, GraphDistance.BETWEENNESS};
        for (int i = 0; i < nodes.length; i++) for (int k = 0; k < 4; k++) mine[i][k] = (Double) nodes[i].getAttribute(cols[k]);
        GraphDistance gd = new GraphDistance();
        gd.setDirected(directed);
        gd.setNormalized(false);
        gd.execute(gm);
        assertEquals(gd.getDiameter(), ours.diameter, 0);
        assertEquals(gd.getRadius(), ours.radius, 0);
        assertEquals(gd.getPathLength(), ours.averagePathLength, 1e-12);
        for (int i = 0; i < nodes.length; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals((Double) nodes[i].getAttribute(cols[k]), mine[i][k], 1e-9 * Math.max(1, Math.abs(mine[i][k])), cols[k] + " of " + nodes[i].getId());
            }
        }
    }

    @Test
    void distancesEqualGephisGraphDistance() {
        assertSameAsGephi(model(random(true, 1, new int[]{6, 5, 7, 3}, 0.5, false)), true, false);
        project();
        assertSameAsGephi(model(random(false, 2, new int[]{30}, 0.1, false)), false, false);
        project();
        assertSameAsGephi(model(random(true, 3, new int[]{8, 6, 6, 3}, 0, true)), true, true);
        project();
        // a directed graph whose distances are taken undirected, and a disconnected one
        assertSameAsGephi(model(random(true, 4, new int[]{12, 12}, 0.08, false)), false, false);
    }

    @Test
    void leidenStatisticWritesItsColumnAndReport() {
        GraphModel gm = model(random(false, 5, new int[]{40}, 0.2, false));
        LeidenModularity stat = new LeidenModularity();
        stat.setSeed(9);
        stat.setResolution(1.0, Convention.GEPHI);
        stat.execute(gm);
        double q = stat.getModularity();
        assertTrue(q > 0.1, "Q " + q);
        Node n0 = gm.getGraph().getNode("n0");
        assertNotNull(n0.getAttribute(Modularity.MODULARITY_CLASS));
        String report = stat.getReport();
        assertTrue(report.contains("Leiden communities") && report.contains("Seed: 9") && report.contains("networkx"), report);

        stat.setOwnColumn(true);
        stat.setResolution(2.0, Convention.REICHARDT_BORNHOLDT);
        stat.execute(gm);
        assertNotNull(n0.getAttribute(LeidenModularity.LEIDEN_CLASS));
        assertTrue(stat.getReport().contains("0.5 in Gephi's convention = 2 in networkx's"), stat.getReport());
        assertThrows(IllegalArgumentException.class, () -> stat.setResolution(-1, Convention.GEPHI));
    }

    @Test
    void sweepByLeidenIsSeededAndNearGephisLouvain() {
        NeuralGraph g = random(false, 6, new int[]{60}, 0.15, false);
        GraphModel gm = model(g);
        List<ModularitySweep.Result> louvain = ModularitySweep.run(gm, new double[]{1.0}, 1.0, ProgressMonitor.NONE);
        List<ModularitySweep.Result> a = ModularitySweep.run(gm, new double[]{0.5, 1.0}, 1.0, CommunityAlgorithm.LEIDEN, 4, ProgressMonitor.NONE);
        Object c0 = gm.getGraph().getNode("n0").getAttribute(Modularity.MODULARITY_CLASS);
        List<ModularitySweep.Result> b = ModularitySweep.run(gm, new double[]{0.5, 1.0}, 1.0, CommunityAlgorithm.LEIDEN, 4, ProgressMonitor.NONE);
        assertEquals(a.get(1).modularity(), b.get(1).modularity(), 0);
        assertEquals(c0, gm.getGraph().getNode("n0").getAttribute(Modularity.MODULARITY_CLASS));
        assertTrue(a.get(1).modularity() >= louvain.get(0).modularity() - 0.02, a.get(1).modularity() + " vs " + louvain.get(0).modularity());
        assertTrue(a.get(0).communities() > a.get(1).communities()); // Gephi's 0.5 = networkx's 2: more, smaller communities
        // auto stays Louvain on small graphs
        List<ModularitySweep.Result> auto = ModularitySweep.run(gm, new double[]{1.0}, 1.0, CommunityAlgorithm.AUTO, 4, ProgressMonitor.NONE);
        assertEquals(louvain.get(0).modularity(), auto.get(0).modularity(), 0);
        assertEquals(CommunityAlgorithm.LEIDEN, CommunityAlgorithm.AUTO.resolve(100_001));
        assertEquals(CommunityAlgorithm.LOUVAIN, CommunityAlgorithm.AUTO.resolve(100_000));
        assertThrows(IllegalArgumentException.class, () -> CommunityAlgorithm.parse("infomap"));
    }
}
