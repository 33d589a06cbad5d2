package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a model file is read: the network DL4J runs, and its weights as plain arrays. One reader per file format (a DL4J
 * zip, an ONNX file, a Keras .h5 file); a {@link Checkpoint} keeps the reader of its file.
 */
public interface ModelReader {

    /** The network, ready to run (checked and converted as the format needs). */
    MultiLayerNetwork network(Path file) throws IOException;

    /** The weights; by default those of the network {@link #network} loads. */
    default ModelWeights weights(Path file, String modelName) throws IOException {
        return Dl4jWeights.extract(network(file), modelName);
    }

    /** The network of either kind, to train or fine-tune; by default the chain {@link #network} loads. */
    default Network trainable(Path file) throws IOException {
        return Network.of(network(file));
    }

    /**
     * A DL4J model zip, checked before DL4J reads it: a MultiLayerNetwork ({@link ModelLoader#loadZip}) or, for training
     * and fine-tuning, a ComputationGraph too ({@link ModelLoader#loadNetwork}).
     */
    ModelReader DL4J_ZIP = new ModelReader() {
        @Override
        public MultiLayerNetwork network(Path file) throws IOException {
            return ModelLoader.loadZip(file);
        }

        @Override
        public Network trainable(Path file) throws IOException {
            return ModelLoader.loadNetwork(file);
        }
    };

    /** A Keras Sequential model .h5 ({@link KerasModels}). */
    ModelReader KERAS = KerasModels::load;

    /** An ONNX file: weights from its initializers ({@link OnnxModels}), the network converted ({@link OnnxNetworks}). */
    ModelReader ONNX = new ModelReader() {
        @Override
        public MultiLayerNetwork network(Path file) throws IOException {
            return OnnxNetworks.load(file);
        }

        @Override
        public ModelWeights weights(Path file, String modelName) throws IOException {
            return OnnxModels.read(file);
        }

        /** Refused for a model with attention ({@link OnnxAttention}), which runs inference-only. */
        @Override
        public Network trainable(Path file) throws IOException {
            OnnxAttention.refuseTraining(file);
            return Network.of(network(file));
        }
    };

    /** The reader of a file by its name: .onnx, .h5 / .keras, otherwise a DL4J zip. */
    static ModelReader forFile(Path file) {
        if (OnnxModels.isOnnxName(file)) return ONNX;
        if (KerasModels.isKerasName(file)) return KERAS;
        return DL4J_ZIP;
    }
}
