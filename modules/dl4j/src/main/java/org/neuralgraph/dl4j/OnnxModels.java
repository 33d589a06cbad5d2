package org.neuralgraph.dl4j;

import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;
import org.nd4j.shade.protobuf.CodedInputStream;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the weights of a feed-forward network from an ONNX file (as {@code torch.onnx.export} writes it) into
 * {@link ModelWeights}, without DL4J or SameDiff: the file is parsed by the ONNX protobuf classes that nd4j-api
 * ships ({@code onnx.Onnx}, on nd4j's shaded protobuf runtime) and the graph's initializers are copied out.
 *
 * <p>The graph must be one chain from the input to the output, made of these operators (default ONNX domain):
 * <ul>
 *   <li>{@code Gemm} (a dense layer; {@code transB=1}, PyTorch's {@code nn.Linear}, stores W as {@code [out, in]}
 *       and is transposed here; {@code alpha} and {@code beta} scale W and the bias),</li>
 *   <li>{@code MatMul} with a weight initializer {@code [in, out]}, optionally followed by {@code Add} of a bias
 *       initializer (a dense layer),</li>
 *   <li>{@code Conv} (2-D, {@code group=1}; W {@code [out, in, kH, kW]}),</li>
 *   <li>element-wise activations ({@link #ACTIVATIONS}, and {@code Softmax}/{@code LogSoftmax}), recorded as the
 *       activation of the layer before them,</li>
 *   <li>{@code MaxPool}, {@code AveragePool}, {@code Flatten}, {@code Reshape}, {@code Dropout}, {@code Identity},
 *       {@code Pad} (PyTorch 1.13 writes a zero {@code Pad} before every {@code avg_pool2d}) and {@code Constant},
 *       which carry no weights and are passed over.</li>
 * </ul>
 * Any other operator is refused naming its type and node name. Every refusal is a {@link ModelFileException} that
 * names the file first (the checks inside throw IllegalArgumentExceptions, which {@link #read} turns into one), so that a
 * user who opened several models learns which one is at fault.
 *
 * <p>A model file is data from elsewhere: a file larger than {@value #MAX_FILE_BYTES} bytes, or than the Java heap can
 * take ({@value #HEAP_BYTES_PER_FILE_BYTE} bytes per byte of file), is refused before it is read, the file is read only
 * by the protobuf parser (no Java deserialization, no code), tensors stored in external
 * files are refused, and a truncated or non-ONNX file gives a {@link ModelFileException} naming the file.
 * Initializers must be float32 ({@code raw_data} little-endian or {@code float_data}) or float64.
 */
public final class OnnxModels {

    /** Largest ONNX file that is read (protobuf cannot parse more than 2 GB in one message). */
    public static final long MAX_FILE_BYTES = 2_000_000_000L;

    /**
     * Bytes of Java heap one byte of ONNX file costs while it is read: the parsed tensors, their weights as doubles (twice
     * the float32 bytes) and a Gemm's transposed copy (twice again); reading a 59 MB Gemm model allocated 6.0 bytes per
     * byte of file. A file the heap cannot take so is refused before it is read.
     */
    public static final int HEAP_BYTES_PER_FILE_BYTE = 6;

    /** Element-wise activation operators and the names recorded for them (DL4J's spelling where DL4J has one). */
    public static final Map<String, String> ACTIVATIONS = activations();

    private static final Set<String> PASSED_OVER = new HashSet<>(Arrays.asList(
            "MaxPool", "AveragePool", "Flatten", "Reshape", "Dropout", "Identity", "Pad"));

    private OnnxModels() { }

    private static Map<String, String> activations() {
        Map<String, String> m = new HashMap<>();
        m.put("Relu", "relu");
        m.put("Sigmoid", "sigmoid");
        m.put("Tanh", "tanh");
        m.put("LeakyRelu", "leakyrelu");
        m.put("Elu", "elu");
        m.put("Selu", "selu");
        m.put("Softplus", "softplus");
        m.put("Softsign", "softsign");
        m.put("HardSigmoid", "hardsigmoid");
        m.put("Gelu", "gelu");
        m.put("Mish", "mish");
        m.put("Softmax", "softmax");
        m.put("LogSoftmax", "logsoftmax");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** True when {@code file}'s name ends in {@code .onnx} (any case). */
    public static boolean isOnnxName(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /**
     * The weights of the ONNX model in {@code file}, named after the file.
     *
     * @throws ModelFileException naming the file when it is missing, too large, truncated, not ONNX, keeps tensors in
     *                            external files, or (naming the node too) has an operator or a shape that is not read
     */
    public static ModelWeights read(Path file) throws IOException {
        return read(file, MAX_FILE_BYTES);
    }

    /** As {@link #read(Path)} with another size limit. */
    public static ModelWeights read(Path file, long maxBytes) throws IOException {
        Onnx.ModelProto model = parse(file, maxBytes);
        try {
            return weights(model, file);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /**
     * Parses {@code file} as an ONNX ModelProto after the size checks, and checks that it is one. The file is parsed as it
     * is read, not read whole first: a file that is no ONNX ends at its first bad tag, and a length field that claims
     * more than the file holds costs no more than the bytes that follow it.
     */
    static Onnx.ModelProto parse(Path file, long maxBytes) throws IOException {
        if (!Files.exists(file)) throw new ModelFileException(file, "no such model file");
        if (!Files.isRegularFile(file)) throw new ModelFileException(file, "not a file");
        long size = Files.size(file);
        if (size > maxBytes || size > Integer.MAX_VALUE - 16) {
            throw new ModelFileException(file, "ONNX file of " + size + " bytes is larger than the limit " + Math.min(maxBytes, Integer.MAX_VALUE - 16L) + "; refused");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (size > heap / HEAP_BYTES_PER_FILE_BYTE) {
            throw new ModelFileException(file, "ONNX file of " + (size >> 20) + " MB needs about " + (HEAP_BYTES_PER_FILE_BYTE * size >> 20)
                    + " MB of Java heap to be read (" + HEAP_BYTES_PER_FILE_BYTE + " bytes per byte of file), more than this JVM's "
                    + (heap >> 20) + " MB (-Xmx); refused");
        }
        Onnx.ModelProto model;
        try (InputStream stream = Files.newInputStream(file)) {
            CodedInputStream in = CodedInputStream.newInstance(stream, 1 << 16);
            in.setSizeLimit(Integer.MAX_VALUE);
            model = Onnx.ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFileException(file, "not a readable ONNX model (truncated or another format): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (model.getIrVersion() <= 0 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new ModelFileException(file, "not an ONNX model: " + (model.getIrVersion() <= 0 ? "no ir_version" : "no graph nodes")
                    + " (truncated or another format?)");
        }
        return model;
    }

    /** One parameterised layer while the chain is walked. */
    private static final class Layer {
        final String node;
        final LayerWeights.Kind kind;
        final int nIn, nOut, kH, kW;
        final double[] w;
        double[] bias;
        String activation;
        boolean fromMatMul;

        Layer(String node, LayerWeights.Kind kind, int nIn, int nOut, int kH, int kW, double[] w, double[] bias) {
            this.node = node;
            this.kind = kind;
            this.nIn = nIn;
            this.nOut = nOut;
            this.kH = kH;
            this.kW = kW;
            this.w = w;
            this.bias = bias;
        }
    }

    /** The weights of a parsed model ({@link #parse}); checks that its graph is a chain of the operators read. */
    static ModelWeights weights(Onnx.ModelProto model, Path file) throws ModelFileException {
        Onnx.GraphProto g = model.getGraph();
        Map<String, Onnx.TensorProto> inits = new HashMap<>();
        for (Onnx.TensorProto t : g.getInitializerList()) {
            if (t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
                throw new ModelFileException(file, "initializer '" + t.getName() + "' keeps its data in an external file; refused "
                        + "(save the model as one file: onnx.save(model, path, save_as_external_data=False))");
            }
            inits.put(t.getName(), t);
        }
        String current = null;
        for (Onnx.ValueInfoProto in : g.getInputList()) {
            if (inits.containsKey(in.getName())) continue; // IR < 4 lists initializers among the inputs
            if (current != null) throw new IllegalArgumentException("the graph has more than one input ("
                    + current + ", " + in.getName() + "); only single-input feed-forward graphs are read");
            current = in.getName();
        }
        if (current == null) throw new ModelFileException(file, "the ONNX graph has no input");
        List<Layer> layers = new ArrayList<>();
        for (Onnx.NodeProto n : g.getNodeList()) {
            String op = n.getOpType();
            String where = "node '" + n.getName() + "' (" + op + ")";
            if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                throw unsupported(n, file, "operator domain '" + n.getDomain() + "'");
            }
            if (op.equals("Constant")) continue;
            boolean known = op.equals("Gemm") || op.equals("MatMul") || op.equals("Conv") || op.equals("Add")
                    || ACTIVATIONS.containsKey(op) || PASSED_OVER.contains(op);
            if (!known) throw unsupported(n, file, null);
            if (n.getInputCount() == 0 || !n.getInput(0).equals(current)) {
                throw new IllegalArgumentException(where + " does not take the output of the node before it ("
                        + current + "); only chains of layers are read, not branching graphs");
            }
            Layer last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
            switch (op) {
                case "Gemm": {
                    if (attrI(n, "transA", 0) != 0) throw new IllegalArgumentException(where + ": transA=1 is not read");
                    boolean transB = attrI(n, "transB", 0) != 0;
                    double alpha = attrF(n, "alpha", 1), beta = attrF(n, "beta", 1);
                    Onnx.TensorProto b = initializer(n, 1, inits, file);
                    long[] d = dims(b);
                    if (d.length != 2) throw new IllegalArgumentException(where + ": weight '" + b.getName() + "' has rank " + d.length + ", expected 2");
                    int nIn = (int) (transB ? d[1] : d[0]), nOut = (int) (transB ? d[0] : d[1]);
                    double[] raw = values(b, file);
                    double[] w = new double[raw.length];
                    for (int i = 0; i < nIn; i++) {
                        for (int j = 0; j < nOut; j++) w[i * nOut + j] = alpha * (transB ? raw[j * nIn + i] : raw[i * nOut + j]);
                    }
                    double[] bias = null;
                    if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                        bias = biasValues(n, initializer(n, 2, inits, file), nOut, file);
                        if (beta != 1) for (int j = 0; j < nOut; j++) bias[j] *= beta;
                    }
                    layers.add(new Layer(n.getName(), LayerWeights.Kind.DENSE, nIn, nOut, 1, 1, w, bias));
                    break;
                }
                case "MatMul": {
                    Onnx.TensorProto b = initializer(n, 1, inits, file);
                    long[] d = dims(b);
                    if (d.length != 2) throw new IllegalArgumentException(where + ": weight '" + b.getName() + "' has rank " + d.length + ", expected 2");
                    Layer l = new Layer(n.getName(), LayerWeights.Kind.DENSE, (int) d[0], (int) d[1], 1, 1, values(b, file), null);
                    l.fromMatMul = true;
                    layers.add(l);
                    break;
                }
                case "Add": {
                    if (last == null || !last.fromMatMul || last.bias != null || last.activation != null || n.getInputCount() != 2) {
                        throw unsupported(n, file, "Add other than a bias right after MatMul");
                    }
                    last.bias = biasValues(n, initializer(n, 1, inits, file), last.nOut, file);
                    break;
                }
                case "Conv": {
                    if (attrI(n, "group", 1) != 1) throw unsupported(n, file, "grouped convolution (group=" + attrI(n, "group", 1) + ")");
                    Onnx.TensorProto wt = initializer(n, 1, inits, file);
                    long[] d = dims(wt);
                    if (d.length != 4) throw unsupported(n, file, "convolution with a rank-" + d.length + " kernel (only 2-D)");
                    double[] bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty()
                            ? biasValues(n, initializer(n, 2, inits, file), (int) d[0], file) : null;
                    layers.add(new Layer(n.getName(), LayerWeights.Kind.CONVOLUTION, (int) d[1], (int) d[0], (int) d[2], (int) d[3],
                            values(wt, file), bias));
                    break;
                }
                default:
                    if (ACTIVATIONS.containsKey(op)) {
                        if (last == null) throw new IllegalArgumentException(where + " comes before any layer with weights; not read");
                        if (last.activation != null) {
                            throw new IllegalArgumentException(where + " follows activation " + last.activation + " of node '" + last.node
                                    + "'; one activation per layer is read");
                        }
                        last.activation = ACTIVATIONS.get(op);
                    }
                    // pooling, flatten, reshape, dropout, identity: no weights
            }
            if (n.getOutputCount() == 0) throw new IllegalArgumentException(where + " has no output");
            current = n.getOutput(0);
        }
        if (layers.isEmpty()) throw new ModelFileException(file, "the ONNX graph has no layer with weights (Gemm, MatMul or Conv)");
        return new ModelWeights(String.valueOf(file.getFileName()), layers.get(0).nIn, build(layers));
    }

    private static List<LayerWeights> build(List<Layer> layers) {
        List<LayerWeights> out = new ArrayList<>();
        int dense = 0, conv = 0, denseTotal = 0;
        for (Layer l : layers) if (l.kind == LayerWeights.Kind.DENSE) denseTotal++;
        Layer prev = null;
        for (Layer l : layers) {
            if (prev != null) {
                boolean fits = l.kind == LayerWeights.Kind.CONVOLUTION
                        ? prev.kind == LayerWeights.Kind.CONVOLUTION && l.nIn == prev.nOut
                        : prev.kind == LayerWeights.Kind.DENSE ? l.nIn == prev.nOut : l.nIn % prev.nOut == 0;
                if (!fits) {
                    throw new IllegalArgumentException("node '" + l.node + "' takes " + l.nIn
                            + " inputs but node '" + prev.node + "' gives " + prev.nOut + (prev.kind == LayerWeights.Kind.CONVOLUTION ? " channels" : " units"));
                }
            }
            if (l.kind == LayerWeights.Kind.CONVOLUTION) {
                out.add(LayerWeights.convolution("conv_" + (++conv), l.nIn, l.nOut, l.kH, l.kW, l.w, l.bias, l.activation));
            } else {
                dense++;
                out.add(LayerWeights.dense(dense == denseTotal ? "output" : "dense_" + dense, l.nIn, l.nOut, l.w, l.bias, l.activation));
            }
            prev = l;
        }
        return out;
    }

    private static IllegalArgumentException unsupported(Onnx.NodeProto n, Path file, String what) {
        return new IllegalArgumentException("ONNX operator " + n.getOpType() + " (node '" + n.getName() + "') is not supported" + (what == null ? "" : ": " + what)
                + "; read are Gemm, MatMul+Add, Conv, element-wise activations, MaxPool, AveragePool, Flatten, Reshape, Pad, Dropout, Softmax");
    }

    private static Onnx.TensorProto initializer(Onnx.NodeProto n, int input, Map<String, Onnx.TensorProto> inits, Path file) {
        String name = input < n.getInputCount() ? n.getInput(input) : "";
        Onnx.TensorProto t = inits.get(name);
        if (t == null) {
            throw new IllegalArgumentException("node '" + n.getName() + "' (" + n.getOpType() + "): input "
                    + input + (name.isEmpty() ? " is missing" : " '" + name + "' is not an initializer") + "; weights must be stored in the graph");
        }
        return t;
    }

    private static long[] dims(Onnx.TensorProto t) {
        long[] d = new long[t.getDimsCount()];
        long total = 1;
        for (int i = 0; i < d.length; i++) {
            d[i] = t.getDims(i);
            if (d[i] <= 0 || d[i] > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor '" + t.getName() + "' has dimension " + d[i]);
            total *= d[i];
            if (total > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("tensor '" + t.getName() + "' is too large: " + Arrays.toString(t.getDimsList().toArray()));
        }
        return d;
    }

    private static double[] biasValues(Onnx.NodeProto n, Onnx.TensorProto t, int nOut, Path file) throws ModelFileException {
        double[] b = values(t, file);
        if (b.length != nOut) {
            throw new IllegalArgumentException("node '" + n.getName() + "' (" + n.getOpType() + "): bias '" + t.getName() + "' has "
                    + b.length + " values, expected " + nOut);
        }
        return b;
    }

    /** The tensor's values in ONNX's row-major order, as doubles. */
    static double[] values(Onnx.TensorProto t, Path file) throws ModelFileException {
        long[] d = dims(t);
        int count = 1;
        for (long x : d) count *= (int) x;
        ByteString raw = t.getRawData();
        int type = t.getDataType();
        // the sizes are checked before anything is allocated: a forged shape must not allocate more than the file holds
        if (type == Onnx.TensorProto.DataType.FLOAT_VALUE) {
            if (!raw.isEmpty()) {
                if (raw.size() != 4L * count) throw badSize(t, file, raw.size() / 4, count);
                double[] out = new double[count];
                ByteBuffer bb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) out[i] = bb.getFloat();
                return out;
            }
            if (t.getFloatDataCount() != count) throw badSize(t, file, t.getFloatDataCount(), count);
            double[] out = new double[count];
            for (int i = 0; i < count; i++) out[i] = t.getFloatData(i);
            return out;
        } else if (type == Onnx.TensorProto.DataType.DOUBLE_VALUE) {
            if (!raw.isEmpty()) {
                if (raw.size() != 8L * count) throw badSize(t, file, raw.size() / 8, count);
                double[] out = new double[count];
                ByteBuffer bb = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) out[i] = bb.getDouble();
                return out;
            }
            if (t.getDoubleDataCount() != count) throw badSize(t, file, t.getDoubleDataCount(), count);
            double[] out = new double[count];
            for (int i = 0; i < count; i++) out[i] = t.getDoubleData(i);
            return out;
        } else {
            Onnx.TensorProto.DataType dt = Onnx.TensorProto.DataType.forNumber(type);
            throw new ModelFileException(file, "initializer '" + t.getName() + "' has data type " + (dt == null ? type : dt)
                    + "; only FLOAT and DOUBLE weights are read");
        }
    }

    private static ModelFileException badSize(Onnx.TensorProto t, Path file, long have, long want) {
        return new ModelFileException(file, "initializer '" + t.getName() + "' holds " + have + " values but its shape "
                + t.getDimsList() + " needs " + want + " (truncated or damaged file?)");
    }

    /** Integer attribute {@code name} of {@code n}, or {@code dflt}. */
    static long attrI(Onnx.NodeProto n, String name, long dflt) {
        for (Onnx.AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getI();
        return dflt;
    }

    /** Float attribute {@code name} of {@code n}, or {@code dflt}. */
    static double attrF(Onnx.NodeProto n, String name, double dflt) {
        for (Onnx.AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getF();
        return dflt;
    }

    /** Integer-list attribute {@code name} of {@code n}, or null when it is absent. */
    static long[] attrInts(Onnx.NodeProto n, String name) {
        for (Onnx.AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
        }
        return null;
    }

    /** String attribute {@code name} of {@code n}, or {@code dflt}. */
    static String attrS(Onnx.NodeProto n, String name, String dflt) {
        for (Onnx.AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getS().toStringUtf8();
        return dflt;
    }
}
