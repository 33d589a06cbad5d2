package org.neuralgraph.core.dag;

/**
 * A run of consecutive units of an earlier {@link DagLayer} that a layer reads: {@code count} units from {@code offset}.
 * A layer's input is the concatenation of its sources in order, so ONNX's {@code Concat} along the channel axis
 * (DenseNet, Huang et al. 2017) and DL4J's {@code MergeVertex} are several sources, and ONNX's {@code Slice}/{@code Split}
 * along the unit axis (PyTorch's packed attention projection cut into Q, K and V) or DL4J's {@code SubsetVertex} is one
 * source with an offset. Neither makes units of its own.
 */
public final class Source {

    private final int layer;
    private final int offset;
    private final int count;

    /**
     * @param layer  index of the earlier layer in {@link NetworkDag#layers()}
     * @param offset first unit read
     * @param count  units read
     */
    public Source(int layer, int offset, int count) {
        if (layer < 0 || offset < 0 || count <= 0) {
            throw new IllegalArgumentException("source (layer " + layer + ", offset " + offset + ", count " + count + ") out of range");
        }
        this.layer = layer;
        this.offset = offset;
        this.count = count;
    }

    /** All {@code units} units of {@code layer}. */
    public static Source all(int layer, int units) {
        return new Source(layer, 0, units);
    }

    public int layer() { return layer; }
    public int offset() { return offset; }
    public int count() { return count; }

    @Override
    public String toString() {
        return "layer " + layer + "[" + offset + ".." + (offset + count) + ")";
    }
}
