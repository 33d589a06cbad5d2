package org.neuralgraph.dl4j;

import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;
import org.neuralgraph.core.dag.DagLayer;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.dag.Source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an ONNX graph, as {@code torch.onnx.export} writes it, into a {@link NetworkDag}: residual networks, DenseNet-like
 * concatenations, grouped and depthwise convolutions, transformers. The graph is walked tensor by tensor in its (ONNX
 * topological) node order with a small shape inference: every tensor is either a constant (initializers, {@code Constant},
 * and what {@code Shape}, {@code Gather}, {@code Concat}, {@code Unsqueeze}, arithmetic make of them, so that the shapes
 * PyTorch computes at run time for {@code Reshape} are known) or data, whose axes are tracked as factors: the batch, the
 * units of a layer (with their order in the layer), and positions (pixels, tokens). A layer with weights reads its units
 * along one axis (Conv axis 1, Gemm and MatMul the last), so a {@code Reshape} that splits units into heads, a
 * {@code Transpose} that moves them, or a {@code Flatten} of channel maps is followed exactly, and anything else
 * (channels interleaved with positions) is refused. The batch is taken as {@value #BATCH}, a prime that no real
 * dimension is likely to be.
 *
 * <p>What each operator becomes (ONNX operator specification, opsets 11-17):
 * <ul>
 *   <li>{@code Conv} (any {@code group}: grouped and depthwise), {@code Gemm}, {@code MatMul} with a weight
 *       initializer (and a following {@code Add} of a bias): layers with weights.</li>
 *   <li>{@code BatchNormalization} right after a Conv or Gemm whose output nothing else reads: folded into its weights
 *       (Ioffe and Szegedy 2015, Alg. 1: y = gamma (x - mean) / sqrt(var + eps) + beta, so w' = w gamma / sqrt(var + eps)
 *       per output channel and b' = (b - mean) gamma / sqrt(var + eps) + beta), recorded as
 *       {@code BatchNormalization folded} in the layer's {@link DagLayer#folded()}; elsewhere refused.</li>
 *   <li>{@code Add} of two data tensors from different layers: a residual addition ({@link DagLayer.Kind#ADD}, He et al.
 *       2016). {@code Concat} of data along the unit axis: the inputs' units side by side (Huang et al. 2017), no layer.
 *       {@code Slice}/{@code Split} along the unit axis: a range of units.</li>
 *   <li>Attention (Vaswani et al. 2017, Sec. 3.2.2): {@code MatMul} of two data tensors, Q's units on its last axis and
 *       K's on the second last (QK^T), is the attention score; {@code Softmax} and scaling pass over it; {@code MatMul}
 *       of the scores with V is an {@link DagLayer.Kind#ATTENTION} layer with as many heads as Q's units lie outside its
 *       last axis (PyTorch reshapes d_model into heads x d_head). A packed projection (nn.MultiheadAttention's
 *       {@code in_proj}, one MatMul of [d, 3d] sliced into Q, K and V) becomes three dense layers, roles q, k, v.</li>
 *   <li>LayerNormalization, fused (opset 17) or decomposed (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, then Mul by
 *       gamma and Add of beta): passed over, its gamma and beta kept as the normalised units' {@link DagLayer#normScale()}
 *       and {@link DagLayer#normShift()}, not folded into the next layer: in a transformer the normalised stream feeds both
 *       the next linear layer and the residual path (Vaswani et al. 2017, Sec. 3.1: LayerNorm(x + Sublayer(x))), so no
 *       single weight matrix could absorb gamma, and the weight edges stay the initializers' values.</li>
 *   <li>An embedding: {@code Gather} of rows of a weight initializer, or an {@code Add} of a table of positions by
 *       features (PyTorch folds {@code nn.Embedding(arange(T))} into such a constant): an {@link DagLayer.Kind#EMBEDDING}
 *       layer from an input with one unit per row, added into the stream.</li>
 *   <li>Element-wise activations ({@link #PASSED}: Relu, Clip (ReLU6), HardSigmoid, HardSwish, Erf, Gelu, ...), pooling,
 *       {@code Pad}, {@code Dropout}, {@code Identity}, {@code Cast}, scaling by a constant, products of a tensor with a
 *       function of itself (HardSigmoid(x) * x, GELU's x * (1 + erf(x / sqrt 2)) / 2): passed over, named in the layer's
 *       {@link DagLayer#folded()} and the network's {@link NetworkDag#passedOver()}.</li>
 * </ul>
 * Any other operator is refused naming it and its node, as are an operator used in a way not listed (a product of two
 * different layers' units, a reshape that mixes units with positions), each as a {@link ModelFileException} naming the
 * file first. The limits on the file ({@link OnnxModels#parse}) are {@link OnnxModels}'s.
 */
public final class OnnxDag {

    /** The batch size the shapes are computed with. */
    static final long BATCH = 1009;

    /** Operators passed over element by element. */
    static final Set<String> PASSED = new TreeSet<>(Arrays.asList(
            "Relu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Erf", "Gelu", "LeakyRelu", "Elu", "Selu", "Softplus",
            "Softsign", "Mish", "Dropout", "Identity", "Cast", "Sqrt", "Neg", "Abs", "Exp", "Softmax", "LogSoftmax"));

    private static final String READ = "read are Conv, Gemm, MatMul, Add, Sub, Mul, Div, Pow, BatchNormalization, LayerNormalization, Concat, Slice, Split, "
            + "Gather, Range (of constants), Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Shape, Constant, MaxPool, AveragePool, GlobalAveragePool, "
            + "GlobalMaxPool, ReduceMean, Pad and the element-wise " + String.join(", ", PASSED);

    private OnnxDag() { }

    /**
     * The network of the ONNX file {@code file}. A chain that {@link OnnxModels} reads is returned as its chain
     * ({@link NetworkDag#ofChain}), with today's layer names and weights exactly; any other graph is walked here.
     */
    public static NetworkDag read(Path file) throws IOException {
        Onnx.ModelProto model = OnnxModels.parse(file, OnnxModels.MAX_FILE_BYTES);
        Exception chain;
        try {
            return NetworkDag.ofChain(OnnxModels.weights(model, file));
        } catch (IllegalArgumentException | ModelFileException e) {
            chain = e;
        }
        try {
            return new OnnxDag.Walk(model, file).run();
        } catch (IllegalArgumentException e) {
            // a chain the chain reader refused for what it holds (sizes, NaN) is said in its words, as before
            String m = chain.getMessage();
            boolean notAChain = m.contains("only chains of layers") || m.contains("is not supported") || m.contains("more than one input");
            if (!notAChain) throw chain instanceof ModelFileException ? (ModelFileException) chain : new ModelFileException(file, m, chain);
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /** As {@link #read}, always walking the graph (chains too): the same reader as for DAGs. */
    static NetworkDag walk(Path file) throws IOException {
        Onnx.ModelProto model = OnnxModels.parse(file, OnnxModels.MAX_FILE_BYTES);
        try {
            return new OnnxDag.Walk(model, file).run();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final int BATCH_F = 0, UNIT = 1, POSITION = 2, RAW = 3;

    /**
     * A factor of an axis: the batch, units (index in the unit order = position in the factor times {@code stride}), positions,
     * or a factor of the graph's input not yet known to be units or positions ({@code RAW}: its stride is within input
     * dimension {@code origin}).
     */
    private static final class Factor {
        final int kind;
        final long size, stride;
        final int origin;

        Factor(int kind, long size, long stride, int origin) {
            this.kind = kind;
            this.size = size;
            this.stride = stride;
            this.origin = origin;
        }
    }

    private static final int PLAIN = 0, STATISTIC = 1, SCORES = 2;

    /** A data tensor: its axes' factors, the units it carries (concatenated sources), and what it is. */
    private static final class Data {
        List<List<Factor>> axes = new ArrayList<>();
        List<Source> units; // null while the graph input's units are undecided
        int state = PLAIN;
        int fresh = -1;          // the pending layer whose output this is, before anything but its bias
        boolean normalised;
        List<Source> q, k;       // SCORES
        int heads;

        Data copy() {
            Data d = new Data();
            for (List<Factor> a : axes) d.axes.add(new ArrayList<>(a));
            d.units = units;
            d.state = state;
            d.q = q;
            d.k = k;
            d.heads = heads;
            return d;
        }

        long[] shape() {
            long[] s = new long[axes.size()];
            for (int i = 0; i < s.length; i++) s[i] = size(axes.get(i));
            return s;
        }
    }

    private static long size(List<Factor> axis) {
        long s = 1;
        for (Factor f : axis) s *= f.size;
        return s;
    }

    /** A constant tensor (shapes, scalars, weights). */
    private static final class Const {
        final long[] dims;
        final double[] v;
        final String name;

        Const(long[] dims, double[] v, String name) {
            this.dims = dims;
            this.v = v;
            this.name = name;
        }
    }

    /** A layer while the graph is walked. */
    private static final class Pending {
        String name, op, block;
        DagLayer.Kind kind;
        int units, inputGroup = 1, groups = 1, kH = 1, kW = 1, heads;
        String role = "";
        List<Source> inputs = new ArrayList<>();
        double[] w, bias, normScale, normShift;
        List<String> folded = new ArrayList<>();
        boolean packedQkv;
    }

    /** One walk over one graph. */
    private static final class Walk {
        final Onnx.GraphProto g;
        final Path file;
        final Map<String, Object> values = new HashMap<>();
        final Map<String, Integer> uses = new HashMap<>();
        final List<Pending> layers = new ArrayList<>();
        final Set<String> passed = new TreeSet<>();
        String inputName;
        long[] inputDims;
        int inputLayer = -1;
        boolean[] inputChosen;
        long[] originStride;
        Onnx.NodeProto node;

        Walk(Onnx.ModelProto model, Path file) {
            this.g = model.getGraph();
            this.file = file;
        }

        IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("node '" + node.getName() + "' (" + node.getOpType() + "): " + what);
        }

        NetworkDag run() throws ModelFileException {
            for (Onnx.TensorProto t : g.getInitializerList()) {
                if (t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
                    throw new ModelFileException(file, "initializer '" + t.getName() + "' keeps its data in an external file; refused "
                            + "(save the model as one file: onnx.save(model, path, save_as_external_data=False))");
                }
                values.put(t.getName(), constant(t));
            }
            for (Onnx.ValueInfoProto in : g.getInputList()) {
                if (values.containsKey(in.getName())) continue;
                if (inputName != null) throw new IllegalArgumentException("the graph has more than one input (" + inputName + ", " + in.getName() + "); only single-input graphs are read");
                inputName = in.getName();
                List<Onnx.TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
                if (dims.isEmpty()) throw new IllegalArgumentException("input '" + inputName + "' has no shape");
                inputDims = new long[dims.size()];
                Data d = new Data();
                for (int i = 0; i < dims.size(); i++) {
                    long v = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : -1;
                    if (i == 0) v = v <= 0 ? BATCH : v;
                    else if (v <= 0) throw new IllegalArgumentException("input '" + inputName + "' has a dimension " + i + " of no fixed size; export with a fixed input size (only the batch may vary)");
                    inputDims[i] = v;
                    List<Factor> axis = new ArrayList<>();
                    if (v > 1) axis.add(new Factor(i == 0 ? BATCH_F : RAW, v, 1, i));
                    d.axes.add(axis);
                }
                values.put(inputName, d);
            }
            if (inputName == null) throw new ModelFileException(file, "the ONNX graph has no input");
            for (Onnx.NodeProto n : g.getNodeList()) for (String i : n.getInputList()) uses.merge(i, 1, Integer::sum);
            for (Onnx.NodeProto n : g.getNodeList()) {
                node = n;
                if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) throw fail("operator domain '" + n.getDomain() + "' is not supported");
                Object[] out = apply(n);
                for (int i = 0; i < out.length && i < n.getOutputCount(); i++) values.put(n.getOutput(i), out[i]);
            }
            return emit();
        }

        // ---- inputs of a node ----

        Object in(int i) {
            if (i >= node.getInputCount() || node.getInput(i).isEmpty()) return null;
            Object v = values.get(node.getInput(i));
            if (v == null) throw fail("input '" + node.getInput(i) + "' is not produced before it");
            return v;
        }

        Data data(int i) {
            Object v = in(i);
            if (!(v instanceof Data)) throw fail("input " + i + " must be computed from the network's input");
            return (Data) v;
        }

        Const konst(int i) {
            Object v = in(i);
            if (!(v instanceof Const)) throw fail("input " + i + (v == null ? " is missing" : " must be a constant (an initializer or a shape computed from constants)"));
            return (Const) v;
        }

        // ---- the walk ----

        Object[] apply(Onnx.NodeProto n) {
            String op = n.getOpType();
            boolean anyData = false;
            for (int i = 0; i < n.getInputCount(); i++) anyData |= in(i) instanceof Data;
            if (op.equals("Constant")) return one(constantNode(n));
            if (op.equals("Shape")) {
                Object x = in(0);
                long[] s = x instanceof Data ? ((Data) x).shape() : ((Const) x).dims;
                return one(new Const(new long[]{s.length}, toDouble(s), null));
            }
            if (!anyData) return constantOp(op);
            switch (op) {
                case "Conv": return one(conv());
                case "Gemm": return one(gemm());
                case "MatMul": return one(in(1) instanceof Data ? matmulData() : matmulWeights(data(0), konst(1), false, 1, 1, null));
                case "BatchNormalization": return one(batchNorm());
                case "LayerNormalization": return one(layerNorm());
                case "Add": case "Sub": case "Mul": case "Div": case "Pow": return one(binary(op));
                case "Concat": return one(concat());
                case "Slice": return one(slice());
                case "Split": return split();
                case "Gather": return one(gather());
                case "Flatten": {
                    Data d = data(0);
                    long[] s = d.shape();
                    int axis = axis(attrI("axis", 1), s.length + 0);
                    return one(reshape(d, new long[]{prod(s, 0, axis), prod(s, axis, s.length)}));
                }
                case "Reshape": return one(reshape(data(0), reshapeTarget(data(0).shape(), konst(1))));
                case "Transpose": return one(transpose());
                case "Squeeze": case "Unsqueeze": return one(squeeze(op.equals("Unsqueeze")));
                case "MaxPool": case "AveragePool": case "LpPool": return one(pool(false));
                case "GlobalAveragePool": case "GlobalMaxPool": return one(pool(true));
                case "Pad": return one(pad());
                case "ReduceMean": return one(reduceMean());
                default:
                    if (PASSED.contains(op)) return one(passOver(data(0), op));
                    throw new IllegalArgumentException("ONNX operator " + op + " (node '" + n.getName() + "') is not supported; " + READ);
            }
        }

        Object[] one(Object o) { return new Object[]{o}; }

        // ---- layers with weights ----

        Data conv() {
            Data x = data(0);
            Const w = konst(1);
            if (w.dims.length != 4) throw fail("only 2-D convolutions are read (kernel of rank " + w.dims.length + ")");
            int groups = (int) attrI("group", 1);
            int group = readAxis(x, 1);
            if (group != 1) throw fail("the channels of its input are interleaved with positions");
            List<Source> in = units(x);
            int c = count(in), o = (int) w.dims[0];
            if (c != w.dims[1] * groups) throw fail("kernel " + Arrays.toString(w.dims) + " with group " + groups + " does not take " + c + " channels");
            Pending p = layer(DagLayer.Kind.CONVOLUTION, o, in);
            p.groups = groups;
            p.kH = (int) w.dims[2];
            p.kW = (int) w.dims[3];
            p.w = w.v;
            Const b = node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? konst(2) : null;
            if (b != null) p.bias = vector(b, o, "bias");
            long[] s = x.shape();
            long[] out = spatial(s, new long[]{w.dims[2], w.dims[3]});
            Data y = new Data();
            y.axes.add(new ArrayList<>(x.axes.get(0)));
            y.axes.add(unitsAxis(o));
            for (int i = 2; i < s.length; i++) y.axes.add(positions(out[i - 2]));
            return produced(y, p);
        }

        Data gemm() {
            if (attrI("transA", 0) != 0) throw fail("transA=1 is not read");
            Data x = data(0);
            if (x.axes.size() != 2) throw fail("Gemm of a rank-" + x.axes.size() + " input");
            return matmulWeights(x, konst(1), attrI("transB", 0) != 0, attrF("alpha", 1), attrF("beta", 1),
                    node.getInputCount() > 2 && !node.getInput(2).isEmpty() ? konst(2) : null);
        }

        Data matmulWeights(Data x, Const w, boolean transB, double alpha, double beta, Const bias) {
            if (w.dims.length != 2) throw fail("weight '" + w.name + "' has rank " + w.dims.length + ", expected 2");
            int last = x.axes.size() - 1;
            int group = readAxis(x, last);
            List<Source> in = units(x);
            int nIn = (int) (transB ? w.dims[1] : w.dims[0]), nOut = (int) (transB ? w.dims[0] : w.dims[1]);
            if (nIn != size(x.axes.get(last))) throw fail("weight " + Arrays.toString(w.dims) + " does not take " + size(x.axes.get(last)) + " inputs");
            double[] m = new double[w.v.length];
            for (int i = 0; i < nIn; i++) {
                for (int j = 0; j < nOut; j++) m[i * nOut + j] = alpha * (transB ? w.v[j * nIn + i] : w.v[i * nOut + j]);
            }
            Pending p = layer(DagLayer.Kind.DENSE, nOut, in);
            p.inputGroup = group;
            p.w = m;
            if (bias != null) {
                double[] b = vector(bias, nOut, "bias");
                for (int j = 0; j < nOut; j++) b[j] *= beta;
                p.bias = b;
            }
            if (in.size() == 1 && layers.get(in.get(0).layer()).kind == DagLayer.Kind.ATTENTION) p.role = "out";
            Data y = new Data();
            for (int i = 0; i < last; i++) y.axes.add(new ArrayList<>(x.axes.get(i)));
            y.axes.add(unitsAxis(nOut));
            return produced(y, p);
        }

        Data batchNorm() {
            Data x = data(0);
            if (x.fresh < 0 || uses.getOrDefault(node.getInput(0), 0) != 1) {
                throw fail("BatchNormalization is read only right after a Conv or Gemm whose output nothing else reads (it is folded into its weights)");
            }
            Pending p = layers.get(x.fresh);
            int c = p.units;
            double[] gamma = vector(konst(1), c, "scale"), beta = vector(konst(2), c, "bias"), mean = vector(konst(3), c, "mean"), var = vector(konst(4), c, "variance");
            double eps = attrF("epsilon", 1e-5);
            double[] scale = new double[c];
            for (int o = 0; o < c; o++) scale[o] = gamma[o] / Math.sqrt(var[o] + eps);
            double[] w = p.w.clone();
            if (p.kind == DagLayer.Kind.CONVOLUTION) {
                int per = w.length / c;
                for (int o = 0; o < c; o++) for (int i = o * per; i < (o + 1) * per; i++) w[i] *= scale[o];
            } else {
                for (int i = 0; i < w.length; i++) w[i] *= scale[i % c];
            }
            double[] b = new double[c];
            for (int o = 0; o < c; o++) b[o] = ((p.bias == null ? 0 : p.bias[o]) - mean[o]) * scale[o] + beta[o];
            p.w = w;
            p.bias = b;
            p.folded.add("BatchNormalization folded (" + node.getName() + ")");
            passed.add("BatchNormalization");
            Data y = x.copy();
            y.fresh = x.fresh;
            return y;
        }

        Data layerNorm() {
            Data x = data(0);
            int axis = axis(attrI("axis", -1), x.axes.size());
            if (axis != x.axes.size() - 1) throw fail("LayerNormalization over axes from " + axis + " is not read (only the last axis)");
            readAxis(x, axis);
            int c = count(units(x));
            Data y = passOver(x, "LayerNormalization");
            y.normalised = true;
            Pending owner = owner(y);
            if (owner == null) throw fail("normalises units of several layers");
            owner.normScale = vector(konst(1), c, "scale");
            if (in(2) != null) owner.normShift = vector(konst(2), c, "bias");
            return y;
        }

        Data matmulData() {
            Data a = data(0), b = data(1);
            if (a.axes.size() != b.axes.size() || a.axes.size() < 2) throw fail("batched MatMul of ranks " + a.axes.size() + " and " + b.axes.size());
            int r = a.axes.size();
            if (a.state == SCORES) { // attention weights times V
                List<Source> v = units(b);
                if (v.size() != 1 || a.q.size() != 1 || a.k.size() != 1) throw fail("Q, K and V must each be the units of one layer");
                int d = count(v);
                Pending p = layer(DagLayer.Kind.ATTENTION, d, Arrays.asList(a.q.get(0), a.k.get(0), v.get(0)));
                p.heads = a.heads;
                p.op = "Attention";
                p.folded.add("MatMul (QK^T), Softmax, MatMul (V)");
                markProjections(p);
                Data y = b.copy();
                y.axes.set(r - 2, new ArrayList<>(a.axes.get(r - 2)));
                y.units = Arrays.asList(Source.all(layers.size() - 1, d));
                y.state = PLAIN;
                return y;
            }
            // Q K^T: Q's units on its last axis, K's on its second last
            if (!allUnits(a.axes.get(r - 1)) || !allUnits(b.axes.get(r - 2))) throw fail("a product of two data tensors other than attention's Q K^T and weights V");
            List<Source> q = units(a), k = units(b);
            long dh = size(a.axes.get(r - 1));
            int d = count(q);
            if (d % dh != 0 || count(k) != d) throw fail("Q of " + d + " units and K of " + count(k) + " units in heads of " + dh);
            Data y = a.copy();
            y.axes.set(r - 1, new ArrayList<>(b.axes.get(r - 1)));
            for (List<Factor> axis : y.axes) axis.replaceAll(f -> f.kind == UNIT ? new Factor(POSITION, f.size, 1, -1) : f); // heads are a batch of scores
            y.state = SCORES;
            y.q = q;
            y.k = k;
            y.heads = (int) (d / dh);
            return y;
        }

        /** Gives the layers that Q, K and V come from their roles and heads; a packed projection is split when emitted. */
        void markProjections(Pending attention) {
            String[] roles = {"q", "k", "v"};
            List<Source> in = attention.inputs;
            Pending first = layers.get(in.get(0).layer());
            boolean packed = in.get(1).layer() == in.get(0).layer() && in.get(2).layer() == in.get(0).layer();
            if (packed && first.kind == DagLayer.Kind.DENSE && first.units == 3 * attention.units
                    && in.get(0).offset() == 0 && in.get(1).offset() == attention.units && in.get(2).offset() == 2 * attention.units) {
                first.packedQkv = true;
                first.heads = attention.heads;
                return;
            }
            for (int i = 0; i < 3; i++) {
                Pending p = layers.get(in.get(i).layer());
                if (p.kind == DagLayer.Kind.DENSE && p.units == attention.units && in.get(i).offset() == 0) {
                    p.role = roles[i];
                    p.heads = attention.heads;
                }
            }
        }

        // ---- element-wise ----

        Data binary(String op) {
            Object a = in(0), b = in(1);
            boolean commutes = op.equals("Add") || op.equals("Mul");
            if (commutes && a instanceof Const) { Object t = a; a = b; b = t; }
            if (!(a instanceof Data)) throw fail(op + " of a constant by data is not read");
            Data x = (Data) a;
            if (b instanceof Const) return withConstant(x, (Const) b, op);
            Data y = (Data) b;
            if (x.state == STATISTIC && y.state == STATISTIC) return x.copy();
            if (y.state == STATISTIC) {
                Data out = passOver(x, op);
                if (op.equals("Div")) out.normalised = true;
                return out;
            }
            if (x.state == STATISTIC) throw fail(op + " of a statistic by data is not read");
            if (x.units != null && y.units != null && x.units.equals(y.units) || x.units == null && y.units == null) {
                return passOver(x, op); // x * f(x): HardSwish, GELU
            }
            if (!op.equals("Add")) throw fail("an element-wise " + op + " of the units of two different layers is not read");
            List<Source> u = units(x), v = units(y);
            if (count(u) != count(v) || !Arrays.equals(x.shape(), y.shape())) {
                throw fail("adds tensors of shapes " + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
            }
            Pending p = new Pending();
            p.name = name();
            p.op = "Add";
            p.kind = DagLayer.Kind.ADD;
            p.units = count(u);
            p.block = block(node.getName());
            p.inputs.add(single(u));
            p.inputs.add(single(v));
            layers.add(p);
            Data out = x.copy();
            out.units = Arrays.asList(Source.all(layers.size() - 1, p.units));
            return out;
        }

        Source single(List<Source> s) {
            if (s.size() != 1) throw fail("adds units of several concatenated layers; not read");
            return s.get(0);
        }

        Data withConstant(Data x, Const c, String op) {
            int n = c.v.length;
            if (n == 1) {
                Data y = x.copy();
                if (x.state == PLAIN) note(y, op + " by a constant");
                return y;
            }
            if (x.state != PLAIN) throw fail(op + " of a statistic by a tensor of " + n + " values is not read");
            List<Source> u = units(x);
            int units = count(u);
            int unitAxis = unitAxis(x);
            if (n == units && unitAxis >= 0 && broadcastsAlong(c, x, unitAxis)) {
                if (op.equals("Add") && x.fresh >= 0 && !x.normalised) {
                    Pending p = layers.get(x.fresh);
                    double[] b = p.bias == null ? new double[units] : p.bias;
                    for (int j = 0; j < units; j++) b[j] += c.v[j];
                    p.bias = b;
                    Data y = x.copy();
                    y.fresh = x.fresh;
                    return y;
                }
                if (x.normalised && (op.equals("Mul") || op.equals("Add"))) {
                    Pending owner = owner(x);
                    if (owner == null) throw fail("normalises units of several layers");
                    if (op.equals("Mul")) owner.normScale = c.v.clone();
                    else owner.normShift = c.v.clone();
                    Data y = x.copy();
                    y.normalised = true;
                    return y;
                }
                throw fail(op + " of a constant per unit, not a bias right after a layer nor a normalisation's scale or shift, is not read");
            }
            if (op.equals("Add") && unitAxis == x.axes.size() - 1 && n % units == 0 && c.dims.length >= 2 && c.dims[c.dims.length - 1] == units) {
                return positionalEmbedding(x, c);
            }
            throw fail(op + " of data " + Arrays.toString(x.shape()) + " and a constant " + Arrays.toString(c.dims) + " is not read");
        }

        /** A learnt table of positions x features added to the stream: an embedding of the positions. */
        Data positionalEmbedding(Data x, Const c) {
            int units = count(units(x));
            int rows = c.v.length / units;
            Pending vocabulary = new Pending();
            vocabulary.name = c.name == null ? name() + " positions" : c.name;
            vocabulary.op = "positions";
            vocabulary.kind = DagLayer.Kind.INPUT;
            vocabulary.units = rows;
            vocabulary.block = "";
            layers.add(vocabulary);
            Pending e = layer(DagLayer.Kind.EMBEDDING, units, Arrays.asList(Source.all(layers.size() - 1, rows)));
            e.w = c.v;
            e.op = "Add (table " + rows + "x" + units + ")";
            int embedding = layers.size() - 1;
            Pending add = new Pending();
            add.name = name();
            add.op = "Add";
            add.kind = DagLayer.Kind.ADD;
            add.units = units;
            add.block = block(node.getName());
            add.inputs.add(single(units(x)));
            add.inputs.add(Source.all(embedding, units));
            layers.add(add);
            Data y = x.copy();
            y.units = Arrays.asList(Source.all(layers.size() - 1, units));
            return y;
        }

        /** True when the constant's values lie along the unit axis of x (trailing alignment, ONNX broadcasting). */
        boolean broadcastsAlong(Const c, Data x, int unitAxis) {
            int r = x.axes.size();
            for (int i = 0; i < c.dims.length; i++) {
                int axis = r - c.dims.length + i;
                if (c.dims[i] != 1 && axis != unitAxis) return false;
            }
            return true;
        }

        Data passOver(Data x, String op) {
            Data y = x.copy();
            y.normalised = false;
            if (x.state == PLAIN) note(y, op);
            return y;
        }

        void note(Data y, String op) {
            passed.add(op.split(" ")[0]);
            Pending owner = y.units == null ? null : owner(y);
            if (owner != null && (owner.folded.isEmpty() || !owner.folded.get(owner.folded.size() - 1).equals(op))) owner.folded.add(op);
        }

        /** The layer whose units x carries whole, or null. */
        Pending owner(Data x) {
            if (x.units == null || x.units.size() != 1) return null;
            Source s = x.units.get(0);
            Pending p = layers.get(s.layer());
            return s.offset() == 0 && s.count() == p.units ? p : null;
        }

        // ---- reshaping ----

        Data reshape(Data x, long[] target) {
            Deque<Factor> q = new ArrayDeque<>();
            for (List<Factor> a : x.axes) q.addAll(a);
            Data y = x.copy();
            y.axes.clear();
            for (long n : target) {
                List<Factor> axis = new ArrayList<>();
                long need = n;
                while (need > 1) {
                    Factor f = q.poll();
                    if (f == null) throw fail("reshape of " + Arrays.toString(x.shape()) + " into " + Arrays.toString(target) + " is not read");
                    if (f.size <= need) {
                        if (need % f.size != 0) throw fail("reshape of " + Arrays.toString(x.shape()) + " into " + Arrays.toString(target) + " mixes dimensions; not read");
                        axis.add(f);
                        need /= f.size;
                    } else {
                        if (f.size % need != 0) throw fail("reshape of " + Arrays.toString(x.shape()) + " into " + Arrays.toString(target) + " mixes dimensions; not read");
                        long inner = f.size / need;
                        axis.add(new Factor(f.kind, need, f.stride * inner, f.origin));
                        q.push(new Factor(f.kind, inner, f.stride, f.origin));
                        need = 1;
                    }
                }
                y.axes.add(axis);
            }
            if (!q.isEmpty()) throw fail("reshape of " + Arrays.toString(x.shape()) + " into " + Arrays.toString(target) + " is not read");
            y.fresh = -1;
            if (x.state == PLAIN) passed.add(node.getOpType());
            return y;
        }

        long[] reshapeTarget(long[] from, Const shape) {
            long[] t = new long[shape.v.length];
            long total = prod(from, 0, from.length), known = 1;
            int infer = -1;
            for (int i = 0; i < t.length; i++) {
                t[i] = (long) shape.v[i];
                if (t[i] == 0 && attrI("allowzero", 0) == 0) t[i] = from[i];
                if (t[i] == -1) infer = i;
                else known *= t[i];
            }
            if (infer >= 0) t[infer] = known == 0 ? 0 : total / known;
            return t;
        }

        Data transpose() {
            Data x = data(0);
            long[] perm = attrInts("perm");
            int r = x.axes.size();
            Data y = x.copy();
            for (int i = 0; i < r; i++) y.axes.set(i, new ArrayList<>(x.axes.get(perm == null ? r - 1 - i : (int) perm[i])));
            if (x.state == PLAIN) passed.add("Transpose");
            return y;
        }

        Data squeeze(boolean unsqueeze) {
            Data x = data(0);
            long[] axes = in(1) != null ? toLong(konst(1).v) : attrInts("axes");
            long[] s = x.shape();
            List<Long> t = new ArrayList<>();
            if (unsqueeze) {
                int r = s.length + axes.length;
                boolean[] added = new boolean[r];
                for (long a : axes) added[axis(a, r)] = true;
                for (int i = 0, j = 0; i < r; i++) t.add(added[i] ? 1L : s[j++]);
            } else {
                boolean[] drop = new boolean[s.length];
                if (axes == null) for (int i = 0; i < s.length; i++) drop[i] = s[i] == 1;
                else for (long a : axes) drop[axis(a, s.length)] = true;
                for (int i = 0; i < s.length; i++) if (!drop[i]) t.add(s[i]);
            }
            return reshape(x, t.stream().mapToLong(Long::longValue).toArray());
        }

        Data concat() {
            List<Data> in = new ArrayList<>();
            for (int i = 0; i < node.getInputCount(); i++) in.add(data(i));
            int axis = axis(attrI("axis", 0), in.get(0).axes.size());
            List<Source> units = new ArrayList<>();
            for (Data d : in) {
                if (unitAxis(d) != axis || !plainUnits(d.axes.get(axis))) throw fail("Concat along an axis that is not the units' is not read");
                units.addAll(units(d));
            }
            Data y = in.get(0).copy();
            y.axes.set(axis, unitsAxis(count(units)));
            y.units = merge(units);
            passed.add("Concat");
            return y;
        }

        Data slice() {
            Data x = data(0);
            long[] starts = toLong(konst(1).v), ends = toLong(konst(2).v);
            long[] axes = in(3) != null ? toLong(konst(3).v) : null;
            long[] steps = in(4) != null ? toLong(konst(4).v) : null;
            Data y = x;
            for (int i = 0; i < starts.length; i++) {
                int a = axis(axes == null ? i : axes[i], x.axes.size());
                if (steps != null && steps[i] != 1) throw fail("Slice with step " + steps[i] + " is not read");
                long n = y.axes.get(a).isEmpty() ? 1 : size(y.axes.get(a));
                long s = clamp(starts[i], n), e = clamp(ends[i], n);
                y = cut(y, a, s, Math.max(s, e));
            }
            return y;
        }

        Object[] split() {
            Data x = data(0);
            int a = axis(attrI("axis", 0), x.axes.size());
            long n = size(x.axes.get(a));
            long[] parts = in(1) != null ? toLong(konst(1).v) : attrInts("split");
            int outs = node.getOutputCount();
            if (parts == null) {
                parts = new long[outs];
                Arrays.fill(parts, n / outs);
            }
            Object[] out = new Object[parts.length];
            long at = 0;
            for (int i = 0; i < parts.length; i++) {
                out[i] = cut(x, a, at, at + parts[i]);
                at += parts[i];
            }
            return out;
        }

        /** Elements [from, to) of axis a: a range of units on the unit axis, fewer positions elsewhere. */
        Data cut(Data x, int a, long from, long to) {
            Data y = x.copy();
            List<Factor> axis = x.axes.get(a);
            if (axis.isEmpty() && from == 0 && to == 1) return y;
            if (unitAxis(x) == a) {
                if (!plainUnits(axis)) throw fail("slices units that are split over axes; not read");
                y.units = range(units(x), (int) from, (int) (to - from));
                y.axes.set(a, unitsAxis((int) (to - from)));
            } else {
                for (Factor f : axis) if (f.kind != POSITION) throw fail("slices an axis of the batch or of the input; not read");
                y.axes.set(a, positions(to - from));
            }
            y.fresh = -1;
            passed.add(node.getOpType());
            return y;
        }

        Data gather() {
            Object t = in(0);
            if (t instanceof Const) { // an embedding: rows of a weight table
                Const table = (Const) t;
                Data idx = data(1);
                if (table.dims.length != 2) throw fail("Gather of rows of a rank-" + table.dims.length + " initializer is not read");
                int rows = (int) table.dims[0], dims = (int) table.dims[1];
                Pending vocabulary = new Pending();
                vocabulary.name = table.name == null ? name() + " vocabulary" : table.name;
                vocabulary.op = "vocabulary";
                vocabulary.kind = DagLayer.Kind.INPUT;
                vocabulary.units = rows;
                vocabulary.block = "";
                if (idx.units == null && inputLayer < 0) inputLayer = layers.size(); // the graph input holds token ids
                layers.add(vocabulary);
                Pending e = layer(DagLayer.Kind.EMBEDDING, dims, Arrays.asList(Source.all(layers.size() - 1, rows)));
                e.w = table.v;
                Data y = new Data();
                for (List<Factor> a : idx.axes) {
                    List<Factor> axis = new ArrayList<>();
                    for (Factor f : a) axis.add(f.kind == BATCH_F ? f : new Factor(POSITION, f.size, 1, -1));
                    y.axes.add(axis);
                }
                y.axes.add(unitsAxis(dims));
                return produced(y, e);
            }
            Data x = data(0);
            Const idx = konst(1);
            int a = axis(attrI("axis", 0), x.axes.size());
            if (unitAxis(x) == a) throw fail("Gather along the units' axis is not read");
            Data y = cut(x, a, 0, idx.v.length);
            if (idx.dims.length == 0) y.axes.remove(a);
            return y;
        }

        Data pool(boolean global) {
            Data x = data(0);
            long[] s = x.shape();
            long[] out = new long[s.length - 2];
            if (!global) {
                long[] k = attrInts("kernel_shape");
                out = spatial(s, k);
            } else {
                Arrays.fill(out, 1);
            }
            Data y = x.copy();
            for (int i = 2; i < s.length; i++) {
                for (Factor f : x.axes.get(i)) if (f.kind != POSITION && f.kind != RAW) throw fail("pools over units; not read");
                y.axes.set(i, positions(out[i - 2]));
            }
            y.fresh = -1;
            note(y, node.getOpType());
            return y;
        }

        Data pad() {
            Data x = data(0);
            long[] p = in(1) != null ? toLong(konst(1).v) : attrInts("pads");
            String mode = attrS("mode", "constant");
            if (!mode.equals("constant")) throw fail("Pad mode " + mode + " is not read");
            int r = x.axes.size();
            Data y = x.copy();
            for (int i = 0; i < r; i++) {
                if (p[i] == 0 && p[i + r] == 0) continue;
                if (i < 2) throw fail("pads the batch or the units; not read");
                y.axes.set(i, positions(size(x.axes.get(i)) + p[i] + p[i + r]));
            }
            y.fresh = -1;
            note(y, "Pad");
            return y;
        }

        Data reduceMean() {
            Data x = data(0);
            long[] axes = attrInts("axes");
            if (axes == null && in(1) != null) axes = toLong(konst(1).v);
            boolean keep = attrI("keepdims", 1) != 0;
            int r = x.axes.size();
            boolean[] reduced = new boolean[r];
            if (axes == null) Arrays.fill(reduced, true);
            else for (long a : axes) reduced[axis(a, r)] = true;
            int unitAxis = x.state == PLAIN ? unitAxis(x) : -1;
            if (unitAxis >= 0 && reduced[unitAxis]) { // a statistic over the units: LayerNorm's mean or variance
                Data y = x.copy();
                y.state = STATISTIC;
                y.axes.set(unitAxis, new ArrayList<>());
                return y;
            }
            Data y = x.copy();
            y.axes.clear();
            for (int i = 0; i < r; i++) {
                if (!reduced[i]) y.axes.add(new ArrayList<>(x.axes.get(i)));
                else {
                    for (Factor f : x.axes.get(i)) if (f.kind == BATCH_F) throw fail("averages over the batch; not read");
                    if (keep) y.axes.add(new ArrayList<>());
                }
            }
            y.fresh = -1;
            if (x.state == PLAIN) note(y, "ReduceMean");
            return y;
        }

        // ---- units ----

        /** Creates a pending layer named after the node. */
        Pending layer(DagLayer.Kind kind, int units, List<Source> inputs) {
            Pending p = new Pending();
            p.name = name();
            p.op = node.getOpType();
            p.kind = kind;
            p.units = units;
            p.block = block(node.getName());
            p.inputs.addAll(inputs);
            layers.add(p);
            return p;
        }

        Data produced(Data y, Pending p) {
            y.units = Arrays.asList(Source.all(layers.size() - 1, p.units));
            y.fresh = layers.size() - 1;
            return y;
        }

        String name() {
            return node.getName().isEmpty() ? node.getOpType() + "_" + layers.size() : node.getName();
        }

        /**
         * Checks that axis a of x holds all its units, possibly with positions inside (flattened maps), and returns how many
         * consecutive elements of the axis belong to one unit. Decides the graph input's units on its first read.
         */
        int readAxis(Data x, int a) {
            if (x.state != PLAIN) throw fail("a layer with weights reads a statistic or attention scores; not read");
            if (x.units == null) decideInput(x, a);
            List<Factor> axis = resolve(x.axes.get(a));
            int units = count(units(x));
            long unitsHere = 1;
            for (Factor f : axis) if (f.kind == UNIT) unitsHere *= f.size;
            if (unitsHere != units) throw fail("its input's units are not all on the axis it reads (axis " + a + " of " + Arrays.toString(x.shape()) + ")");
            long n = size(axis);
            long group = n / units;
            long[] index = new long[axis.size()];
            for (long j = 0; j < n; j++) {
                long u = 0;
                for (int f = 0; f < axis.size(); f++) if (axis.get(f).kind == UNIT) u += index[f] * axis.get(f).stride;
                if (u != j / group) throw fail("reads units interleaved with positions (a channels-last flatten?); not read");
                for (int f = axis.size() - 1; f >= 0; f--) {
                    if (++index[f] < axis.get(f).size) break;
                    index[f] = 0;
                }
            }
            return (int) group;
        }

        void decideInput(Data x, int a) {
            if (inputLayer >= 0) throw fail("reads the graph input in a second way");
            inputChosen = new boolean[inputDims.length];
            for (Factor f : x.axes.get(a)) if (f.kind == RAW) inputChosen[f.origin] = true;
            originStride = new long[inputDims.length];
            long units = 1;
            for (int i = inputDims.length - 1; i >= 1; i--) {
                if (!inputChosen[i]) continue;
                originStride[i] = units;
                units *= inputDims[i];
            }
            Pending p = new Pending();
            p.name = inputName;
            p.op = "input";
            p.kind = DagLayer.Kind.INPUT;
            p.units = (int) units;
            p.block = "";
            inputLayer = layers.size();
            layers.add(p);
            x.units = Arrays.asList(Source.all(inputLayer, p.units));
        }

        List<Factor> resolve(List<Factor> axis) {
            List<Factor> out = new ArrayList<>();
            for (Factor f : axis) {
                if (f.kind != RAW) out.add(f);
                else if (inputChosen != null && inputChosen[f.origin]) out.add(new Factor(UNIT, f.size, f.stride * originStride[f.origin], -1));
                else out.add(new Factor(POSITION, f.size, 1, -1));
            }
            return out;
        }

        List<Source> units(Data x) {
            if (x.units != null) return x.units;
            if (inputLayer < 0) throw fail("uses the graph input before any layer reads it");
            return Arrays.asList(Source.all(inputLayer, layers.get(inputLayer).units));
        }

        /** The axis holding x's units, or -1 when they lie on several axes or are not decided. */
        int unitAxis(Data x) {
            int found = -1;
            for (int a = 0; a < x.axes.size(); a++) {
                for (Factor f : resolve(x.axes.get(a))) {
                    if (f.kind != UNIT && f.kind != RAW) continue;
                    if (found >= 0 && found != a) return -1;
                    found = a;
                }
            }
            return found;
        }

        boolean allUnits(List<Factor> axis) {
            if (axis.isEmpty()) return false;
            for (Factor f : resolve(axis)) if (f.kind != UNIT) return false;
            return true;
        }

        boolean plainUnits(List<Factor> axis) {
            List<Factor> r = resolve(axis);
            return r.size() == 1 && r.get(0).kind == UNIT && r.get(0).stride == 1;
        }

        // ---- constants ----

        Object[] constantOp(String op) {
            switch (op) {
                case "Identity": case "Cast": return one(konst(0));
                case "Unsqueeze": case "Squeeze": case "Reshape": case "Flatten": {
                    Const c = konst(0);
                    return one(new Const(reshapedDims(c, op), c.v, c.name));
                }
                case "Gather": {
                    Const x = konst(0), idx = konst(1);
                    if (x.dims.length > 1 && attrI("axis", 0) != 0) throw fail("Gather of constants along axis " + attrI("axis", 0) + " is not read");
                    long row = x.dims.length == 0 ? 1 : prod(x.dims, 1, x.dims.length);
                    double[] v = new double[(int) (idx.v.length * row)];
                    for (int i = 0; i < idx.v.length; i++) {
                        long r = (long) idx.v[i];
                        if (r < 0) r += x.dims[0];
                        System.arraycopy(x.v, (int) (r * row), v, (int) (i * row), (int) row);
                    }
                    long[] dims = new long[idx.dims.length + Math.max(0, x.dims.length - 1)];
                    System.arraycopy(idx.dims, 0, dims, 0, idx.dims.length);
                    if (x.dims.length > 1) System.arraycopy(x.dims, 1, dims, idx.dims.length, x.dims.length - 1);
                    return one(new Const(dims, v, null));
                }
                case "Concat": {
                    List<Double> v = new ArrayList<>();
                    for (int i = 0; i < node.getInputCount(); i++) {
                        Const c = konst(i);
                        if (c.dims.length > 1) throw fail("Concat of constants of rank " + c.dims.length + " is not read");
                        for (double x : c.v) v.add(x);
                    }
                    return one(new Const(new long[]{v.size()}, v.stream().mapToDouble(Double::doubleValue).toArray(), null));
                }
                case "Add": case "Sub": case "Mul": case "Div": {
                    Const a = konst(0), b = konst(1);
                    Const big = a.v.length >= b.v.length ? a : b;
                    double[] v = new double[big.v.length];
                    boolean integer = isInteger(a) && isInteger(b);
                    for (int i = 0; i < v.length; i++) {
                        double x = a.v[a.v.length == 1 ? 0 : i], y = b.v[b.v.length == 1 ? 0 : i];
                        v[i] = op.equals("Add") ? x + y : op.equals("Sub") ? x - y : op.equals("Mul") ? x * y
                                : integer ? Math.floor(x / y) : x / y;
                    }
                    return one(new Const(big.dims, v, null));
                }
                case "Range": { // start, limit, delta: PyTorch's torch.arange(T) of a learned position table
                    double start = konst(0).v[0], limit = konst(1).v[0], delta = konst(2).v[0];
                    double count = delta == 0 ? Double.NaN : Math.max(0, Math.ceil((limit - start) / delta));
                    if (!(count <= 1 << 24)) throw fail("Range of constants from " + start + " to " + limit + " by " + delta + " is not read");
                    double[] v = new double[(int) count];
                    for (int i = 0; i < v.length; i++) v[i] = start + i * delta;
                    return one(new Const(new long[]{v.length}, v, null));
                }
                case "Sqrt": {
                    Const a = konst(0);
                    double[] v = a.v.clone();
                    for (int i = 0; i < v.length; i++) v[i] = Math.sqrt(v[i]);
                    return one(new Const(a.dims, v, null));
                }
                case "Slice": {
                    Const c = konst(0);
                    if (c.dims.length != 1) throw fail("Slice of a constant of rank " + c.dims.length + " is not read");
                    long n = c.v.length, s = clamp((long) konst(1).v[0], n), e = clamp((long) konst(2).v[0], n);
                    return one(new Const(new long[]{Math.max(0, e - s)}, Arrays.copyOfRange(c.v, (int) s, (int) Math.max(s, e)), null));
                }
                default:
                    throw new IllegalArgumentException("ONNX operator " + op + " (node '" + node.getName() + "') on constants is not supported; " + READ);
            }
        }

        boolean isInteger(Const c) {
            for (double x : c.v) if (x != Math.rint(x)) return false;
            return c.name == null; // shapes, not weights
        }

        long[] reshapedDims(Const c, String op) {
            if (op.equals("Flatten")) return new long[]{c.dims.length == 0 ? 1 : c.dims[0], c.dims.length == 0 ? 1 : prod(c.dims, 1, c.dims.length)};
            if (op.equals("Reshape")) return reshapeTarget(c.dims, konst(1));
            long[] axes = in(1) != null ? toLong(konst(1).v) : attrInts("axes");
            List<Long> t = new ArrayList<>();
            if (op.equals("Unsqueeze")) {
                int r = c.dims.length + axes.length;
                boolean[] added = new boolean[r];
                for (long a : axes) added[axis(a, r)] = true;
                for (int i = 0, j = 0; i < r; i++) t.add(added[i] ? 1L : c.dims[j++]);
            } else {
                for (long d : c.dims) if (d != 1) t.add(d);
            }
            return t.stream().mapToLong(Long::longValue).toArray();
        }

        Const constantNode(Onnx.NodeProto n) {
            for (Onnx.AttributeProto a : n.getAttributeList()) {
                switch (a.getName()) {
                    case "value": return constant(a.getT());
                    case "value_float": return new Const(new long[0], new double[]{a.getF()}, null);
                    case "value_int": return new Const(new long[0], new double[]{a.getI()}, null);
                    case "value_floats": return new Const(new long[]{a.getFloatsCount()}, a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray(), null);
                    case "value_ints": return new Const(new long[]{a.getIntsCount()}, a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray(), null);
                    default:
                }
            }
            throw fail("a Constant without a value");
        }

        /** An initializer or Constant tensor's values; weights (float, double) through {@link OnnxModels#values}. */
        Const constant(Onnx.TensorProto t) {
            long[] dims = new long[t.getDimsCount()];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = t.getDims(i);
                if (dims[i] < 0) throw new IllegalArgumentException("tensor '" + t.getName() + "' has dimension " + dims[i]);
                count *= dims[i];
                if (count > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("tensor '" + t.getName() + "' is too large");
            }
            String name = t.getName().isEmpty() ? null : t.getName();
            int type = t.getDataType();
            if (count == 0) return new Const(dims, new double[0], name);
            if (type == Onnx.TensorProto.DataType.FLOAT_VALUE || type == Onnx.TensorProto.DataType.DOUBLE_VALUE) {
                try {
                    return new Const(dims, OnnxModels.values(t, file), name);
                } catch (ModelFileException e) {
                    throw new IllegalArgumentException(e.getMessage().substring(file.toString().length() + 2), e);
                }
            }
            double[] v = new double[(int) count];
            ByteString raw = t.getRawData();
            if (type == Onnx.TensorProto.DataType.INT64_VALUE) {
                if (!raw.isEmpty()) {
                    if (raw.size() != 8L * count) throw new IllegalArgumentException("tensor '" + t.getName() + "' holds " + raw.size() / 8 + " values, its shape needs " + count);
                    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < count; i++) v[i] = b.getLong();
                } else {
                    if (t.getInt64DataCount() != count) throw new IllegalArgumentException("tensor '" + t.getName() + "' holds " + t.getInt64DataCount() + " values, its shape needs " + count);
                    for (int i = 0; i < count; i++) v[i] = t.getInt64Data(i);
                }
            } else if (type == Onnx.TensorProto.DataType.INT32_VALUE || type == Onnx.TensorProto.DataType.BOOL_VALUE) {
                if (!raw.isEmpty()) {
                    int width = type == Onnx.TensorProto.DataType.BOOL_VALUE ? 1 : 4;
                    if (raw.size() != width * count) throw new IllegalArgumentException("tensor '" + t.getName() + "' holds " + raw.size() / width + " values, its shape needs " + count);
                    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < count; i++) v[i] = width == 1 ? b.get() : b.getInt();
                } else {
                    if (t.getInt32DataCount() != count) throw new IllegalArgumentException("tensor '" + t.getName() + "' holds " + t.getInt32DataCount() + " values, its shape needs " + count);
                    for (int i = 0; i < count; i++) v[i] = t.getInt32Data(i);
                }
            } else {
                Onnx.TensorProto.DataType dt = Onnx.TensorProto.DataType.forNumber(type);
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has data type " + (dt == null ? type : dt) + "; not read");
            }
            return new Const(dims, v, name);
        }

        double[] vector(Const c, int n, String what) {
            if (c.v.length != n) throw fail(what + " '" + c.name + "' has " + c.v.length + " values, expected " + n);
            return c.v.clone();
        }

        // ---- shapes ----

        long[] spatial(long[] in, long[] kernel) {
            int n = in.length - 2;
            long[] strides = attrInts("strides"), dil = attrInts("dilations"), pads = attrInts("pads");
            String auto = attrS("auto_pad", "NOTSET");
            boolean ceil = attrI("ceil_mode", 0) != 0;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long s = strides == null ? 1 : strides[i], d = dil == null ? 1 : dil[i];
                long x = in[i + 2];
                if (auto.startsWith("SAME")) { out[i] = (x + s - 1) / s; continue; }
                long p = auto.equals("VALID") || pads == null ? 0 : pads[i] + pads[i + n];
                long span = x + p - d * (kernel[i] - 1) - 1;
                out[i] = (ceil ? (span + s - 1) / s : span / s) + 1;
                if (out[i] < 1) throw fail("its output would be empty (input " + x + ", kernel " + kernel[i] + ")");
            }
            return out;
        }

        List<Factor> unitsAxis(int n) {
            List<Factor> a = new ArrayList<>();
            if (n > 1) a.add(new Factor(UNIT, n, 1, -1));
            return a;
        }

        List<Factor> positions(long n) {
            List<Factor> a = new ArrayList<>();
            if (n > 1) a.add(new Factor(POSITION, n, 1, -1));
            return a;
        }

        // ---- attributes ----

        long attrI(String name, long dflt) { return OnnxModels.attrI(node, name, dflt); }
        double attrF(String name, double dflt) { return OnnxModels.attrF(node, name, dflt); }
        long[] attrInts(String name) { return OnnxModels.attrInts(node, name); }
        String attrS(String name, String dflt) { return OnnxModels.attrS(node, name, dflt); }

        // ---- emitting ----

        NetworkDag emit() {
            if (inputLayer < 0) throw new IllegalArgumentException("no layer reads the graph input '" + inputName + "'");
            // the graph input first: ONNX may create other inputs (positions, vocabularies) before it is read
            List<Integer> order = new ArrayList<>();
            order.add(inputLayer);
            for (int i = 0; i < layers.size(); i++) if (i != inputLayer) order.add(i);
            Map<Integer, int[]> emitted = new HashMap<>(); // pending -> emitted indices (three for a packed projection)
            List<DagLayer> out = new ArrayList<>();
            for (int p : order) {
                Pending l = layers.get(p);
                List<Source> inputs = new ArrayList<>();
                for (Source s : l.inputs) inputs.addAll(remap(s, emitted));
                if (l.packedQkv) {
                    int d = l.units / 3;
                    String[] roles = {"q", "k", "v"};
                    int[] ids = new int[3];
                    for (int r = 0; r < 3; r++) {
                        double[] w = new double[l.w.length / 3];
                        int rows = l.w.length / l.units;
                        for (int j = 0; j < rows; j++) System.arraycopy(l.w, j * l.units + r * d, w, j * d, d);
                        DagLayer.Builder b = builder(l, d, inputs).weights(w).heads(l.heads, roles[r]);
                        if (l.bias != null) b.bias(Arrays.copyOfRange(l.bias, r * d, (r + 1) * d));
                        if (r == 0) b.folded("packed projection " + l.units + " split into q, k, v");
                        ids[r] = out.size();
                        out.add(b.build());
                    }
                    emitted.put(p, ids);
                    continue;
                }
                DagLayer.Builder b = builder(l, l.units, inputs).weights(l.w).bias(l.bias).normalisation(l.normScale, l.normShift);
                if (l.heads > 0 || !l.role.isEmpty()) b.heads(l.heads, l.role);
                emitted.put(p, new int[]{out.size()});
                out.add(b.build());
            }
            String input = inputName + " " + Arrays.toString(inputDims).replace(String.valueOf(BATCH), "batch");
            return new NetworkDag(String.valueOf(file.getFileName()), input, out, passed);
        }

        DagLayer.Builder builder(Pending l, int units, List<Source> inputs) {
            DagLayer.Builder b = new DagLayer.Builder(l.name, l.op, l.kind, units).inputs(inputs).block(l.block).folded(l.folded);
            if (l.kind == DagLayer.Kind.CONVOLUTION) b.kernel(l.kH, l.kW, l.groups);
            if (l.kind == DagLayer.Kind.DENSE || l.kind == DagLayer.Kind.EMBEDDING) b.inputGroup(l.inputGroup);
            if (l.kind == DagLayer.Kind.ATTENTION) b.heads(l.heads, "");
            return b;
        }

        List<Source> remap(Source s, Map<Integer, int[]> emitted) {
            int[] ids = emitted.get(s.layer());
            if (ids.length == 1) return Arrays.asList(new Source(ids[0], s.offset(), s.count()));
            int d = layers.get(s.layer()).units / 3;
            List<Source> out = new ArrayList<>();
            for (int at = s.offset(); at < s.offset() + s.count(); ) {
                int part = at / d, end = Math.min((part + 1) * d, s.offset() + s.count());
                out.add(new Source(ids[part], at - part * d, end - at));
                at = end;
            }
            return out;
        }
    }

    // ---- helpers ----

    /** PyTorch's module of a scoped node name: {@code /layer1/layer1.0/conv1/Conv} -> {@code layer1.0}, {@code /enc/layers.0/self_attn/MatMul} -> {@code enc.layers.0}. */
    static String block(String nodeName) {
        String[] parts = nodeName.split("/");
        List<String> path = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            if (p.isEmpty()) continue;
            if (!path.isEmpty() && p.startsWith(path.get(path.size() - 1) + ".")) path.set(path.size() - 1, p);
            else path.add(p);
            if (p.matches(".*\\.\\d+")) return String.join(".", path);
        }
        return String.join(".", path);
    }

    private static List<Source> range(List<Source> units, int from, int count) {
        List<Source> out = new ArrayList<>();
        int at = 0;
        for (Source s : units) {
            int lo = Math.max(from, at), hi = Math.min(from + count, at + s.count());
            if (lo < hi) out.add(new Source(s.layer(), s.offset() + lo - at, hi - lo));
            at += s.count();
        }
        return merge(out);
    }

    /** Joins neighbouring sources of one layer. */
    private static List<Source> merge(List<Source> in) {
        List<Source> out = new ArrayList<>();
        for (Source s : in) {
            Source last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.layer() == s.layer() && last.offset() + last.count() == s.offset()) {
                out.set(out.size() - 1, new Source(s.layer(), last.offset(), last.count() + s.count()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static int count(List<Source> units) {
        int n = 0;
        for (Source s : units) n += s.count();
        return n;
    }

    private static long prod(long[] s, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }

    private static int axis(long a, int rank) {
        return (int) (a < 0 ? a + rank : a);
    }

    private static long clamp(long i, long n) {
        if (i < 0) i += n;
        return Math.max(0, Math.min(n, i));
    }

    private static double[] toDouble(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    private static long[] toLong(double[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i] >= 9.2e18 ? Long.MAX_VALUE : v[i] <= -9.2e18 ? Long.MIN_VALUE + 1 : (long) v[i];
        return l;
    }
}
