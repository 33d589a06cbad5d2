package org.neuralgraph.gephi;

import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.gephi.GephiBridgeTest.pc;

/** The activations recorded with a workspace survive a .gephi save and reopen, and the entropy statistic runs on them (issue 27 item 4). */
class RecordedActivationsPersistenceTest {

    @BeforeEach
    void freshProject() {
        pc().closeCurrentProject();
        pc().newProject();
    }

    private static RecordedActivations recorded() {
        float[] v = new float[6 * 3];
        for (int i = 0; i < v.length; i++) v[i] = (i * 7 % 5) / 4f;
        return new RecordedActivations(v, 6, new String[]{"L1N0", "L1N1", "L1N2"}, new int[]{1, 1, 1}, new int[]{0, 1, 0, 1, 0, 1});
    }

    @Test
    void activationsComeBackWithTheirWorkspaceAndOnlyThere(@TempDir Path tmp) throws IOException {
        Workspace with = WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "with", ProgressMonitor.NONE);
        with.add(recorded());
        WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "without", ProgressMonitor.NONE);
        Path file = tmp.resolve("saved.gephi");
        ProjectFile.save(pc().getCurrentProject(), file);
        pc().closeCurrentProject();
        pc().openProject(file.toFile());

        RecordedActivations before = recorded(), after = null;
        boolean sawWithout = false;
        for (Workspace w : pc().getCurrentProject().getLookup().lookup(WorkspaceProvider.class).getWorkspaces()) {
            if ("with".equals(w.getName())) after = w.getLookup().lookup(RecordedActivations.class);
            if ("without".equals(w.getName())) {
                sawWithout = true;
                assertNull(w.getLookup().lookup(RecordedActivations.class));
            }
        }
        assertTrue(sawWithout);
        assertNotNull(after, "the activations are back in their workspace");
        assertArrayEquals(before.values(), after.values());
        assertEquals(before.rows(), after.rows());
        for (int c = 0; c < before.columns(); c++) {
            assertEquals(before.nodeId(c), after.nodeId(c));
            assertEquals(before.layer(c), after.layer(c));
        }
        for (int r = 0; r < before.rows(); r++) assertEquals(before.rowClass(r), after.rowClass(r));
    }

    @Test
    void anEntryCutShortOrForgedIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Workspace ws = WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "ws", ProgressMonitor.NONE);
        ws.add(recorded());
        new RecordedActivationsPersistence().writeBytes(new DataOutputStream(bytes), ws);
        byte[] whole = bytes.toByteArray();
        assertNotNull(RecordedActivationsPersistence.read(new DataInputStream(new ByteArrayInputStream(whole))));
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        assertThrows(IOException.class, () -> RecordedActivationsPersistence.read(new DataInputStream(new ByteArrayInputStream(cut))));
        byte[] forged = whole.clone();
        forged[5] = 0x7f; // rows: about two billion
        IOException e = assertThrows(IOException.class, () -> RecordedActivationsPersistence.read(new DataInputStream(new ByteArrayInputStream(forged))));
        assertTrue(e.getMessage().contains("values"), e.getMessage());

        Workspace other = WorkspaceImporter.importGraph(GephiBridgeTest.tiny(), "other", ProgressMonitor.NONE);
        new RecordedActivationsPersistence().readBytes(new DataInputStream(new ByteArrayInputStream(cut)), other);
        assertNull(other.getLookup().lookup(RecordedActivations.class), "skipped, with a warning: the graph opens without them");
    }
}
