package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Map;

/**
 * A DL4J network of either kind: a {@link MultiLayerNetwork} (a chain of layers, what every spec without residual
 * layers and every imported model is) or a {@link ComputationGraph} (a residual CNN, {@link GraphModelFactory}). It
 * offers what training, evaluation, saving and fine-tuning need of both, DL4J's {@code Model} and
 * {@code NeuralNetwork} interfaces having no forward pass; an analysis that reads a chain asks for {@link #chain()}.
 */
public final class Network {

    private final MultiLayerNetwork chain;
    private final ComputationGraph graph;

    private Network(MultiLayerNetwork chain, ComputationGraph graph) {
        this.chain = chain;
        this.graph = graph;
    }

    public static Network of(MultiLayerNetwork chain) {
        return new Network(chain, null);
    }

    public static Network of(ComputationGraph graph) {
        return new Network(null, graph);
    }

    /** True for a ComputationGraph. */
    public boolean isGraph() { return graph != null; }

    /** The MultiLayerNetwork; a ComputationGraph is refused, naming the analysis that needs a chain. */
    public MultiLayerNetwork chain(String analysis) {
        if (chain == null) {
            throw new IllegalArgumentException(analysis + " reads a chain of layers (a DL4J MultiLayerNetwork), but the model is a ComputationGraph (a residual network)");
        }
        return chain;
    }

    /** The ComputationGraph, or null for a chain. */
    public ComputationGraph graph() { return graph; }

    /** The DL4J model, for {@code ModelSerializer}. */
    public Model model() { return chain != null ? chain : graph; }

    /** One step of the updater on a mini-batch. */
    public void fit(DataSet batch) {
        if (chain != null) chain.fit(batch);
        else graph.fit(batch);
    }

    /** The loss of the last mini-batch fitted. */
    public double score() {
        return chain != null ? chain.score() : graph.score();
    }

    /** The output layer's activations (inference: no dropout, batch normalisation with its running statistics). */
    public INDArray output(INDArray features) {
        return chain != null ? chain.output(features, false) : graph.outputSingle(false, features);
    }

    public long numParams() {
        return model().numParams();
    }

    /**
     * Checks that every parameter is finite ({@link Dl4jWeights#checkFinite} for a chain; a graph's layers by their vertex
     * names).
     *
     * @throws IllegalArgumentException naming the layer and the first bad value
     */
    public Network checkFinite() {
        if (chain != null) {
            Dl4jWeights.checkFinite(chain);
            return this;
        }
        for (Layer layer : graph.getLayers()) {
            for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                INDArray v = p.getValue();
                if (!v.isNaN().any() && !v.isInfinite().any()) continue;
                double[] values = v.castTo(DataType.DOUBLE).dup('c').data().asDouble();
                int at = 0;
                while (Double.isFinite(values[at])) at++;
                throw new IllegalArgumentException("layer " + layer.conf().getLayer().getLayerName() + ": parameter " + p.getKey() + " value " + at
                        + " is " + values[at] + " (the model has non-finite parameters; was training diverging?)");
            }
        }
        return this;
    }
}
