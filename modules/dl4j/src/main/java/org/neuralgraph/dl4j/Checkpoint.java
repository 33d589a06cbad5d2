package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One saved model of a training run, loaded on demand. */
public final class Checkpoint {

    private final RunManifest.CheckpointInfo info;
    private final Path zip;
    private final ModelReader reader;

    Checkpoint(RunManifest.CheckpointInfo info, Path zip) {
        this(info, zip, ModelReader.forFile(zip));
    }

    Checkpoint(RunManifest.CheckpointInfo info, Path zip, ModelReader reader) {
        this.info = info;
        this.zip = zip;
        this.reader = reader;
    }

    /** Epoch at which it was saved; 0 is the untrained network. -1 for a lone model zip. */
    public int epoch() { return info.epoch; }
    public double trainAccuracy() { return info.trainAccuracy; }
    public double trainLoss() { return info.trainLoss; }
    public double testAccuracy() { return info.testAccuracy; }
    public double testLoss() { return info.testLoss; }
    public double secondsPerEpoch() { return info.secondsPerEpoch; }
    public Path file() { return zip; }

    /** The epoch, or for a lone model file (no epoch: {@link #epoch()} -1) the file's name: "5", "mlp.onnx". */
    public String epochOrName() {
        return info.epoch >= 0 ? Integer.toString(info.epoch) : zip.getFileName().toString();
    }

    /** How reports and progress lines name it: "epoch 5", or the file's name for a lone model file. */
    public String label() {
        return info.epoch >= 0 ? "epoch " + info.epoch : epochOrName();
    }

    /** True when the model is an ONNX file: its weights are read from the file, its network converted ({@link OnnxNetworks}). */
    public boolean isOnnx() { return reader == ModelReader.ONNX; }

    /**
     * Loads the network with its file's {@link ModelReader}: from its zip (checked by {@link ModelLoader}), converted from
     * an ONNX file, or imported from a Keras .h5 file ({@link KerasModels}); then checks that its parameters are finite
     * ({@link Dl4jWeights#checkFinite}).
     *
     * @throws ModelFileException naming the file when it cannot be read or run, or (naming the layer) holds a NaN or
     *                            infinite parameter
     */
    public MultiLayerNetwork load() throws IOException {
        try {
            MultiLayerNetwork net = reader.network(zip);
            Dl4jWeights.checkFinite(net);
            return net;
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, e.getMessage(), e);
        }
    }

    /**
     * Loads the network of either kind (a residual network's zip holds a ComputationGraph) to train, evaluate or
     * fine-tune; checked as {@link #load()}.
     *
     * @throws ModelFileException naming the file when it cannot be read or run, holds a NaN or infinite parameter, or
     *                            cannot be trained here (an ONNX model with attention, {@link OnnxAttention})
     */
    public Network loadTrainable() throws IOException {
        try {
            return reader.trainable(zip).checkFinite();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, e.getMessage(), e);
        }
    }

    /** True when the model is a DL4J ComputationGraph (a residual network), whose weight graph comes from {@link #dag}. */
    public boolean isGraph() throws IOException {
        return reader == ModelReader.DL4J_ZIP && Files.isRegularFile(zip) && ModelLoader.isGraphZip(zip);
    }

    /**
     * The network DAG of a ComputationGraph checkpoint ({@link Dl4jDag}), for its weight graph.
     *
     * @throws ModelFileException naming the file when it cannot be read or a vertex cannot be converted
     */
    public NetworkDag dag(String modelName) throws IOException {
        try {
            Network net = loadTrainable();
            if (!net.isGraph()) return NetworkDag.ofChain(weights(modelName));
            return Dl4jDag.of(net.graph(), modelName);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, e.getMessage(), e);
        }
    }

    /**
     * Checks that the model reads one-channel images of {@code rows x cols} pixels, as the recorders feed them.
     *
     * @throws ModelFileException naming the file and the input the model expects when they do not fit
     */
    public void checkInput(int rows, int cols) throws IOException {
        NetworkInput in = NetworkInput.of(load());
        if (!in.fits(rows, cols)) {
            throw new ModelFileException(zip, "the model reads " + in + " but the images are " + rows + "x" + cols
                    + " (" + rows * cols + " values, one channel); choose data of the model's size");
        }
    }

    /**
     * The model's weights: read from the ONNX file ({@link OnnxModels}), or from the DL4J network it loads (DL4J, Keras).
     *
     * @throws ModelFileException naming the file when they cannot be read, or (naming the layer) one is NaN or infinite
     */
    public ModelWeights weights(String modelName) throws IOException {
        try {
            return reader.weights(zip, modelName);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, e.getMessage(), e);
        }
    }
}
