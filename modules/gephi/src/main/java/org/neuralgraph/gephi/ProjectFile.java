package org.neuralgraph.gephi;

import org.gephi.project.api.Project;
import org.gephi.project.io.SaveTask;

import org.neuralgraph.core.io.AtomicFiles;
import org.neuralgraph.core.io.WriteFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a Gephi project ({@code .gephi}) synchronously. {@code ProjectController.saveProject} hands the work to
 * a background task and returns at once, which a command line cannot wait for; this runs Gephi's own
 * {@link SaveTask} in the calling thread, into a temporary file that is then moved into place.
 */
public final class ProjectFile {

    private ProjectFile() { }

    /**
     * Why the disk refuses writes, if it does. Gephi's save swallows the failed write itself and fails later with
     * "Deflater has been closed", so after a failed save a test write of {@link #PROBE_BYTES} beside it tells a full disk
     * from another failure.
     */
    private static java.util.Optional<IOException> diskProblem(Path dir) {
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, ".space", ".tmp");
            Files.write(probe, new byte[PROBE_BYTES]);
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(e);
        } finally {
            try {
                if (probe != null) Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the probe is the least of the problems then
            }
        }
    }

    private static final int PROBE_BYTES = 1 << 20;

    public static void save(Project project, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            boolean saved;
            try {
                saved = new SaveTask(project, tmp.toFile()).run();
            } catch (RuntimeException e) {
                throw WriteFailure.of(file, diskProblem(tmp.getParent()).<Throwable>map(p -> p).orElse(e));
            }
            if (!saved) throw new IOException(file + ": could not be written (Gephi's save was cancelled)");
        });
    }
}
