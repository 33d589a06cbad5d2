package org.neuralgraph.core.activation;

/**
 * The recorded outputs of one fully connected layer over a data set: the matrix v(q, l, d) of Mostafa and Mondal, Section 5.1
 * (rows: samples d, columns: neurons q), row-major, with the class of each sample. These are post-activation values
 * (after ReLU for the papers' models), taken in inference mode (no dropout).
 */
public final class LayerActivations {

    private final String layerName;
    private final int layer;
    private final float[] values;
    private final int samples;
    private final int neurons;
    private final int[] labels;
    private final int classes;

    /**
     * @param layerName name such as {@code dense_1}
     * @param layer     1-based index of the layer among the hidden fully connected layers
     * @param values    {@code samples x neurons}, row-major; kept, not copied
     * @param labels    the class of each sample, in {@code [0, classes)}; kept, not copied
     * @throws IllegalArgumentException when the sizes disagree, a label is out of range or a value is not finite
     */
    public LayerActivations(String layerName, int layer, float[] values, int samples, int neurons, int[] labels, int classes) {
        if (samples < 1 || neurons < 1 || (long) samples * neurons != values.length) {
            throw new IllegalArgumentException("layer " + layerName + ": " + values.length + " activations are not "
                    + samples + " samples x " + neurons + " neurons");
        }
        if (labels.length != samples) throw new IllegalArgumentException("layer " + layerName + ": " + labels.length + " labels for " + samples + " samples");
        if (classes < 1) throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        for (int i = 0; i < samples; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("sample " + i + " has label " + labels[i] + ", outside 0.." + (classes - 1));
            }
        }
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException("layer " + layerName + ": the activation of neuron " + (k % neurons) + " on sample "
                        + (k / neurons) + " is " + values[k] + " (the model's weights or inputs are not finite)");
            }
        }
        this.layerName = layerName;
        this.layer = layer;
        this.values = values;
        this.samples = samples;
        this.neurons = neurons;
        this.labels = labels;
        this.classes = classes;
    }

    public String layerName() { return layerName; }
    /** 1-based index among the hidden fully connected layers (the "L1", "L2" of Mostafa and Mondal's tables). */
    public int layer() { return layer; }
    /** Row-major values; must not be modified. */
    public float[] values() { return values; }
    public int samples() { return samples; }
    public int neurons() { return neurons; }
    /** Class of each sample; must not be modified. */
    public int[] labels() { return labels; }
    public int classes() { return classes; }
    public float get(int sample, int neuron) { return values[sample * neurons + neuron]; }

    /** |D_i| for every class. */
    public int[] classSizes() {
        int[] n = new int[classes];
        for (int y : labels) n[y]++;
        return n;
    }
}
