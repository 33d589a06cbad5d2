package org.neuralgraph.gephi;

import org.gephi.project.api.Project;
import org.gephi.project.io.SaveTask;

import org.neuralgraph.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves a Gephi project ({@code .gephi}) synchronously. {@code ProjectController.saveProject} hands the work to
 * a background task and returns at once, which a command line cannot wait for; this runs Gephi's own
 * {@link SaveTask} in the calling thread, into a temporary file that is then moved into place.
 */
public final class ProjectFile {

    private ProjectFile() { }

    public static void save(Project project, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            if (!new SaveTask(project, tmp.toFile()).run()) throw new IOException(file + ": Gephi could not save the project");
        });
    }
}
