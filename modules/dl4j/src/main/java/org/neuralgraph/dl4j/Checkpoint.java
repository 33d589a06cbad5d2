package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;

/** One saved model of a training run, loaded on demand. */
public final class Checkpoint {

    private final RunManifest.CheckpointInfo info;
    private final Path zip;

    Checkpoint(RunManifest.CheckpointInfo info, Path zip) {
        this.info = info;
        this.zip = zip;
    }

    /** Epoch at which it was saved; 0 is the untrained network. -1 for a lone model zip. */
    public int epoch() { return info.epoch; }
    public double trainAccuracy() { return info.trainAccuracy; }
    public double trainLoss() { return info.trainLoss; }
    public double testAccuracy() { return info.testAccuracy; }
    public double testLoss() { return info.testLoss; }
    public double secondsPerEpoch() { return info.secondsPerEpoch; }
    public Path file() { return zip; }

    /** Loads the network from its zip (checked by {@link ModelLoader}). */
    public MultiLayerNetwork load() throws IOException {
        return ModelLoader.loadZip(zip);
    }
}
