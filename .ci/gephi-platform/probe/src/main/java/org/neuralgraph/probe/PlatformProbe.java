package org.neuralgraph.probe;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.types.TimeMap;
import org.gephi.io.generator.spi.Generator;
import org.gephi.io.generator.spi.GeneratorUI;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ContainerUnloader;
import org.gephi.io.importer.api.Report;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceProvider;
import org.gephi.statistics.api.StatisticsController;
import org.gephi.statistics.spi.DynamicStatistics;
import org.gephi.statistics.spi.Statistics;
import org.gephi.statistics.spi.StatisticsBuilder;
import org.gephi.statistics.spi.StatisticsUI;
import org.openide.LifecycleManager;
import org.openide.modules.OnStart;
import org.openide.util.Lookup;
import org.openide.util.NbPreferences;

import javax.swing.SwingUtilities;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * What a user does in Gephi Desktop, done inside the booted platform through Gephi's own services, so that what only
 * fails between two installed modules (a class handed from the importer to the metrics plugin through a workspace,
 * a module dependency that is missing) fails the build:
 * <ol>
 *   <li>File &gt; Generate &gt; Neural network graph with the settings boot-check.sh wrote into the importer's
 *       preferences (an activation pattern graph), run as Gephi's DesktopGeneratorController runs a generator: the
 *       UI's setup and unsetup, {@code generate} into a fresh container, Gephi's DefaultProcessor into a new workspace;</li>
 *   <li>its first view: nodes in colours, edges by the sign of their weight;</li>
 *   <li>the same with "all checkpoints as one dynamic graph", for the statistics over time, and its first view;</li>
 *   <li>the weight graph of the 784-50-50-50-10 MLP (44,700 edges) with "every checkpoint in a workspace": one workspace
 *       per checkpoint, each opening filtered to its strongest weights;</li>
 *   <li>every statistic our plugins register ({@link StatisticsBuilder}s in {@code org.neuralgraph}) through Gephi's
 *       StatisticsController on the workspace it is for, each checked for what it writes (columns, graph attributes).</li>
 * </ol>
 * It acts only when started with {@code -J-Dneuralgraph.probe=FILE}: one {@code PASS} or {@code FAIL} line per check
 * goes to FILE, then {@code DONE}, and the application exits.
 */
@OnStart
public final class PlatformProbe implements Runnable {

    @Override
    public void run() {
        String out = System.getProperty("neuralgraph.probe");
        if (out == null || out.isEmpty()) return;
        Thread t = new Thread(() -> probe(Paths.get(out)), "neuralgraph platform probe");
        t.setDaemon(true);
        t.start();
    }

    private static void probe(Path out) {
        Lines lines = new Lines(out);
        try {
            ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
            pc.newProject();
            Generator generator = ours(Lookup.getDefault().lookupAll(Generator.class));
            Workspace still = generate(generator, lines, "generate an activation pattern graph");
            firstView(still, false, lines, "first view of the activation pattern graph");
            // the same generator class, made afresh as Gephi would after a restart, reads the changed preferences
            Preferences prefs = NbPreferences.root().node("org/neuralgraph/importer");
            prefs.putBoolean("timeline", true);
            Workspace dynamic = generate(generator.getClass().getDeclaredConstructor().newInstance(), lines,
                    "generate all checkpoints as one dynamic graph");
            firstView(dynamic, false, lines, "first view of the dynamic graph");
            prefs.putBoolean("timeline", false);
            prefs.put("kind", "weights");
            prefs.putBoolean("otherCheckpoints", true);
            int before = workspaces().size();
            Workspace weights = generate(generator.getClass().getDeclaredConstructor().newInstance(), lines,
                    "generate the weight graph of every checkpoint");
            firstView(weights, true, lines, "first view of the 44,700-edge weight graph");
            List<Workspace> made = workspaces().subList(before, workspaces().size());
            if (made.size() != 2) lines.fail("a workspace per checkpoint", made.size() + " new workspaces for 2 checkpoints");
            else lines.pass("a workspace per checkpoint", "'" + made.get(0).getName() + "', '" + made.get(1).getName() + "'");
            for (Workspace w : made) {
                if (w != weights) {
                    pc.openWorkspace(w);
                    firstView(w, true, lines, "first view of the other checkpoint's weight graph, once selected");
                }
            }
            List<StatisticsBuilder> builders = new ArrayList<>();
            for (StatisticsBuilder b : Lookup.getDefault().lookupAll(StatisticsBuilder.class)) {
                if (b.getClass().getName().startsWith("org.neuralgraph.")) builders.add(b);
            }
            // Modularity over resolutions first: it writes the partition that Overlapping modularity can read
            builders.sort(Comparator.comparing((StatisticsBuilder b) -> !b.getName().equals("Modularity over resolutions")));
            if (builders.isEmpty()) lines.fail("statistics", "the metrics plugin registered no statistic");
            for (StatisticsBuilder b : builders) {
                Statistics s = b.getStatistics();
                boolean overTime = s instanceof DynamicStatistics;
                Workspace ws = overTime ? dynamic : still;
                pc.openWorkspace(ws);
                if (overTime) {
                    // checkpoints sit at whole epochs: half-epoch windows one epoch apart see one checkpoint each
                    ((DynamicStatistics) s).setTick(1);
                    ((DynamicStatistics) s).setWindow(0.5);
                }
                Expectation expected = Expectation.of(b.getName());
                expected.clear(graphOf(ws));
                try {
                    String value = runAsTheStatisticsPanelDoes(s);
                    String problem = expected.problem(graphOf(ws), s.getReport());
                    if (problem == null && value != null && value.length() > MAX_VALUE_LENGTH) {
                        problem = "the Statistics panel's result '" + value + "' is longer than " + MAX_VALUE_LENGTH + " characters";
                    }
                    if (problem == null) lines.pass(b.getName(), expected.what + "; the panel shows '" + value + "'");
                    else lines.fail(b.getName(), problem);
                } catch (RuntimeException e) {
                    lines.fail(b.getName(), trace(e));
                }
            }
        } catch (Throwable t) {
            lines.fail("probe", trace(t));
        } finally {
            lines.done();
            LifecycleManager.getDefault().exit();
        }
    }

    /** A result longer than this widens Gephi's Statistics panel past its space (issue 22, item 5). */
    static final int MAX_VALUE_LENGTH = 28;

    /**
     * As Gephi's StatisticsFrontEnd and StatisticsControllerUIImpl run a statistic: the settings panel, the UI's
     * setup and unsetup (its defaults become the statistic's), then setup, execute, the panel's result, unsetup.
     *
     * @return what the Statistics panel shows beside the statistic's name
     */
    private static String runAsTheStatisticsPanelDoes(Statistics s) throws Exception {
        StatisticsUI ui = null;
        for (StatisticsUI u : Lookup.getDefault().lookupAll(StatisticsUI.class)) if (u.getStatisticsClass() == s.getClass()) ui = u;
        if (ui == null) throw new IllegalStateException("no StatisticsUI for " + s.getClass().getName());
        StatisticsUI theUi = ui;
        SwingUtilities.invokeAndWait(() -> {
            theUi.getSettingsPanel();
            theUi.setup(s);
            theUi.unsetup();
        });
        String[] value = new String[1];
        SwingUtilities.invokeAndWait(() -> theUi.setup(s));
        Lookup.getDefault().lookup(StatisticsController.class).execute(s);
        SwingUtilities.invokeAndWait(() -> {
            value[0] = theUi.getValue();
            theUi.unsetup();
        });
        return value[0];
    }

    /** As DesktopGeneratorController.generate and finishGenerate do it, without the dialog; the new workspace. */
    private static Workspace generate(Generator generator, Lines lines, String what) throws Exception {
        GeneratorUI ui = generator.getUI();
        if (ui != null) {
            SwingUtilities.invokeAndWait(() -> {
                ui.setup(generator);
                ui.getPanel();
                ui.unsetup();
            });
        }
        Container container = Lookup.getDefault().lookup(Container.Factory.class).newContainer();
        container.setSource(generator.getName());
        container.setReport(new Report());
        generator.generate(container.getLoader());
        container.closeLoader();
        DefaultProcessor processor = new DefaultProcessor();
        processor.setContainers(new ContainerUnloader[]{container.getUnloader()});
        processor.process();
        Workspace ws = Lookup.getDefault().lookup(ProjectController.class).getCurrentWorkspace();
        Graph g = graphOf(ws);
        if (g.getNodeCount() == 0 || g.getEdgeCount() == 0) {
            lines.fail(what, "the workspace has " + g.getNodeCount() + " nodes and " + g.getEdgeCount() + " edges");
        } else {
            lines.pass(what, g.getNodeCount() + " nodes, " + g.getEdgeCount() + " edges, workspace '" + ws.getName() + "'");
        }
        return ws;
    }

    private static List<Workspace> workspaces() {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        return new ArrayList<>(Arrays.asList(pc.getCurrentProject().getLookup().lookup(WorkspaceProvider.class).getWorkspaces()));
    }

    /**
     * Waits (up to a minute: the importer styles a workspace once Gephi has filled it) for the first view: nodes in
     * more than one colour, every edge coloured by its sign, and, for a large graph, the visible graph filtered to
     * its strongest weights.
     */
    private static void firstView(Workspace ws, boolean filtered, Lines lines, String what) throws InterruptedException {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        String problem = "not checked";
        for (int i = 0; i < 600 && problem != null; i++) {
            problem = firstViewProblem(gm, filtered);
            if (problem != null) Thread.sleep(100);
        }
        if (problem == null) {
            lines.pass(what, gm.getGraphVisible().getEdgeCount() + " of " + gm.getGraph().getEdgeCount() + " edges visible, "
                    + colours(gm) + " node colours");
        } else {
            lines.fail(what, problem);
        }
    }

    private static String firstViewProblem(GraphModel gm, boolean filtered) {
        if (colours(gm) < 2) return "the nodes have " + colours(gm) + " colour(s)";
        for (Edge e : gm.getGraph().getEdges().toArray()) { // an array: an iteration left early would keep its read lock
            if (e.alpha() <= 0) return "edge " + e.getId() + " has no colour of its own";
            int rgb = e.getColor().getRGB() & 0xFFFFFF;
            if (rgb != 0xb2182b && rgb != 0x2166ac && rgb != 0x444444) return "edge " + e.getId() + " is #" + Integer.toHexString(rgb);
        }
        int visible = gm.getGraphVisible().getEdgeCount(), all = gm.getGraph().getEdgeCount();
        if (filtered && visible >= all) return "all " + all + " edges are visible: no filter";
        if (!filtered && visible < all) return visible + " of " + all + " edges visible: filtered";
        return null;
    }

    private static int colours(GraphModel gm) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (Node n : gm.getGraph().getNodes()) c.add(n.getColor().getRGB());
        return c.size();
    }

    private static Generator ours(Iterable<? extends Generator> all) {
        for (Generator g : all) if (g.getClass().getName().startsWith("org.neuralgraph.")) return g;
        throw new IllegalStateException("the importer registered no generator");
    }

    static Graph graphOf(Workspace ws) {
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws).getGraph();
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString().replace("\n", "\n    ");
    }

    /** What one statistic must leave in its workspace. */
    static final class Expectation {
        final String what;
        private final String[] nodeColumns;
        private final String[] graphAttributes;
        private final String reportText;

        private Expectation(String what, String[] nodeColumns, String[] graphAttributes, String reportText) {
            this.what = what;
            this.nodeColumns = nodeColumns;
            this.graphAttributes = graphAttributes;
            this.reportText = reportText;
        }

        static Expectation of(String statistic) {
            String[] none = {};
            switch (statistic) {
                case "Overlapping modularity over time":
                    return new Expectation("dynamic_modularity_chen per window", none, new String[]{"dynamic_modularity_chen"}, null);
                case "Small-world coefficients over time":
                    return new Expectation("dynamic_small_world_sigma per window", none, new String[]{"dynamic_small_world_sigma"}, null);
                case "Effective coupling (beta_eff) over time":
                    return new Expectation("dynamic_beta_eff per window", none, new String[]{"dynamic_beta_eff"}, null);
                case "Community tracking over time":
                    // nodes absent from the windows get no community: the report is what every run must give
                    return new Expectation("a report of the communities followed over the windows", none, none, "births");
                case "Modularity over resolutions":
                    return new Expectation("modularity_class on every node", new String[]{"modularity_class"}, none, null);
                case "Leiden communities":
                    return new Expectation("modularity_class on every node", new String[]{"modularity_class"}, none, null);
                case "Overlapping modularity":
                    return new Expectation("belonging on every node", new String[]{"belonging"}, none, null);
                case "Small-world coefficients":
                    return new Expectation("small_world_sigma and small_world_omega", none, new String[]{"small_world_sigma", "small_world_omega"}, null);
                case "Activation pattern entropy":
                    return new Expectation("activation_entropy on every neuron, from the activations the generator recorded",
                            new String[]{"activation_entropy"}, none, null);
                case "Neural capacitance ranking":
                    // a generated workspace is no candidate of a capacitance run: the statistic must say what it needs
                    return new Expectation("refuses with what it needs", none, none, "neuralgraph capacitance");
                case "Effective coupling (beta_eff)":
                    return new Expectation("beta_eff", none, new String[]{"beta_eff"}, null);
                default:
                    throw new IllegalStateException("the probe does not know what the statistic '" + statistic + "' writes: add it here");
            }
        }

        /** Removes what an earlier statistic may have written under the same names, so that only this run counts. */
        void clear(Graph g) {
            for (String id : nodeColumns) if (g.getModel().getNodeTable().hasColumn(id)) g.getModel().getNodeTable().removeColumn(id);
            for (String key : graphAttributes) g.removeAttribute(key);
        }

        /** Null when the workspace and report hold what is expected, else what is missing. */
        String problem(Graph g, String report) {
            if (report == null || report.isEmpty()) return "no report";
            if (reportText != null && !report.contains(reportText)) return "the report does not say '" + reportText + "': " + report;
            GraphModel gm = g.getModel();
            for (String id : nodeColumns) {
                Column c = gm.getNodeTable().getColumn(id);
                if (c == null) return "no node column " + id + "; the report says: " + text(report);
                int missing = 0, all = 0;
                for (Node n : g.getNodes()) {
                    all++;
                    if (n.getAttribute(c) == null) missing++;
                }
                if (id.equals("activation_entropy") ? missing == all : missing > 0) {
                    return missing + " of " + all + " nodes have no " + id + "; the report says: " + text(report);
                }
            }
            for (String key : graphAttributes) {
                Object v = g.getAttribute(key);
                if (!finite(v)) return "graph attribute " + key + " is " + v + "; the report says: " + text(report);
            }
            return null;
        }

        private static boolean finite(Object v) {
            if (v instanceof Number) return Double.isFinite(((Number) v).doubleValue());
            if (v instanceof TimeMap) {
                for (Object x : ((TimeMap<?, ?>) v).toValuesArray()) if (finite(x)) return true;
            }
            return false;
        }

        private static String text(String html) {
            String t = html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
            return t.length() > 300 ? t.substring(0, 300) + " ..." : t;
        }
    }

    /** The result file, appended line by line so that a hang still leaves what was checked. */
    private static final class Lines {
        private final Path file;

        Lines(Path file) { this.file = file; }

        void pass(String check, String detail) { write("PASS " + check + ": " + detail); }
        void fail(String check, String detail) { write("FAIL " + check + ": " + detail); }
        void done() { write("DONE"); }

        private synchronized void write(String line) {
            try {
                Files.write(file, List.of(line), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("neuralgraph probe: cannot write " + file + ": " + e + "; " + line);
            }
        }
    }
}
