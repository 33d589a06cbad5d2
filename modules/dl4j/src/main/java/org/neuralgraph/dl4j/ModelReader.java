package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a model file is read: the network DL4J runs, its weights as plain arrays, and what records its hidden layers.
 * One reader per file format (a DL4J zip, an ONNX file, a Keras .h5 file); a {@link Checkpoint} keeps the reader of its
 * file. An ONNX file's activations come from ONNX Runtime, for any graph; its DL4J network (for the analyses that need
 * gradients) only from the chains {@link OnnxNetworks} converts.
 */
public interface ModelReader {

    /** The network, ready to run (checked and converted as the format needs). */
    MultiLayerNetwork network(Path file) throws IOException;

    /** The weights; by default those of the network {@link #network} loads. */
    default ModelWeights weights(Path file, String modelName) throws IOException {
        return Dl4jWeights.extract(network(file), modelName);
    }

    /** What records the model's hidden layers; by default the DL4J network's recorders ({@link LayerRecorder#of}). */
    default LayerRecorder recorder(Path file) throws IOException {
        MultiLayerNetwork net = network(file);
        Dl4jWeights.checkFinite(net);
        return LayerRecorder.of(net, file);
    }

    /** The network as a DAG of layers; by default the chain of {@link #weights} ({@link NetworkDag#ofChain}). */
    default NetworkDag dag(Path file, String modelName) throws IOException {
        return NetworkDag.ofChain(weights(file, modelName));
    }

    /** The network of either kind, to train or fine-tune; by default the chain {@link #network} loads. */
    default Network trainable(Path file) throws IOException {
        return Network.of(network(file));
    }

    /**
     * A DL4J model zip, checked before DL4J reads it: a MultiLayerNetwork ({@link ModelLoader#loadZip}) or, for training,
     * fine-tuning and the weight graph, a ComputationGraph too ({@link ModelLoader#loadNetwork}; its DAG by {@link Dl4jDag}).
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

        @Override
        public NetworkDag dag(Path file, String modelName) throws IOException {
            if (!ModelLoader.isGraphZip(file)) return NetworkDag.ofChain(weights(file, modelName));
            Network net = ModelLoader.loadNetwork(file).checkFinite();
            return Dl4jDag.of(net.graph(), modelName);
        }
    };

    /** A Keras Sequential model .h5 ({@link KerasModels}). */
    ModelReader KERAS = KerasModels::load;

    /**
     * An ONNX file: weights from its initializers ({@link OnnxModels}, chains), any DAG of the operators {@link OnnxDag}
     * reads as a {@link NetworkDag}, activations and feature maps from ONNX Runtime ({@link OnnxRuntimeActivations}), the
     * DL4J network converted ({@link OnnxNetworks}) where it can be (chains).
     */
    ModelReader ONNX = new ModelReader() {
        @Override
        public MultiLayerNetwork network(Path file) throws IOException {
            try {
                return OnnxNetworks.load(file);
            } catch (ModelFileException e) {
                if (!e.getMessage().contains("not a readable ONNX model") && !e.getMessage().contains("no such model file")) {
                    throw new ModelFileException(file, e.getMessage().substring(file.toString().length() + 2)
                            + "; this model runs inference-only through onnxruntime (activations, featuremaps), not in DL4J", e);
                }
                throw e;
            }
        }

        @Override
        public LayerRecorder recorder(Path file) throws IOException {
            return OnnxRuntimeActivations.open(file);
        }

        @Override
        public ModelWeights weights(Path file, String modelName) throws IOException {
            return OnnxModels.read(file);
        }

        @Override
        public NetworkDag dag(Path file, String modelName) throws IOException {
            return OnnxDag.read(file);
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
