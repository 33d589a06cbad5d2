package org.neuralgraph.core.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameterised layers of a feed-forward network in order from input to output, plus the size of the
 * input. Layers without parameters (pooling, dropout, flatten) are not listed: they keep the number of units
 * or channels, so the weight graph links through them.
 *
 * <p>When a dense layer follows a convolution, its {@code nIn} is {@code channels * height * width} in
 * channel-major (NCHW) order, as DL4J's CNN-to-dense preprocessor flattens it; the weight graph groups those
 * inputs by channel.
 */
public final class ModelWeights {

    private final String modelName;
    private final int inputUnits;
    private final List<LayerWeights> layers;

    /**
     * @param modelName  a name for reports
     * @param inputUnits input pixels for an MLP, input channels for a CNN
     * @param layers     parameterised layers in order
     */
    public ModelWeights(String modelName, int inputUnits, List<LayerWeights> layers) {
        if (layers.isEmpty()) throw new IllegalArgumentException("model " + modelName + " has no layer with weights");
        if (inputUnits <= 0) throw new IllegalArgumentException("model " + modelName + ": input size must be positive");
        this.modelName = modelName;
        this.inputUnits = inputUnits;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    }

    public String modelName() { return modelName; }
    public int inputUnits() { return inputUnits; }
    public List<LayerWeights> layers() { return layers; }

    /** Weights and biases of all layers. */
    public long parameterCount() {
        long n = 0;
        for (LayerWeights l : layers) n += l.parameterCount();
        return n;
    }
}
