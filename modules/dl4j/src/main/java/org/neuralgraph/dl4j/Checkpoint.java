package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.weights.ModelWeights;

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

    /** True when the model is an ONNX file: it gives its weights, but no DL4J network. */
    public boolean isOnnx() { return OnnxModels.isOnnxName(zip); }

    /**
     * Loads the network from its zip (checked by {@link ModelLoader}).
     *
     * @throws ModelFileException for an ONNX file, which is read for its weights only ({@link #weights(String)})
     */
    public MultiLayerNetwork load() throws IOException {
        if (isOnnx()) {
            throw new ModelFileException(zip, "an ONNX model is read for its weight graph only (neuralgraph weights); "
                    + "this analysis runs the network and needs a DL4J model .zip or a run directory");
        }
        return ModelLoader.loadZip(zip);
    }

    /** The model's weights: read from the ONNX file ({@link OnnxModels}), or from the DL4J network it loads. */
    public ModelWeights weights(String modelName) throws IOException {
        return isOnnx() ? OnnxModels.read(zip) : Dl4jWeights.extract(load(), modelName);
    }
}
