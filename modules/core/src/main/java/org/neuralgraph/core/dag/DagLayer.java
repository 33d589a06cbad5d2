package org.neuralgraph.core.dag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One layer of a {@link NetworkDag}: an ONNX node (or DL4J layer or vertex) that makes units, or merges them, after the
 * operators that only carry values through (activations, pooling, reshapes, dropout, normalisations) have been collapsed
 * into it. What each {@link Kind} means for the weight graph is in {@link DagWeightGraph}.
 *
 * <p>Weights are the signed trained values, in plain {@code double[]}, row-major:
 * <ul>
 *   <li>{@link Kind#DENSE} and {@link Kind#EMBEDDING}: {@code [inputWidth][units]}, {@code w[j * units + o]} the weight
 *       from input {@code j} to unit {@code o} (DL4J's {@code [nIn, nOut]}, ONNX MatMul's {@code [K, N]}; ONNX Gemm with
 *       {@code transB=1}, PyTorch's {@code nn.Linear}, is transposed into it). {@code inputWidth} is the number of input
 *       units times {@link #inputGroup()}: a dense layer reading flattened {@code C x H x W} maps sees {@code H * W}
 *       consecutive inputs per channel (NCHW flattening), which the weight graph groups by channel (Filan et al.).
 *       An embedding (PyTorch's {@code nn.Embedding}, or a learnt positional table) is a dense layer from the one-hot
 *       vocabulary: its input is an {@link Kind#INPUT} layer with one unit per row of the table, its weights the table
 *       {@code [rows][dims]}.</li>
 *   <li>{@link Kind#CONVOLUTION}: {@code [units][inputChannels / groups][kernelH][kernelW]} (ONNX's and DL4J's order);
 *       output channel {@code o} reads the input channels of its group {@code o / (units / groups)} (ONNX Conv,
 *       {@code group} attribute: depthwise when {@code groups} equals the input channels).</li>
 *   <li>{@link Kind#INPUT}, {@link Kind#ADD}, {@link Kind#ATTENTION}: none.</li>
 * </ul>
 *
 * <p>Instances are immutable; make them with {@link Builder}.
 */
public final class DagLayer {

    /** What a layer does with its inputs. */
    public enum Kind {
        /** The network's input, or an embedding's vocabulary: units and no inputs. */
        INPUT,
        /** A fully connected layer (Gemm, MatMul with a weight initializer, DL4J DenseLayer/OutputLayer). */
        DENSE,
        /** A 2-D convolution, grouped or depthwise when {@link #groups()} &gt; 1. */
        CONVOLUTION,
        /** An embedding table read by index: a dense layer from the one-hot vocabulary. */
        EMBEDDING,
        /**
         * The element-wise sum of two or more inputs of the same width (a residual connection, He et al. 2016, Eq. 1:
         * y = F(x) + x). It has no units of its own: its units are those of its deepest input.
         */
        ADD,
        /**
         * Scaled dot-product attention over heads (Vaswani et al. 2017, Sec. 3.2.2): inputs Q, K and V, in this order,
         * each {@link #units()} wide, split into {@link #heads()} heads of {@code units / heads}. Its units are V's: the
         * attention output of head h is a data-dependent mixture of V's head-h units over the positions.
         */
        ATTENTION
    }

    private final String name;
    private final String operator;
    private final Kind kind;
    private final List<Source> inputs;
    private final int units;
    private final int inputGroup;
    private final int groups;
    private final int kernelH;
    private final int kernelW;
    private final double[] weights;
    private final double[] bias;
    private final String block;
    private final int heads;
    private final String role;
    private final List<String> folded;
    private final double[] normScale;
    private final double[] normShift;
    int depth = -1; // set once by NetworkDag

    private DagLayer(Builder b) {
        this.name = b.name;
        this.operator = b.operator;
        this.kind = b.kind;
        this.inputs = Collections.unmodifiableList(new ArrayList<>(b.inputs));
        this.units = b.units;
        this.inputGroup = b.inputGroup;
        this.groups = b.groups;
        this.kernelH = b.kernelH;
        this.kernelW = b.kernelW;
        this.weights = b.weights;
        this.bias = b.bias;
        this.block = b.block == null ? "" : b.block;
        this.heads = b.heads;
        this.role = b.role == null ? "" : b.role;
        this.folded = Collections.unmodifiableList(new ArrayList<>(b.folded));
        this.normScale = b.normScale;
        this.normShift = b.normShift;
        check();
    }

    private void check() {
        String where = "layer '" + name + "' (" + operator + ")";
        if (units <= 0) throw new IllegalArgumentException(where + ": units must be positive, got " + units);
        int in = inputUnits();
        switch (kind) {
            case INPUT:
                if (!inputs.isEmpty()) throw new IllegalArgumentException(where + ": an input layer has no inputs");
                if (weights != null) throw new IllegalArgumentException(where + ": an input layer has no weights");
                break;
            case DENSE:
            case EMBEDDING:
                if (inputs.isEmpty()) throw new IllegalArgumentException(where + ": no inputs");
                if (inputGroup < 1) throw new IllegalArgumentException(where + ": input group must be >= 1");
                expectWeights(where, (long) in * inputGroup * units);
                break;
            case CONVOLUTION:
                if (inputs.isEmpty()) throw new IllegalArgumentException(where + ": no inputs");
                if (groups < 1 || in % groups != 0 || units % groups != 0) {
                    throw new IllegalArgumentException(where + ": " + groups + " groups do not divide " + in + " input and " + units + " output channels");
                }
                if (kernelH < 1 || kernelW < 1) throw new IllegalArgumentException(where + ": kernel " + kernelH + "x" + kernelW);
                expectWeights(where, (long) units * (in / groups) * kernelH * kernelW);
                break;
            case ADD:
                if (inputs.size() < 2) throw new IllegalArgumentException(where + ": an addition needs two inputs or more");
                for (Source s : inputs) {
                    if (s.count() != units) throw new IllegalArgumentException(where + ": input " + s + " is " + s.count() + " wide, the sum " + units);
                }
                break;
            case ATTENTION:
                if (inputs.size() != 3) throw new IllegalArgumentException(where + ": attention takes Q, K and V, got " + inputs.size() + " inputs");
                for (Source s : inputs) {
                    if (s.count() != units) throw new IllegalArgumentException(where + ": input " + s + " is " + s.count() + " wide, V " + units);
                }
                if (heads < 1 || units % heads != 0) throw new IllegalArgumentException(where + ": " + heads + " heads do not divide " + units + " units");
                break;
            default:
                throw new IllegalStateException(String.valueOf(kind));
        }
        if (bias != null && bias.length != units) throw new IllegalArgumentException(where + ": " + bias.length + " biases for " + units + " units");
        if (normScale != null && normScale.length != units) throw new IllegalArgumentException(where + ": normalisation scale of " + normScale.length + " for " + units + " units");
        if (normShift != null && normShift.length != units) throw new IllegalArgumentException(where + ": normalisation shift of " + normShift.length + " for " + units + " units");
        if (heads > 0 && units % heads != 0) throw new IllegalArgumentException(where + ": " + heads + " heads do not divide " + units + " units");
        checkFinite(where, "weight", weights);
        checkFinite(where, "bias", bias);
    }

    private void expectWeights(String where, long n) {
        if (weights == null || weights.length != n) {
            throw new IllegalArgumentException(where + ": " + (weights == null ? 0 : weights.length) + " weights, expected " + n);
        }
    }

    private static void checkFinite(String where, String what, double[] v) {
        if (v == null) return;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(where + ": " + what + " " + i + " is " + v[i] + " (the model has non-finite parameters; was training diverging?)");
            }
        }
    }

    /** The node's name in the model (ONNX node name, e.g. {@code /layer1/layer1.0/conv1/Conv}; DL4J layer name). */
    public String name() { return name; }
    /** The operator as the model calls it: {@code Conv}, {@code Gemm}, {@code MatMul}, {@code Add}, DL4J's layer class. */
    public String operator() { return operator; }
    public Kind kind() { return kind; }
    /** What it reads, concatenated in order; empty for an input. */
    public List<Source> inputs() { return inputs; }
    /** Its units: neurons, output channels, embedding dimensions; for {@link Kind#ADD} and {@link Kind#ATTENTION} the width. */
    public int units() { return units; }
    /** The width of the concatenated input in units (input channels of a convolution). */
    public int inputUnits() {
        int n = 0;
        for (Source s : inputs) n += s.count();
        return n;
    }
    /** Consecutive weight rows per input unit of a dense layer ({@code H * W} after flattening maps); 1 otherwise. */
    public int inputGroup() { return inputGroup; }
    /** Convolution groups (1 plain, input channels for depthwise); 1 for the other kinds. */
    public int groups() { return groups; }
    public int kernelH() { return kernelH; }
    public int kernelW() { return kernelW; }
    /** The weights in the order of the class comment, or null; must not be modified. */
    public double[] weights() { return weights; }
    /** Bias per unit, or null. */
    public double[] bias() { return bias; }
    /** The module the layer belongs to ({@code layer1.0}, {@code enc.layers.0}), or empty. */
    public String block() { return block; }
    /** Attention heads its units are split into (Q, K, V projections and attention), 0 when none. */
    public int heads() { return heads; }
    /** The head of unit {@code u}, or -1 when the layer has no heads. */
    public int headOf(int u) { return heads == 0 ? -1 : u / (units / heads); }
    /** {@code q}, {@code k}, {@code v} for attention projections, {@code out} for the output projection, else empty. */
    public String role() { return role; }
    /** What was collapsed into it, in order: {@code BatchNormalization folded}, {@code Relu}, {@code MaxPool}, ... */
    public List<String> folded() { return folded; }
    /** A normalisation's per-unit scale kept beside the units (LayerNormalization's gamma), or null. */
    public double[] normScale() { return normScale; }
    /** A normalisation's per-unit shift (LayerNormalization's beta), or null. */
    public double[] normShift() { return normShift; }
    /** The longest path, in layers with weights, from an input: 0 for inputs; an addition or attention is as deep as its deepest input. */
    public int depth() { return depth; }
    /** True when the layer makes units of its own (input, dense, convolution, embedding), not merges earlier ones. */
    public boolean hasOwnUnits() { return kind != Kind.ADD && kind != Kind.ATTENTION; }

    /** Weights and biases (and normalisation scale and shift). */
    public long parameterCount() {
        return (weights == null ? 0 : weights.length) + (bias == null ? 0 : bias.length)
                + (normScale == null ? 0 : normScale.length) + (normShift == null ? 0 : normShift.length);
    }

    @Override
    public String toString() {
        return kind + " '" + name + "' (" + operator + ", " + units + " units, depth " + depth + ")";
    }

    /** Collects a layer's fields; {@link #build()} checks them. */
    public static final class Builder {
        private final String name;
        private final String operator;
        private final Kind kind;
        private final List<Source> inputs = new ArrayList<>();
        private final int units;
        private int inputGroup = 1;
        private int groups = 1;
        private int kernelH = 1;
        private int kernelW = 1;
        private double[] weights;
        private double[] bias;
        private String block;
        private int heads;
        private String role;
        private final List<String> folded = new ArrayList<>();
        private double[] normScale;
        private double[] normShift;

        public Builder(String name, String operator, Kind kind, int units) {
            this.name = name;
            this.operator = operator;
            this.kind = kind;
            this.units = units;
        }

        public Builder input(Source s) { inputs.add(s); return this; }
        public Builder inputs(List<Source> s) { inputs.addAll(s); return this; }
        /** The weights, kept (not copied), in the order of the class comment. */
        public Builder weights(double[] w) { this.weights = w; return this; }
        public Builder bias(double[] b) { this.bias = b; return this; }
        public Builder inputGroup(int g) { this.inputGroup = g; return this; }
        public Builder kernel(int h, int w, int groups) { this.kernelH = h; this.kernelW = w; this.groups = groups; return this; }
        public Builder block(String b) { this.block = b; return this; }
        public Builder heads(int h, String role) { this.heads = h; this.role = role; return this; }
        public Builder folded(String what) { folded.add(what); return this; }
        public Builder folded(List<String> what) { folded.addAll(what); return this; }
        public Builder normalisation(double[] scale, double[] shift) { this.normScale = scale; this.normShift = shift; return this; }

        public DagLayer build() { return new DagLayer(this); }
    }
}
