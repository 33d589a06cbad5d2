package org.neuralgraph.pipeline.study;

import java.util.Collections;
import java.util.List;

/** What a study prints when its outputs are in place: a summary, its notes, and its main outputs (relative paths). */
public final class StudyOutcome {

    private final String summary;
    private final List<String> notes;
    private final List<String> outputs;

    public StudyOutcome(String summary, List<String> notes, List<String> outputs) {
        this.summary = summary;
        this.notes = Collections.unmodifiableList(notes);
        this.outputs = Collections.unmodifiableList(outputs);
    }

    /** A few lines: the headline figures, or the paper's claims and their verdicts. */
    public String summary() { return summary; }
    public List<String> notes() { return notes; }
    /** Paths relative to the output directory, such as {@code report.md}, {@code graphs}, {@code neuralgraph.gephi}. */
    public List<String> outputs() { return outputs; }
}
