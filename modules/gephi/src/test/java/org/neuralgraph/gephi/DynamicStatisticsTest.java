package org.neuralgraph.gephi;

import org.gephi.graph.api.Configuration;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.GraphView;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Subgraph;
import org.gephi.graph.api.TimeRepresentation;
import org.gephi.graph.api.types.TimestampDoubleMap;
import org.gephi.graph.api.types.TimestampStringMap;
import org.gephi.project.api.ProjectController;
import org.gephi.statistics.api.StatisticsController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.openide.util.Lookup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our statistics over the timeline, run by Gephi's StatisticsController on a dynamic workspace as a training run gives
 * it (timestamps, dynamic weights, a dynamic cover column): each window must equal the static statistic on the graph of
 * that time.
 */
class DynamicStatisticsTest {

    static final int N = 8;

    /** Time 0: a ring with weights 1, 2, 1, 2, ... */
    static Map<String, Double> ring() {
        Map<String, Double> e = new LinkedHashMap<>();
        for (int i = 0; i < N; i++) e.put(key(i, (i + 1) % N), 1.0 + i % 2);
        return e;
    }

    /** Time 1: the ring at weight 2 with chords 0-2, 2-4, 4-6, 6-0 at weight 0.5 (four triangles). */
    static Map<String, Double> ringWithChords() {
        Map<String, Double> e = new LinkedHashMap<>();
        for (int i = 0; i < N; i++) e.put(key(i, (i + 1) % N), 2.0);
        for (int i = 0; i < N; i += 2) e.put(key(i, (i + 2) % N), 0.5);
        return e;
    }

    /** Time 2: cliques {0..3} and {4..7}, weight 3 on the ring's edges among them, 1 on the others. */
    static Map<String, Double> twoCliques() {
        Map<String, Double> e = new LinkedHashMap<>();
        for (int base = 0; base < N; base += 4) {
            for (int i = base; i < base + 4; i++) for (int j = i + 1; j < base + 4; j++) e.put(key(i, j), j == i + 1 ? 3.0 : 1.0);
        }
        return e;
    }

    /** The cover of each time: overlapping halves, even/odd with node 0 in both, the two cliques. */
    static final String[][] COVER = {
            {"a", "a", "a", "a|b", "b", "b", "b", "b|a"},
            {"a|b", "b", "a", "b", "a", "b", "a", "b"},
            {"a", "a", "a", "a", "b", "b", "b", "b"},
            {"a", "a", "a", "a", "a", "a", "a", "a"}};

    @SuppressWarnings("unchecked")
    static final Map<String, Double>[] EDGES = new Map[]{ring(), ringWithChords(), twoCliques()};

    static String key(int i, int j) {
        return Math.min(i, j) + "-" + Math.max(i, j);
    }

    @BeforeEach
    void project() {
        Lookup.getDefault().lookup(ProjectController.class).closeCurrentProject();
        Lookup.getDefault().lookup(ProjectController.class).newProject();
    }

    /**
     * The current workspace as a training run's: timestamps, dynamic weights, a dynamic string cover column; the
     * graphs of {@link #EDGES} at times 0, 1, 2, and at time 3 the nodes without any edge.
     */
    static GraphModel dynamicWorkspace() {
        return dynamicWorkspace(1);
    }

    /** {@link #dynamicWorkspace()} with its times {@code spacing} apart: 0, spacing, 2 spacing, 3 spacing. */
    static GraphModel dynamicWorkspace(double spacing) {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel();
        Configuration c = new Configuration();
        c.setTimeRepresentation(TimeRepresentation.TIMESTAMP);
        c.setEdgeWeightType(TimestampDoubleMap.class);
        gm.setConfiguration(c);
        gm.getNodeTable().addColumn("cover", TimestampStringMap.class);
        Node[] nodes = new Node[N];
        for (int i = 0; i < N; i++) {
            nodes[i] = gm.factory().newNode("n" + i);
            gm.getGraph().addNode(nodes[i]);
            for (int t = 0; t < COVER.length; t++) {
                nodes[i].addTimestamp(t * spacing);
                nodes[i].setAttribute("cover", COVER[t][i], t * spacing);
            }
        }
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (int t = 0; t < EDGES.length; t++) {
            for (Map.Entry<String, Double> e : EDGES[t].entrySet()) {
                Edge edge = edges.computeIfAbsent(e.getKey(), k -> {
                    String[] ends = k.split("-");
                    Edge made = gm.factory().newEdge(nodes[Integer.parseInt(ends[0])], nodes[Integer.parseInt(ends[1])], false);
                    gm.getGraph().addEdge(made);
                    return made;
                });
                edge.addTimestamp(t * spacing);
                edge.setWeight(e.getValue(), t * spacing);
            }
        }
        return gm;
    }

    /** The graph of time t as a static workspace of its own (same node order), with its cover as a string column. */
    static GraphModel snapshot(int t) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        for (int i = 0; i < N; i++) b.addNode("n" + i, null);
        for (Map.Entry<String, Double> e : EDGES[t].entrySet()) {
            String[] ends = e.getKey().split("-");
            b.addEdge(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]), e.getValue());
        }
        b.nodeColumn("cover", NeuralGraph.Column.ofStrings("Cover", COVER[t]));
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(WorkspaceImporter.importGraph(b.build(), "t" + t, ProgressMonitor.NONE));
    }

    /** Runs {@code s} through Gephi's StatisticsController with the bounds, window and tick Gephi's settings panel would set. */
    static void runAsGephiDesktop(WindowedStatistic s, GraphModel gm, double window, double tick) {
        s.setBounds(gm.getTimeBounds());
        s.setWindow(window);
        s.setTick(tick);
        Lookup.getDefault().lookup(StatisticsController.class).execute(s);
    }

    /** Windows at 0, 1, 2 equal the static figure on the snapshot; the window at 3 (no edges) is NaN with a note. */
    static void assertSeriesMatchSnapshots(WindowedStatistic s, GraphModel gm, String[] keys, List<ToDoubleFunction<GraphModel>> staticFigure) {
        WindowSeries series = s.getSeries();
        assertEquals(4, series.size(), "a window starts at every tick up to the end of the bounds");
        for (int t = 0; t < 3; t++) {
            assertEquals(t, series.time(t), 0);
            assertNull(series.note(t), series.note(t));
            GraphModel snap = snapshot(t);
            for (int f = 0; f < keys.length; f++) {
                double expected = staticFigure.get(f).applyAsDouble(snap);
                assertEquals(expected, series.value(f, t), 1e-12, keys[f] + " at " + t);
                assertEquals(expected, (Double) gm.getGraph().getAttribute(keys[f], t), 1e-12, "graph attribute " + keys[f] + " at " + t);
            }
        }
        for (int f = 0; f < keys.length; f++) {
            assertTrue(gm.getGraph().getAttribute(keys[f]) instanceof TimestampDoubleMap, keys[f] + " is a dynamic graph attribute");
            assertTrue(Double.isNaN(series.value(f, 3)));
            assertTrue(Double.isNaN((Double) gm.getGraph().getAttribute(keys[f], 3.0)));
        }
        assertEquals("no edges in the window (8 nodes)", series.note(3));
        String report = s.getReport();
        assertTrue(report.toLowerCase(Locale.ROOT).contains("<img"), "the report charts the series");
        assertTrue(report.contains("no edges in the window"), "the report says why a window has no value");
        assertTrue(report.contains("1 of 4 windows have no value"));
        assertEquals("4 windows, 1 without value", series.summary());
    }

    /** beta_eff over {@link #dynamicWorkspace()} with this window and tick, checked against each snapshot's. */
    private static DynamicEffectiveCoupling betaEffOfEachSnapshot(double window, double tick) {
        GraphModel gm = dynamicWorkspace();
        DynamicEffectiveCoupling s = new DynamicEffectiveCoupling();
        runAsGephiDesktop(s, gm, window, tick);
        assertSeriesMatchSnapshots(s, gm, new String[]{"dynamic_beta_eff", "dynamic_mean_strength"}, List.of(
                DynamicStatisticsTest::staticBetaEff,
                g -> g.getGraph().getEdges().toCollection().stream().mapToDouble(e -> 2 * e.getWeight()).sum() / N));
        return s;
    }

    @Test
    void effectiveCouplingOfEachWindowIsThatOfItsSnapshot() {
        DynamicEffectiveCoupling s = betaEffOfEachSnapshot(0.5, 1);
        assertNotEquals(s.getSeries().value(0, 0), s.getSeries().value(0, 1), "weights are read in the window, not over the whole run");
        assertTrue(s.getReport().contains("method note Eq. 3"));
    }

    /**
     * Gephi Desktop's settings panel always offers window 1 and tick 1 (issue 27 item 6): windows leave their end out, so
     * on checkpoints one epoch apart each holds one checkpoint; on checkpoints five apart the windows between them are
     * skipped, and the series still has one value per checkpoint, at its time.
     */
    @Test
    void gephisDefaultWindowAndTickMeasureEachCheckpointAlone() {
        DynamicEffectiveCoupling s = betaEffOfEachSnapshot(1, 1);

        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.openWorkspace(pc.newWorkspace(pc.getCurrentProject()));
        DynamicEffectiveCoupling wide = new DynamicEffectiveCoupling();
        runAsGephiDesktop(wide, dynamicWorkspace(5), 1, 1);
        assertEquals(4, wide.getSeries().size(), "one window per checkpoint (0, 5, 10, 15); the 12 between hold none and are skipped");
        for (int k = 0; k < 4; k++) {
            assertEquals(5.0 * k, wide.getSeries().time(k), 0);
            if (k < 3) assertEquals(s.getSeries().value(0, k), wide.getSeries().value(0, k), 1e-12, "the same checkpoint as at " + k + " above");
        }
    }

    private static double staticBetaEff(GraphModel g) {
        EffectiveCouplingStatistic b = new EffectiveCouplingStatistic();
        b.execute(g);
        return b.getBetaEff();
    }

    @Test
    void overlappingModularityReadsTheDynamicCoverInEachWindow() {
        GraphModel gm = dynamicWorkspace();
        DynamicOverlappingModularity s = new DynamicOverlappingModularity();
        s.setCoverColumn("cover");
        runAsGephiDesktop(s, gm, 0.5, 1);
        String[] figures = {"modularity_chen", "modularity_shen", "modularity_no_overlap"};
        List<ToDoubleFunction<GraphModel>> expected = new ArrayList<>();
        for (String figure : figures) {
            expected.add(g -> {
                CommunityQuality q = new CommunityQuality();
                q.setCoverColumn("cover");
                q.execute(g);
                return (Double) q.getResults().get(figure);
            });
        }
        assertSeriesMatchSnapshots(s, gm, new String[]{"dynamic_modularity_chen", "dynamic_modularity_shen", "dynamic_modularity_no_overlap"}, expected);
        assertTrue(s.getReport().contains("Eq. 4") && s.getReport().contains("dynamic: read in each window"));

        s.setCoverColumn("nope");
        runAsGephiDesktop(s, gm, 0.5, 1);
        assertTrue(s.getReport().contains("no such node column"), s.getReport());
    }

    @Test
    void smallWorldOfEachWindowIsThatOfItsSnapshotWithTheSameSeed() {
        GraphModel gm = dynamicWorkspace();
        DynamicSmallWorld s = new DynamicSmallWorld();
        s.getParameters().setNiter(2);
        s.getParameters().setNrand(2);
        s.getParameters().setSeed(7);
        runAsGephiDesktop(s, gm, 0.5, 1);
        List<ToDoubleFunction<GraphModel>> expected = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            int figure = f;
            expected.add(g -> {
                SmallWorldCoefficients c = new SmallWorldCoefficients();
                c.getParameters().setNiter(2);
                c.getParameters().setNrand(2);
                c.getParameters().setSeed(7);
                c.execute(g);
                double[] r = {c.getResult().sigma, c.getResult().omega, c.getResult().normalisedClustering(), c.getResult().normalisedPathLength()};
                return r[figure];
            });
        }
        assertSeriesMatchSnapshots(s, gm, new String[]{"dynamic_small_world_sigma", "dynamic_small_world_omega",
                "dynamic_small_world_c_cr", "dynamic_small_world_l_lr"}, expected);
        assertEquals(7L, gm.getGraph().getAttribute("dynamic_small_world_seed"));
        assertTrue(s.getReport().contains("seed 7") && s.getReport().contains("Fig. 8"));
    }

    @Test
    void withoutBoundsGephiUsesTheTimeBoundsAndAWindowOfZeroTakesEachTimestamp() {
        GraphModel gm = dynamicWorkspace();
        DynamicEffectiveCoupling s = new DynamicEffectiveCoupling();
        s.setWindow(0);
        s.setTick(1);
        Lookup.getDefault().lookup(StatisticsController.class).execute(s);
        assertEquals(4, s.getSeries().size());
        assertEquals(new Interval(2, 2), s.getSeries().window(2));
        assertThrows(IllegalArgumentException.class, () -> s.setTick(0), "a tick of 0 would never end Gephi's loop");
    }

    /** Gephi's StatisticsController builds a window so: the nodes and edges with a timestamp in it. */
    static GraphView window(GraphModel gm, Interval interval) {
        GraphView view = gm.createView();
        Subgraph g = gm.getGraph(view);
        for (Node n : gm.getNodeTimeIndex().get(interval)) g.addNode(n);
        for (Edge e : gm.getEdgeTimeIndex().get(interval)) g.addEdge(e);
        return view;
    }

    @Test
    void cancelStopsBetweenWindows() {
        GraphModel gm = dynamicWorkspace();
        DynamicEffectiveCoupling s = new DynamicEffectiveCoupling();
        s.execute(gm);
        s.loop(window(gm, new Interval(0, 0)), new Interval(0, 0));
        assertTrue(s.cancel());
        s.loop(window(gm, new Interval(1, 1)), new Interval(1, 1));
        s.end();
        assertEquals(1, s.getSeries().size());
        assertNull(gm.getGraph().getAttribute("dynamic_beta_eff", 1.0));
        assertTrue(s.getReport().contains("Cancelled after 1 windows"), s.getReport());
    }

    @Test
    void aWindowTheMeasureRefusesIsNaNWithTheReasonAndTheRunGoesOn() {
        GraphModel gm = dynamicWorkspace();
        GraphView pair = gm.createView(); // one edge between two nodes: no component of 4 nodes for the references
        Subgraph g = gm.getGraph(pair);
        Edge e01 = gm.getGraph().getEdge(gm.getGraph().getNode("n0"), gm.getGraph().getNode("n1"));
        g.addNode(e01.getSource());
        g.addNode(e01.getTarget());
        g.addEdge(e01);
        DynamicSmallWorld s = new DynamicSmallWorld();
        s.execute(gm);
        s.loop(pair, new Interval(0, 0));
        s.loop(window(gm, new Interval(1, 1)), new Interval(1, 1));
        s.end();
        assertTrue(Double.isNaN(s.getSeries().value(0, 0)));
        assertTrue(s.getSeries().note(0).contains("at least 4 nodes"), s.getSeries().note(0));
        assertFalse(Double.isNaN(s.getSeries().value(0, 1)));
        assertTrue(s.getReport().contains("at least 4 nodes"));
    }

    @Test
    void graphArraysReadTheWeightsOfTheWindowAndTheCoverInIt() {
        GraphModel gm = dynamicWorkspace();
        Interval one = new Interval(1, 1);
        GraphArrays a = GraphArrays.of(gm.getGraph(window(gm, one)), one);
        assertEquals(N, a.nodes.length);
        assertEquals(2 * (8 * 2.0 + 4 * 0.5), a.weights.twoM(), 1e-12);
        List<String> labels = new ArrayList<>();
        int[][] cover = a.cover(GraphArrays.coverColumn(gm, "cover"), one, labels);
        assertArrayEquals(new int[]{0, 1}, cover[0]);
        assertEquals(Arrays.asList("a", "b"), labels);
        // the window's own view has no time interval: read over it, a dynamic weight is that of the first timestamp
        GraphArrays unbounded = GraphArrays.of(gm.getGraph(window(gm, one)), null);
        assertEquals(2 * (4 * 1.0 + 4 * 2.0 + 4 * 0.5), unbounded.weights.twoM(), 1e-12);
    }
}
