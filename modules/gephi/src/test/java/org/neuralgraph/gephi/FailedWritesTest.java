package org.neuralgraph.gephi;

import org.gephi.io.exporter.plugin.ExporterGEXF;
import org.gephi.io.exporter.plugin.ExporterGraphML;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A write that fails (here into Linux's {@code /dev/full}, which answers every write with "No space left on device")
 * is an error naming the file and the reason, never a truncated file delivered as written: Gephi's exporters only log
 * such failures.
 */
class FailedWritesTest {

    private static final Path FULL = Paths.get("/dev/full");

    @BeforeEach
    void freshProject() {
        GephiBridgeTest.pc().closeCurrentProject();
        GephiBridgeTest.pc().newProject();
    }

    @Test
    void gephisGexfAndGraphMlExportersFailLoudlyOnAFullDisk() {
        assumeTrue(Files.isWritable(FULL), "needs Linux's /dev/full");
        Workspace ws = WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "tiny", ProgressMonitor.NONE);
        Path shown = Paths.get("out/graphs/tiny.gexf");
        ExporterGEXF gexf = new ExporterGEXF();
        gexf.setWorkspace(ws);
        IOException e = assertThrows(IOException.class, () -> CheckedExport.run(gexf, FULL, shown, "</gexf>"));
        assertEquals("out/graphs/tiny.gexf: could not be written (No space left on device)", e.getMessage());

        ExporterGraphML graphml = new ExporterGraphML();
        graphml.setWorkspace(ws);
        e = assertThrows(IOException.class, () -> CheckedExport.run(graphml, FULL, Paths.get("tiny.graphml"), "</graphml>"));
        assertEquals("tiny.graphml: could not be written (No space left on device)", e.getMessage());
    }

    @Test
    void aCompleteExportPassesItsChecks(@TempDir Path tmp) throws IOException {
        Workspace ws = WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "tiny", ProgressMonitor.NONE);
        java.util.List<Path> files = GraphExporter.export(ws, tmp, "tiny", java.util.EnumSet.allOf(GraphExporter.Format.class));
        for (Path f : files) assertTrue(Files.size(f) > 100, f + " written");
    }
}
