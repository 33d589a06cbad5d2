package org.neuralgraph.core.dag;

import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A feed-forward network as a directed acyclic graph of {@link DagLayer}s in topological order: every layer reads only
 * earlier ones. This is what the weight graph of any architecture is built from ({@link DagWeightGraph}): an ONNX graph
 * read tensor by tensor (residual additions, concatenations, attention; the ONNX reader in the dl4j module), a DL4J
 * ComputationGraph, or a chain of layers ({@link #ofChain}).
 *
 * <p>Building one checks what the weight graph relies on: every source names an earlier layer and lies within its units;
 * the first layer is an input. It then sets each layer's {@link DagLayer#depth()}, the longest path from an input counted
 * in layers that make units (an addition or attention adds no depth), which the weight graph draws as columns.
 */
public final class NetworkDag {

    private final String name;
    private final String input;
    private final List<DagLayer> layers;
    private final Set<String> passedOver;

    /**
     * @param name       the model's name in reports (the file's name)
     * @param input      the input in words, e.g. {@code input [batch, 3, 32, 32]}
     * @param layers     in topological order, inputs first
     * @param passedOver operators that carry values through and were collapsed (Relu, MaxPool, Reshape, ...)
     */
    public NetworkDag(String name, String input, List<DagLayer> layers, Set<String> passedOver) {
        if (layers.isEmpty() || layers.get(0).kind() != DagLayer.Kind.INPUT) {
            throw new IllegalArgumentException("model " + name + ": the first layer must be an input");
        }
        boolean weights = false;
        for (int l = 0; l < layers.size(); l++) {
            DagLayer layer = layers.get(l);
            if (layer.depth >= 0) throw new IllegalArgumentException("model " + name + ": layer '" + layer.name() + "' belongs to another network");
            int depth = 0;
            for (Source s : layer.inputs()) {
                if (s.layer() >= l) {
                    throw new IllegalArgumentException("model " + name + ": layer '" + layer.name() + "' reads layer " + s.layer() + ", which is not before it (topological order)");
                }
                DagLayer from = layers.get(s.layer());
                if (s.offset() + s.count() > from.units()) {
                    throw new IllegalArgumentException("model " + name + ": layer '" + layer.name() + "' reads units " + s.offset() + ".." + (s.offset() + s.count())
                            + " of '" + from.name() + "', which has " + from.units());
                }
                depth = Math.max(depth, from.depth + (layer.hasOwnUnits() ? 1 : 0));
            }
            layer.depth = depth;
            weights |= layer.weights() != null;
        }
        if (!weights) throw new IllegalArgumentException("model " + name + " has no layer with weights");
        this.name = name;
        this.input = input;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
        this.passedOver = Collections.unmodifiableSet(new TreeSet<>(passedOver));
    }

    /**
     * The chain {@code model} as a network DAG: an input of {@code model.inputUnits()} units, then each layer reading the
     * whole layer before it; a dense layer after a convolution reads its flattened maps ({@link DagLayer#inputGroup()}
     * {@code nIn / channels}), as {@link org.neuralgraph.core.weights.WeightGraph} groups them. The weight arrays are
     * shared, not copied.
     */
    public static NetworkDag ofChain(ModelWeights model) {
        List<DagLayer> layers = new ArrayList<>();
        layers.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, model.inputUnits()).build());
        int previous = model.inputUnits();
        for (LayerWeights lw : model.layers()) {
            DagLayer.Builder b;
            if (lw.kind() == LayerWeights.Kind.CONVOLUTION) {
                b = new DagLayer.Builder(lw.name(), "Conv", DagLayer.Kind.CONVOLUTION, lw.nOut()).kernel(lw.kernelH(), lw.kernelW(), 1);
                if (lw.nIn() != previous) throw new IllegalArgumentException("layer " + lw.name() + " takes " + lw.nIn() + " channels but the layer before it has " + previous);
            } else {
                b = new DagLayer.Builder(lw.name(), "Dense", DagLayer.Kind.DENSE, lw.nOut());
                if (lw.nIn() % previous != 0) {
                    throw new IllegalArgumentException("layer " + lw.name() + " takes " + lw.nIn() + " inputs but the layer before it has " + previous
                            + " units (and " + lw.nIn() + " is not a multiple of it)");
                }
                b.inputGroup(lw.nIn() / previous);
            }
            b.input(Source.all(layers.size() - 1, previous)).weights(lw.rawWeights());
            if (lw.hasBias()) {
                double[] bias = new double[lw.nOut()];
                for (int j = 0; j < bias.length; j++) bias[j] = lw.bias(j);
                b.bias(bias);
            }
            if (lw.activation() != null) b.folded(lw.activation());
            layers.add(b.build());
            previous = lw.nOut();
        }
        return new NetworkDag(model.modelName(), "input of " + model.inputUnits() + " units", layers, Collections.emptySet());
    }

    public String name() { return name; }
    /** The input in words. */
    public String input() { return input; }
    /** Inputs first, every layer after the layers it reads. */
    public List<DagLayer> layers() { return layers; }
    /** Operators that were collapsed into the layers (sorted). */
    public Set<String> passedOver() { return passedOver; }

    /** True when every layer reads the whole layer before it: a chain, as {@link ModelWeights} holds. */
    public boolean isChain() {
        for (int l = 1; l < layers.size(); l++) {
            DagLayer d = layers.get(l);
            if (!d.hasOwnUnits() || d.kind() == DagLayer.Kind.INPUT || d.inputs().size() != 1) return false;
            Source s = d.inputs().get(0);
            if (s.layer() != l - 1 || s.offset() != 0 || s.count() != layers.get(l - 1).units()) return false;
        }
        return true;
    }

    /** How many BatchNormalization nodes were folded into the layers before them. */
    public int batchNormFolded() {
        int n = 0;
        for (DagLayer l : layers) for (String f : l.folded()) if (f.startsWith("BatchNormalization")) n++;
        return n;
    }

    /** Weights and biases of all layers, after folding (plus kept normalisation scales and shifts). */
    public long parameterCount() {
        long n = 0;
        for (DagLayer l : layers) n += l.parameterCount();
        return n;
    }
}
