package org.neuralgraph.gephi;

import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.types.TimestampDoubleMap;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.Project;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.openide.util.Lookup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;

import static org.gephi.graph.api.TimeRepresentation.TIMESTAMP;
import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.gephi.GephiBridgeTest.model;
import static org.neuralgraph.gephi.GephiBridgeTest.pc;

/** Three checkpoints whose spells and values are known; node c and edge b-c disappear at epoch 5 and return at 10. */
class TimelineImporterTest {

    private static final double[] EPOCHS = {0, 5, 10};

    @BeforeEach
    void freshProject() {
        pc().closeCurrentProject();
        pc().newProject();
    }

    static GraphTimeline timeline() {
        return GraphTimeline.of(Arrays.asList(graph(true, 1, 0.5, 0.10), graph(false, 2, 0, 0.60), graph(true, 3, 0.7, 0.90)),
                EPOCHS, "epoch");
    }

    private static NeuralGraph graph(boolean withC, double w, double wc, double accuracy) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        b.addNode("a", "A");
        b.addNode("b", "B");
        b.addEdge(0, 1, w);
        if (withC) {
            b.addNode("c", "C");
            b.addEdge(1, 2, wc);
        }
        b.nodeColumn("activation", NeuralGraph.Column.ofDoubles("Activation", withC ? new double[] {w, 2 * w, 7} : new double[] {w, 2 * w}));
        b.nodeColumn("layer", NeuralGraph.Column.ofInts("Layer", withC ? new int[] {0, 1, 2} : new int[] {0, 1}));
        return b.graphAttribute("accuracy", accuracy).graphAttribute("seed", 42L).build();
    }

    @Test
    void spellsWeightsAndValuesArriveInOneDynamicWorkspace() {
        Workspace ws = TimelineImporter.importTimeline(timeline(), "training", ProgressMonitor.NONE);
        assertDynamicAsBuilt(model(ws));
    }

    static void assertDynamicAsBuilt(GraphModel gm) {
        assertEquals(TIMESTAMP, gm.getConfiguration().getTimeRepresentation());
        assertTrue(gm.isDynamic());
        Graph g = gm.getGraph();
        assertEquals(3, g.getNodeCount());
        assertEquals(2, g.getEdgeCount());
        Node a = g.getNode("a"), b = g.getNode("b"), c = g.getNode("c");
        assertArrayEquals(new double[] {0, 5, 10}, sorted(a.getTimestamps()));
        assertArrayEquals(new double[] {0, 10}, sorted(c.getTimestamps()), "c is absent at epoch 5");
        Edge ab = g.getEdge(a, b), bc = g.getEdge(b, c);
        assertArrayEquals(new double[] {0, 10}, sorted(bc.getTimestamps()));
        assertEquals(2.0, ab.getWeight(5.0), 1e-12);
        assertEquals(0.7, bc.getWeight(10.0), 1e-12);
        assertEquals(4.0, ((Number) b.getAttribute("activation", 5.0)).doubleValue(), 1e-12);
        assertEquals(2, ((Number) c.getAttribute("layer")).intValue(), "a value that never changes stays static");
        assertFalse(gm.getNodeTable().getColumn("layer").isDynamic());

        // a view over one moment (what Gephi's timeline and dynamic statistics read) sees that moment's weight
        org.gephi.graph.api.GraphView view = gm.copyView(gm.getGraph().getView());
        gm.setTimeInterval(view, new Interval(4, 6));
        assertEquals(2.0, ab.getWeight(view), 1e-12);
        gm.destroyView(view);
    }

    private static double[] sorted(double[] d) {
        double[] s = d.clone();
        Arrays.sort(s);
        return s;
    }

    @Test
    void graphSeriesAreDynamicGraphAttributes() {
        Workspace ws = TimelineImporter.importTimeline(timeline(), "training", ProgressMonitor.NONE);
        Graph g = model(ws).getGraph();
        assertEquals(0.6, (Double) g.getAttribute("accuracy", 5.0), 1e-12);
        assertEquals(42L, g.getAttribute("seed"));
        assertEquals("epoch", g.getAttribute(org.neuralgraph.core.graph.Names.TIMELINE_UNIT));
    }

    @Test
    void dynamicGexfIsWrittenAndReadBack(@TempDir Path tmp) throws IOException {
        Workspace ws = TimelineImporter.importTimeline(timeline(), "training", ProgressMonitor.NONE);
        GraphExporter.export(ws, tmp, "training", EnumSet.of(GraphExporter.Format.GEXF));
        String gexf = new String(Files.readAllBytes(tmp.resolve("training.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("mode=\"dynamic\""), "a dynamic graph");
        assertTrue(gexf.contains("timerepresentation=\"timestamp\""), "timestamps, not intervals");

        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container c = ic.importFile(tmp.resolve("training.gexf").toFile());
        c.getLoader().setAutoScale(false);
        Workspace back = pc().newWorkspace(pc().getCurrentProject());
        ic.process(c, new DefaultProcessor(), back);
        assertDynamicAsBuilt(model(back));
        assertTrue(model(back).getEdgeTable().getColumn("weight").getTypeClass() == TimestampDoubleMap.class, "weights stay dynamic");
    }

    /** File &gt; Generate hands Gephi a container: the same dynamic graph comes out of Gephi's import processor. */
    @Test
    void theTimelineAlsoGoesThroughGephisImportContainer() {
        org.gephi.io.importer.api.Container container = new org.gephi.io.importer.impl.ImportContainerImpl();
        ContainerWriter.writeTimeline(timeline(), "training", container.getLoader(), ProgressMonitor.NONE);
        assertTrue(container.verify());
        Workspace ws = pc().getCurrentWorkspace();
        Lookup.getDefault().lookup(ImportController.class).process(container, new DefaultProcessor(), ws);
        assertDynamicAsBuilt(model(ws));
    }

    /** What the animation exporter reads: the workspace gives back the timeline it was built from. */
    @Test
    void theWorkspaceReadsBackAsTheSameTimeline() {
        Workspace ws = TimelineImporter.importTimeline(timeline(), "training", ProgressMonitor.NONE);
        GraphTimeline back = WorkspaceTimeline.of(model(ws));
        GraphTimeline t = timeline();
        assertEquals(3, back.frameCount());
        assertEquals("epoch", back.timeUnit());
        for (int f = 0; f < 3; f++) {
            assertEquals(t.time(f), back.time(f));
            for (int v = 0; v < t.nodeCount(); v++) {
                assertEquals(t.nodePresent(f, v), back.nodePresent(f, back.indexOfNode(t.nodeId(v))), "node " + t.nodeId(v) + " at " + f);
            }
        }
        assertEquals(0.7, back.weight(2, 1), 1e-12);
        assertTrue(Double.isNaN(back.weight(1, 1)), "b-c is absent at epoch 5");
        assertEquals(0.6, back.graphSeries().get("accuracy").value(1, 0));
        assertThrows(IllegalArgumentException.class, () -> WorkspaceTimeline.of(model(
                WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "static", ProgressMonitor.NONE))), "a static graph has no timeline");
    }

    @Test
    void aSavedProjectReopensWithItsTimeline(@TempDir Path tmp) throws IOException {
        Workspace ws = TimelineImporter.importTimeline(timeline(), "training", ProgressMonitor.NONE);
        Project project = pc().getCurrentProject();
        Path file = tmp.resolve("training.gephi");
        ProjectFile.save(project, file);
        pc().closeCurrentProject();
        pc().openProject(file.toFile());
        Workspace reopened = null;
        for (Workspace w : pc().getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces()) {
            if ("training".equals(w.getName())) reopened = w;
        }
        assertNotNull(reopened, "the workspace comes back by name");
        assertDynamicAsBuilt(model(reopened));
        assertEquals(0.6, (Double) model(reopened).getGraph().getAttribute("accuracy", 5.0), 1e-12);
    }
}
