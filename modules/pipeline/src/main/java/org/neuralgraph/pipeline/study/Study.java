package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.gephi.GephiProject;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One of the papers' studies, from a model (or several) to a directory of graphs, tables, charts and a report. The
 * command line runs every study the same way: {@link #check} before any work, then {@link #run} into a staging
 * directory that becomes the output only when the study ends well.
 */
public interface Study {

    /**
     * Checks every setting that can be checked before work starts (ranges, the model's spec, the data), so that a
     * mistake costs no training.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    void check() throws IOException;

    /** Does the work in {@code project}, writing every file under {@code outDir}. */
    StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException;
}
