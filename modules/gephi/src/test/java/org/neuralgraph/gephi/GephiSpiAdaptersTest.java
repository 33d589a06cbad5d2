package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.impl.ImportContainerImpl;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.openide.util.Lookup;

import static org.junit.jupiter.api.Assertions.*;

/** The pieces the Gephi Desktop plugins hand to Gephi, run through the real toolkit. */
class GephiSpiAdaptersTest {

    @BeforeEach
    void freshProject() {
        Lookup.getDefault().lookup(ProjectController.class).closeCurrentProject();
        Lookup.getDefault().lookup(ProjectController.class).newProject();
    }

    @Test
    void containerWriterGoesThroughGephisImportProcessor() {
        Container container = new ImportContainerImpl();
        ContainerWriter.write(GephiBridgeTest.tiny(), "tiny", container.getLoader(), ProgressMonitor.NONE);
        assertTrue(container.verify());
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        Workspace ws = pc.getCurrentWorkspace();
        Lookup.getDefault().lookup(ImportController.class).process(container, new DefaultProcessor(), ws);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        assertEquals(5, gm.getGraph().getNodeCount());
        assertEquals(6, gm.getGraph().getEdgeCount());
        assertTrue(gm.isDirected());
        Node n3 = gm.getGraph().getNode("n3");
        assertEquals("node 3", n3.getLabel());
        assertEquals(1, n3.getAttribute("layer"));
        assertEquals(-0.2, (Double) n3.getAttribute("bias"), 0);
        assertNull(gm.getGraph().getNode("n0").getAttribute("bias"), "NaN becomes a missing value");
        assertEquals(0.25, gm.getGraph().getEdge(gm.getGraph().getNode("n1"), n3).getWeight(), 0);
        assertEquals("Weight (signed)", gm.getEdgeTable().getColumn("value").getTitle());
    }

    @Test
    void modularityOverResolutionsReportsAndKeepsClasses() {
        Workspace ws = WorkspaceImporter.importGraph(GephiBridgeTest.layered(new int[]{30, 20, 10}, 3), "m", ProgressMonitor.NONE);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        ModularityOverResolutions stat = new ModularityOverResolutions();
        stat.setResolutions(new double[]{0.5, 1.0, 2.0});
        stat.execute(gm);
        assertEquals(3, stat.getResults().size());
        String report = stat.getReport();
        assertTrue(report.contains("<table") && report.contains("0.50"), report);
        assertTrue(report.toLowerCase(java.util.Locale.ROOT).contains("<img"), "the report embeds its charts: " + report);
        assertNotNull(gm.getGraph().getNode("L0N0").getAttribute("modularity_class"));
        assertThrows(IllegalArgumentException.class, () -> stat.setResolutions(new double[]{0}));

        ModularityOverResolutions cancelled = new ModularityOverResolutions();
        cancelled.cancel();
        cancelled.execute(gm);
        assertNull(cancelled.getResults());
        assertTrue(cancelled.getReport().contains("Cancelled"));
    }
}
