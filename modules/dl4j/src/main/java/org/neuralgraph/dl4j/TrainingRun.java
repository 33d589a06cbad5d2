package org.neuralgraph.dl4j;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** The checkpoints of a training run (or the single model of a zip), in epoch order. */
public final class TrainingRun {

    private final Path dir;
    private final RunManifest manifest;
    private final List<Checkpoint> checkpoints;

    TrainingRun(Path dir, RunManifest manifest, List<Checkpoint> checkpoints) {
        this.dir = dir;
        this.manifest = manifest;
        this.checkpoints = Collections.unmodifiableList(checkpoints);
    }

    /**
     * A lone model file as a run of one checkpoint (epoch -1, no accuracies), read by {@code reader}. The file is not
     * read here; check it first.
     */
    public static TrainingRun ofFile(Path file, ModelReader reader) {
        RunManifest.CheckpointInfo info = new RunManifest.CheckpointInfo();
        info.epoch = -1;
        info.file = file.getFileName().toString();
        info.trainAccuracy = info.testAccuracy = info.trainLoss = info.testLoss = Double.NaN;
        return new TrainingRun(null, null, Collections.singletonList(new Checkpoint(info, file, reader)));
    }

    /** The run directory, or null for a lone model zip. */
    public Path dir() { return dir; }
    /** The manifest, or null for a lone model zip. */
    public RunManifest manifest() { return manifest; }
    public List<Checkpoint> checkpoints() { return checkpoints; }
}
