package org.neuralgraph.dl4j;

import onnx.Onnx;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.shade.protobuf.ByteString;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs a feed-forward ONNX model (as {@code torch.onnx.export} writes it) by converting it into the DL4J
 * {@link MultiLayerNetwork} that computes the same function: {@code Gemm} and {@code MatMul}+{@code Add} become
 * {@link DenseLayer}s (the last one an {@link OutputLayer}), {@code Conv} a {@link ConvolutionLayer}, {@code MaxPool}
 * and {@code AveragePool} a {@link SubsamplingLayer}, element-wise activations the activation of the layer before
 * them, {@code Flatten}/{@code Reshape} the CNN-to-dense preprocessor DL4J inserts from the input type, {@code Dropout}
 * and {@code Identity} nothing (inference), {@code Softmax} the output layer's activation. The weights are
 * {@link OnnxModels}'s, in the project's layout (dense W {@code [in, out]}, PyTorch's {@code [out, in]} transposed;
 * convolution W {@code [out, in, kH, kW]}, ONNX's and DL4J's order alike), copied in float32 without rounding.
 *
 * <p>Why a conversion: the analyses that need gradients or DL4J's layers (net-fragment signals, first-layer filters,
 * activation maximisation, the capacitance probe) read a {@code MultiLayerNetwork}, and ONNX Runtime computes no
 * gradients. Activations and feature maps of any ONNX graph (residual, attention) come from ONNX Runtime instead
 * ({@link OnnxRuntimeActivations}, {@link ModelReader#recorder}); a model this class cannot convert runs inference-only
 * there. DL4J 1.0.0-M2.1's SameDiff ONNX import
 * ({@code samediff-import-onnx}, a Kotlin framework-import layer) gives a SameDiff graph, not a layer network, so every
 * recorder would need a second implementation over SameDiff variables. The price is coverage: only the chains
 * {@link OnnxModels} reads, with options DL4J's layers can express, run in DL4J.
 *
 * <p>What DL4J cannot express is refused naming the node and the attribute: asymmetric {@code pads},
 * {@code auto_pad=SAME_*} that is not symmetric, {@code group != 1}, pooling with {@code pads} or {@code dilations},
 * {@code ceil_mode=1} where it changes the output size, a Flatten other than at axis 1, a Reshape to anything but
 * {@code [batch, features]}, {@code Gelu} (DL4J's GELU is an approximation), an activation after an average pool (or
 * a non-monotone one after a max pool, where it cannot move before the pool), a softmax anywhere but at the end.
 * {@code LogSoftmax} at the end becomes a softmax output layer: the network then gives the probabilities
 * {@code exp(output)}, which activation maximisation and the capacitance probe need, instead of their logarithms.
 *
 * <p>The input size comes from the graph's input: {@code [batch, channels, height, width]} (fixed numbers, a symbolic
 * batch) or {@code [batch, features]}; the network is built by {@link LayerChain} (flattened images in, an output
 * layer whose loss the file does not carry, Adam as updater).
 */
public final class OnnxNetworks {

    /** Largest stride, dilation, padding or pooling window read (a forged attribute must not overflow the size arithmetic). */
    private static final int MAX_SIZE = 1 << 16;

    /** Largest input (values per sample) read. */
    private static final int MAX_INPUT_VALUES = 1 << 26;

    private OnnxNetworks() { }

    /**
     * The DL4J network that computes what the ONNX model in {@code file} computes.
     *
     * @throws ModelFileException naming the file when it cannot be read ({@link OnnxModels#read(Path)}), or (naming the
     *                            node and attribute or operator too) when the graph cannot run in DL4J
     */
    public static MultiLayerNetwork load(Path file) throws IOException {
        Onnx.ModelProto model = OnnxModels.parse(file, OnnxModels.MAX_FILE_BYTES);
        try {
            ModelWeights weights = OnnxModels.weights(model, file);
            return chain(model, weights, file).network();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /** Where the signal is: a map of {@code c x h x w}, or {@code n} features ({@code spatial} false). */
    private static final class Shape {
        boolean spatial;
        int c, h, w, n;

        int size() { return spatial ? c * h * w : n; }

        String describe() { return spatial ? c + "x" + h + "x" + w : String.valueOf(n); }
    }

    private static LayerChain chain(Onnx.ModelProto model, ModelWeights weights, Path file) throws ModelFileException {
        Onnx.GraphProto g = model.getGraph();
        Map<String, Onnx.TensorProto> constants = new HashMap<>();
        for (Onnx.TensorProto t : g.getInitializerList()) constants.put(t.getName(), t);
        Shape s = inputShape(g, constants, weights, file);
        LayerChain chain = s.spatial ? LayerChain.ofImages(s.c, s.h, s.w) : LayerChain.ofFeatures(s.n);
        Iterator<LayerWeights> params = weights.layers().iterator();
        List<Onnx.NodeProto> nodes = g.getNodeList();
        for (int i = 0; i < nodes.size(); i++) {
            Onnx.NodeProto n = nodes.get(i);
            String op = n.getOpType();
            String where = "node '" + n.getName() + "' (" + op + ")";
            switch (op) {
                case "Constant":
                    for (Onnx.AttributeProto a : n.getAttributeList()) if (a.getName().equals("value")) constants.put(n.getOutput(0), a.getT());
                    break;
                case "Gemm":
                case "MatMul": {
                    LayerWeights lw = params.next();
                    if (s.spatial) throw new IllegalArgumentException(where + " takes a " + s.describe() + " map that no Flatten or Reshape flattened");
                    if (lw.nIn() != s.n) throw new IllegalArgumentException(where + " takes " + lw.nIn() + " inputs but gets " + s.n);
                    chain.add(LayerChain.dense(n.getName(), lw));
                    s.n = lw.nOut();
                    break;
                }
                case "Conv": {
                    LayerWeights lw = params.next();
                    if (!s.spatial) throw new IllegalArgumentException(where + " needs a 4-D input [batch, channels, height, width], gets " + s.describe() + " features");
                    if (lw.nIn() != s.c) throw new IllegalArgumentException(where + " takes " + lw.nIn() + " channels but gets " + s.c);
                    long[] dil = ints(n, "dilations", 1);
                    long[] stride = ints(n, "strides", 1);
                    long[] pad = convPadding(n, where, s, lw, stride, dil);
                    int h = outSize(s.h, lw.kernelH(), (int) stride[0], (int) pad[0], (int) dil[0], where);
                    int w = outSize(s.w, lw.kernelW(), (int) stride[1], (int) pad[1], (int) dil[1], where);
                    chain.add(LayerChain.convolution(n.getName(), lw, ints(stride), ints(pad), ints(dil), ConvolutionMode.Truncate));
                    s.c = lw.nOut();
                    s.h = h;
                    s.w = w;
                    break;
                }
                case "MaxPool":
                case "AveragePool": {
                    if (!s.spatial) throw new IllegalArgumentException(where + " needs a 4-D input, gets " + s.describe() + " features");
                    long[] k = ints(n, "kernel_shape", 0);
                    if (k[0] == 0) throw new IllegalArgumentException(where + ": kernel_shape is missing");
                    long[] stride = ints(n, "strides", 1);
                    if (any(OnnxModels.attrInts(n, "pads"), 0)) throw cannot(where, "pads " + Arrays.toString(OnnxModels.attrInts(n, "pads")), "pooling without padding");
                    if (any(OnnxModels.attrInts(n, "dilations"), 1)) throw cannot(where, "dilations " + Arrays.toString(OnnxModels.attrInts(n, "dilations")), "pooling without dilation");
                    String autoPad = OnnxModels.attrS(n, "auto_pad", "NOTSET");
                    if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) throw cannot(where, "auto_pad=" + autoPad, "pooling without padding");
                    if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) throw cannot(where, "its second output (indices)", "the pooled values only");
                    if (OnnxModels.attrI(n, "ceil_mode", 0) != 0
                            && ((s.h - k[0]) % stride[0] != 0 || (s.w - k[1]) % stride[1] != 0)) {
                        throw cannot(where, "ceil_mode=1 on a " + s.h + "x" + s.w + " map", "floor rounding, which gives another output size here");
                    }
                    int h = outSize(s.h, (int) k[0], (int) stride[0], 0, 1, where);
                    int w = outSize(s.w, (int) k[1], (int) stride[1], 0, 1, where);
                    chain.add(LayerChain.pooling(n.getName(), op.equals("MaxPool"), ints(k), ints(stride), ConvolutionMode.Truncate));
                    s.h = h;
                    s.w = w;
                    break;
                }
                case "Flatten": {
                    long axis = OnnxModels.attrI(n, "axis", 1);
                    if (axis != 1) throw cannot(where, "axis=" + axis, "flattening at axis 1 into [batch, features]");
                    flatten(s);
                    break;
                }
                case "Reshape": {
                    long[] shape = int64Values(constants.get(n.getInputCount() > 1 ? n.getInput(1) : ""), where, file);
                    int size = s.size();
                    boolean toFeatures = shape.length == 2 && (shape[0] == -1 || shape[0] == 0 || shape[0] == 1)
                            && (shape[1] == size || shape[1] == -1) && !(shape[0] == -1 && shape[1] == -1);
                    if (!toFeatures) throw cannot(where, "shape " + Arrays.toString(shape) + " of a " + s.describe() + " input", "a Reshape to [batch, " + size + "]");
                    flatten(s);
                    break;
                }
                case "Pad": {     // PyTorch 1.13 puts a Pad of zeros before every avg_pool2d
                    long[] pads = OnnxModels.attrInts(n, "pads"); // opset < 11
                    if (pads == null) pads = int64Values(constants.get(n.getInputCount() > 1 ? n.getInput(1) : ""), where, file);
                    if (any(pads, 0)) throw cannot(where, "pads " + Arrays.toString(pads), "padding inside convolutions only (a Pad of zeros is passed over)");
                    break;
                }
                case "Add":       // the bias of the MatMul before it, in its LayerWeights
                case "Dropout":   // inference
                case "Identity":
                    break;
                default:
                    activation(n, where, i == nodes.size() - 1, s, chain);
            }
        }
        return chain;
    }

    /** Sets the activation of node {@code n} on the layer it belongs to. */
    private static void activation(Onnx.NodeProto n, String where, boolean lastNode, Shape s, LayerChain chain) {
        String op = n.getOpType();
        IActivation act = dl4jActivation(n, where);
        LayerChain.Step last = chain.last(), target = last;
        if (last != null && last.pooling()) {
            // an activation after a max pool is the same function before it when it is monotone (max commutes with it)
            if (!last.maxPooling() || !MONOTONE.contains(op)) {
                throw cannot(where, "its place after pooling node '" + last.source + "'", "activations on the layer before a max pool (monotone ones move there)");
            }
            target = chain.steps().size() > 1 ? chain.steps().get(chain.steps().size() - 2) : null;
        }
        if (target == null || target.pooling()) {
            throw cannot(where, "its place after no layer with weights", "activations on dense and convolution layers");
        }
        if (op.equals("Softmax") || op.equals("LogSoftmax")) {
            long axis = OnnxModels.attrI(n, "axis", 1);
            if (!lastNode || !target.dense() || s.spatial) {
                throw cannot(where, "its place", "a softmax over the classes at the end of the network, after the last dense layer");
            }
            if (axis != 1 && axis != -1) throw cannot(where, "axis=" + axis, "a softmax over axis 1 of [batch, classes]");
        }
        target.activation = act;
    }

    /** ONNX activations that are non-decreasing, so that {@code f(max(x)) = max(f(x))}. */
    private static final java.util.Set<String> MONOTONE = new java.util.HashSet<>(Arrays.asList(
            "Relu", "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Selu", "Softplus", "Softsign", "HardSigmoid"));

    private static IActivation dl4jActivation(Onnx.NodeProto n, String where) {
        switch (n.getOpType()) {
            case "Relu": return Activation.RELU.getActivationFunction();
            case "Sigmoid": return Activation.SIGMOID.getActivationFunction();
            case "Tanh": return Activation.TANH.getActivationFunction();
            case "Softplus": return Activation.SOFTPLUS.getActivationFunction();
            case "Softsign": return Activation.SOFTSIGN.getActivationFunction();
            case "Mish": return Activation.MISH.getActivationFunction();
            case "Softmax":
            case "LogSoftmax": return Activation.SOFTMAX.getActivationFunction();
            case "LeakyRelu": {
                double alpha = OnnxModels.attrF(n, "alpha", 0.01);
                if (alpha < 0) throw cannot(where, "alpha=" + alpha, "a leaky ReLU with alpha >= 0");
                return new ActivationLReLU(alpha);
            }
            case "Elu": {
                double alpha = OnnxModels.attrF(n, "alpha", 1);
                if (alpha < 0) throw cannot(where, "alpha=" + alpha, "an ELU with alpha >= 0");
                return new ActivationELU(alpha);
            }
            case "Selu":
                if (Math.abs(OnnxModels.attrF(n, "alpha", 1.6732632) - 1.6732632) > 1e-6 || Math.abs(OnnxModels.attrF(n, "gamma", 1.0507010) - 1.0507010) > 1e-6) {
                    throw cannot(where, "alpha/gamma other than SELU's constants", "SELU with alpha 1.6733 and gamma 1.0507");
                }
                return Activation.SELU.getActivationFunction();
            case "HardSigmoid":
                if ((float) OnnxModels.attrF(n, "alpha", 0.2) != 0.2f || (float) OnnxModels.attrF(n, "beta", 0.5) != 0.5f) {
                    throw cannot(where, "alpha/beta other than 0.2/0.5", "the hard sigmoid max(0, min(1, 0.2 x + 0.5))");
                }
                return Activation.HARDSIGMOID.getActivationFunction();
            case "Gelu":
                throw cannot(where, "the operator", "GELU only as an approximation (sigmoid or tanh), which would not compute the file's function");
            default: // OnnxModels refused every other operator already
                throw new IllegalStateException(where + ": unexpected operator");
        }
    }

    /** The convolution's symmetric padding {@code [padH, padW]} from {@code pads} or {@code auto_pad}. */
    private static long[] convPadding(Onnx.NodeProto n, String where, Shape s, LayerWeights lw, long[] stride, long[] dil) {
        String autoPad = OnnxModels.attrS(n, "auto_pad", "NOTSET");
        long[] pads = OnnxModels.attrInts(n, "pads");
        if (autoPad.equals("NOTSET") || autoPad.equals("VALID")) {
            if (pads == null || autoPad.equals("VALID")) return new long[]{0, 0};
            if (pads.length != 4) throw cannot(where, "pads " + Arrays.toString(pads), "2-D padding [top, left, bottom, right]");
            for (long p : pads) if (p < 0 || p > MAX_SIZE) throw cannot(where, "pads " + Arrays.toString(pads), "padding between 0 and " + MAX_SIZE);
            if (pads[0] != pads[2] || pads[1] != pads[3]) throw cannot(where, "pads " + Arrays.toString(pads), "the same padding on both sides of each axis");
            return new long[]{pads[0], pads[1]};
        }
        long[] out = new long[2];
        int[] in = {s.h, s.w}, k = {lw.kernelH(), lw.kernelW()};
        for (int a = 0; a < 2; a++) {
            long outSize = (in[a] + stride[a] - 1) / stride[a];
            long total = Math.max((outSize - 1) * stride[a] + (k[a] - 1) * dil[a] + 1 - in[a], 0);
            if (total % 2 != 0) throw cannot(where, "auto_pad=" + autoPad + " (uneven padding " + total + " on axis " + (a + 2) + ")", "the same padding on both sides");
            out[a] = total / 2;
        }
        return out;
    }

    private static int outSize(int in, int k, int stride, int pad, int dil, String where) {
        long out = Math.floorDiv((long) in + 2L * pad - (long) dil * (k - 1) - 1, stride) + 1;
        if (out < 1 || stride < 1) {
            throw new IllegalArgumentException(where + ": a " + k + "-wide window with stride " + stride + " does not fit its " + in + "-wide input");
        }
        return (int) out;
    }

    private static void flatten(Shape s) {
        if (!s.spatial) return;
        s.n = s.size();
        s.spatial = false;
    }

    private static long[] ints(Onnx.NodeProto n, String name, long dflt) {
        long[] v = OnnxModels.attrInts(n, name);
        if (v == null) return new long[]{dflt, dflt};
        if (v.length != 2) {
            throw new IllegalArgumentException("node '" + n.getName() + "' (" + n.getOpType() + "): " + name + " " + Arrays.toString(v) + " must give 2 values (2-D)");
        }
        for (long x : v) if (x < 1 || x > MAX_SIZE) throw new IllegalArgumentException("node '" + n.getName() + "' (" + n.getOpType() + "): " + name + " " + x + " is outside 1.." + MAX_SIZE);
        return v;
    }

    private static int[] ints(long[] v) {
        return new int[]{(int) v[0], (int) v[1]};
    }

    private static boolean any(long[] values, long allowed) {
        if (values == null) return false;
        for (long v : values) if (v != allowed) return true;
        return false;
    }

    private static IllegalArgumentException cannot(String where, String what, String dl4j) {
        return new IllegalArgumentException(where + ": " + what + " cannot run in DL4J, which supports " + dl4j);
    }

    /** The graph input's shape, batch left out; a symbolic or missing size of a dense input is the first layer's nIn. */
    private static Shape inputShape(Onnx.GraphProto g, Map<String, Onnx.TensorProto> inits, ModelWeights weights, Path file) throws ModelFileException {
        Onnx.ValueInfoProto input = null;
        for (Onnx.ValueInfoProto in : g.getInputList()) if (!inits.containsKey(in.getName())) input = in;
        Onnx.TypeProto.Tensor t = input.getType().getTensorType();
        List<Onnx.TensorShapeProto.Dimension> dims = t.getShape().getDimList();
        LayerWeights first = weights.layers().get(0);
        Shape s = new Shape();
        if (dims.size() == 4) {
            s.spatial = true;
            s.c = dim(dims.get(1), input, "channels", file);
            s.h = dim(dims.get(2), input, "height", file);
            s.w = dim(dims.get(3), input, "width", file);
        } else if (dims.size() == 3 && first.kind() == LayerWeights.Kind.DENSE) {
            s.spatial = true; // [batch, height, width]: one channel, flattened before the first dense layer
            s.c = 1;
            s.h = dim(dims.get(1), input, "height", file);
            s.w = dim(dims.get(2), input, "width", file);
        } else if (dims.size() == 2 && first.kind() == LayerWeights.Kind.DENSE) {
            s.n = dims.get(1).hasDimValue() ? dim(dims.get(1), input, "features", file) : first.nIn();
        } else {
            throw new ModelFileException(file, "input '" + input.getName() + "' has rank " + dims.size() + "; read are [batch, features] for a "
                    + "dense first layer and [batch, channels, height, width] for a convolution");
        }
        if (s.spatial && (long) s.c * s.h * s.w > MAX_INPUT_VALUES) {
            throw new ModelFileException(file, "input '" + input.getName() + "' of " + s.describe() + " values per image is larger than the limit " + MAX_INPUT_VALUES);
        }
        return s;
    }

    private static int dim(Onnx.TensorShapeProto.Dimension d, Onnx.ValueInfoProto input, String what, Path file) throws ModelFileException {
        if (!d.hasDimValue() || d.getDimValue() < 1 || d.getDimValue() > 1 << 20) {
            throw new ModelFileException(file, "input '" + input.getName() + "' has no fixed " + what + " ("
                    + (d.hasDimParam() ? "'" + d.getDimParam() + "'" : d.hasDimValue() ? String.valueOf(d.getDimValue()) : "unknown")
                    + "); export it with a fixed " + what + ", only the batch may vary");
        }
        return (int) d.getDimValue();
    }

    /** The values of an INT64 vector (a Reshape's shape, a Pad's pads). */
    private static long[] int64Values(Onnx.TensorProto t, String where, Path file) {
        if (t == null) throw new IllegalArgumentException(where + ": its second input is not a constant of the graph; only constant shapes and pads are read "
                + "(PyTorch: torch.flatten(x, 1) or x.view(-1, n) rather than x.view(x.size(0), -1))");
        if (t.getDataType() != Onnx.TensorProto.DataType.INT64_VALUE || t.getDimsCount() != 1 || t.getDims(0) > 16) {
            throw new IllegalArgumentException(where + ": its second input '" + t.getName() + "' is not a short INT64 vector");
        }
        int count = (int) t.getDims(0);
        long[] out = new long[count];
        ByteString raw = t.getRawData();
        if (!raw.isEmpty()) {
            if (raw.size() != 8 * count) throw new IllegalArgumentException(where + ": shape '" + t.getName() + "' holds " + raw.size() + " bytes, not " + 8 * count);
            ByteBuffer bb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) out[i] = bb.getLong();
        } else {
            if (t.getInt64DataCount() != count) throw new IllegalArgumentException(where + ": shape '" + t.getName() + "' holds " + t.getInt64DataCount() + " values, not " + count);
            for (int i = 0; i < count; i++) out[i] = t.getInt64Data(i);
        }
        return out;
    }
}
