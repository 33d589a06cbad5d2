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

    /**
     * True when the model is an ONNX file: its weights are read from the file, its activations recorded by ONNX Runtime,
     * its network converted ({@link OnnxNetworks}).
     */
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

    /** True when the model is a DL4J ComputationGraph (a residual network), whose weight graph comes from {@link #dag} ({@link Dl4jDag}). */
    public boolean isGraph() throws IOException {
        return reader == ModelReader.DL4J_ZIP && Files.isRegularFile(zip) && ModelLoader.isGraphZip(zip);
    }

    /**
     * Checks that the model reads one-channel images of {@code rows x cols} pixels, as the recorders feed them.
     *
     * @throws ModelFileException naming the file and the input the model expects when they do not fit
     */
    public void checkInput(int rows, int cols) throws IOException {
        recorder().checkInput(rows, cols);
    }

    /**
     * What records the model's hidden layers, with its file's {@link ModelReader}: the DL4J network's recorders, or ONNX
     * Runtime for an ONNX file.
     *
     * @throws ModelFileException naming the file when it cannot be read or run, or (naming the layer) a DL4J network holds
     *                            a NaN or infinite parameter
     */
    public LayerRecorder recorder() throws IOException {
        try {
            return reader.recorder(zip);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, e.getMessage(), e);
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

    /**
     * The model as a DAG of layers: an ONNX file's graph ({@link OnnxDag}: residual, concatenating and attention networks
     * too), or the chain of {@link #weights} for the other formats.
     *
     * @throws ModelFileException naming the file when it cannot be read, or (naming the node) has what is not read
     */
    public NetworkDag dag(String modelName) throws IOException {
        try {
            return reader.dag(zip, modelName);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(zip, e.getMessage(), e);
        }
    }
}
