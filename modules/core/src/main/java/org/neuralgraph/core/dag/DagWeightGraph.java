package org.neuralgraph.core.dag;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;
import org.neuralgraph.core.backbone.ReductionSummary;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight graph of a {@link NetworkDag} at a {@link Granularity} (Darnell and Leonard, Section 3: "the nodes are the
 * neurons of the MLP and the edges are the links between neurons"), for any feed-forward architecture.
 *
 * <p><b>Nodes.</b> Every unit of a layer with units of its own ({@link DagLayer#hasOwnUnits()}: input, dense,
 * convolution channel, embedding dimension) is one node. A concatenation or a slice makes no nodes: a layer reading it
 * reads the nodes of the layers it concatenates ({@link Source}). A residual addition (He et al. 2016, Eq. 1,
 * {@code y = F(x) + x}) makes no nodes either: its units are the nodes of its deepest input (F(x), the main path), and
 * every other input reaches them by <b>skip edges</b>, one per unit, of kind {@code skip} and weight 1 (the identity's
 * entries; a 1x1 projection shortcut is a convolution of its own whose channels then skip into the sum). So ResNet-18's
 * channel graph has input 3 + every convolution's channels + 10 classes as nodes, and no node per addition.
 *
 * <p><b>Attention</b> (Vaswani et al. 2017, Sec. 3.2.2): the Q, K and V projections are dense layers whose units carry a
 * {@code head} (unit u in head {@code u / d_head}) and a {@code role}; their weights from the stream are weight edges.
 * The attention output of head h is a mixture of V's head-h units with coefficients softmax(QK^T / sqrt(d_head)) that
 * depend on the data, not on a weight, so it has no nodes of its own (its units are V's) and Q and K steer it by edges of
 * kind {@code attention} and weight 1 from every Q and K unit of a head to every V unit of the same head (d_head^2 per
 * head and projection). The output projection reads V's nodes, so the value path V -> out carries weights.
 *
 * <p><b>Edges</b> of kind {@code weight}: a dense weight w is an edge of Gephi weight |w|, signed value w; a convolution
 * links input channel c to output channel o when o's group reads c (grouped and depthwise convolutions, ONNX Conv
 * {@code group}), weighing the kernel's {@link KernelNorm norm} over its positions, signed value the kernel's sum (Filan
 * et al.); a dense layer reading flattened maps is grouped by channel the same way. Skip and attention edges are kept
 * whatever the {@link Sparsification}, which selects among the weight edges only.
 *
 * <p><b>Columns.</b> Node ids {@code L<k>N<u>}, k counting the layers with units of their own from the input (0), so a
 * chain's graph has the ids, labels, edges, weights and the columns {@code layer}, {@code layer_name}, {@code index},
 * {@code bias} and {@code value} of {@link org.neuralgraph.core.weights.WeightGraph} exactly. Node columns: {@code layer}
 * (the depth, an integer: the column the layered drawing puts from left to right, which on a chain is the layer's index),
 * {@code layer_name} (the ONNX node name), {@code index} (unit or channel in its layer), {@code bias}, {@code operator},
 * {@code block} (PyTorch's module, e.g. {@code layer1.0}), {@code head} (-1 when none), {@code role}, {@code depth},
 * {@code norm_scale} and {@code norm_shift} (a kept LayerNormalization's gamma and beta, NaN elsewhere). Edge columns:
 * {@code value} (signed), {@code kind} ({@code weight}, {@code skip}, {@code attention}); at {@link Granularity#BLOCK} also
 * {@code count}. Graph attributes: {@code graph_kind}, {@code model}, {@code layers}, {@code parameters},
 * {@code sparsification} (the rule applied, {@code auto} resolved), {@code reduction} and {@code reduction_summary}
 * (neuron and channel granularity: see {@link WeightGraph}), {@code granularity}, {@code kernel_norm}, {@code batch_norm_folded},
 * {@code operators_passed_over}, {@code input}.
 */
public final class DagWeightGraph {

    /** Edge kinds, the values of the edge column {@code kind}. */
    public static final String WEIGHT = "weight", SKIP = "skip", ATTENTION = "attention";
    /** The edge column holding the kind. */
    public static final String KIND = "kind";
    private static final String[] KINDS = {WEIGHT, SKIP, ATTENTION};

    private DagWeightGraph() { }

    /** Receives the graph's edges, layer by layer in the order of {@link NetworkDag#layers()}; kind 0 weight, 1 skip, 2 attention. */
    interface EdgeSink {
        void edge(int source, int target, double absW, double value, int kind);
    }

    /** The nodes of a DAG: for each layer its units' node numbers, and each node's layer and unit. */
    static final class Nodes {
        final int[][] nodeOf;
        final int count;
        final int[] nodeLayer, nodeUnit;
        final long edgeCapacity;

        Nodes(List<DagLayer> layers) {
            nodeOf = new int[layers.size()][];
            int nodes = 0;
            long edges = 0;
            for (int l = 0; l < layers.size(); l++) {
                DagLayer d = layers.get(l);
                if (d.hasOwnUnits()) {
                    nodeOf[l] = new int[d.units()];
                    for (int u = 0; u < d.units(); u++) nodeOf[l][u] = nodes++;
                } else if (d.kind() == DagLayer.Kind.ADD) {
                    nodeOf[l] = resolve(nodeOf, d.inputs().get(mainInput(layers, d)));
                } else {
                    nodeOf[l] = resolve(nodeOf, d.inputs().get(2));
                }
                edges += edgeCount(d);
            }
            count = nodes;
            edgeCapacity = edges;
            nodeLayer = new int[nodes];
            nodeUnit = new int[nodes];
            for (int l = 0; l < layers.size(); l++) {
                if (!layers.get(l).hasOwnUnits()) continue;
                for (int u = 0; u < nodeOf[l].length; u++) { nodeLayer[nodeOf[l][u]] = l; nodeUnit[nodeOf[l][u]] = u; }
            }
        }
    }

    /** Every edge of {@code dag}, in the order the in-memory graph numbers them, to {@code sink}; nothing is stored. */
    static void emit(List<DagLayer> layers, Nodes n, KernelNorm norm, EdgeSink sink) {
        for (int l = 0; l < layers.size(); l++) addEdges(layers, l, n.nodeOf, norm, sink);
    }

    /** Growable edge arrays. */
    static final class Edges implements EdgeSink {
        int[] src, dst;
        double[] w, value;
        byte[] kind;
        int n;

        Edges(long capacity) {
            if (capacity > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many edges for one graph: " + capacity);
            int c = (int) Math.max(16, capacity);
            src = new int[c]; dst = new int[c]; w = new double[c]; value = new double[c]; kind = new byte[c];
        }

        @Override public void edge(int s, int d, double weight, double v, int k) { add(s, d, weight, v, k); }

        void add(int s, int d, double weight, double v, int k) {
            if (n == src.length) {
                int c = n * 2;
                src = Arrays.copyOf(src, c); dst = Arrays.copyOf(dst, c); w = Arrays.copyOf(w, c);
                value = Arrays.copyOf(value, c); kind = Arrays.copyOf(kind, c);
            }
            src[n] = s; dst[n] = d; w[n] = weight; value[n] = v; kind[n] = (byte) k; n++;
        }
    }

    /** The weight graph of {@code dag}; {@code sparsification} selects among the weight edges. */
    public static NeuralGraph build(NetworkDag dag, Granularity granularity, KernelNorm norm, Sparsification sparsification) {
        List<DagLayer> layers = dag.layers();
        checkGranularity(layers, granularity);
        Nodes n = new Nodes(layers);
        int nodes = n.count;
        int[] nodeLayer = n.nodeLayer, nodeUnit = n.nodeUnit;
        // edges
        Edges e = new Edges(n.edgeCapacity);
        emit(layers, n, norm, e);

        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        if (granularity == Granularity.BLOCK) {
            b.graphAttribute("sparsification", "none");
            block(dag, e, nodes, nodeLayer, nodeUnit, b);
        } else {
            units(dag, e, n, sparsification, b);
        }
        return attributes(dag, granularity, norm, b);
    }

    static void checkGranularity(List<DagLayer> layers, Granularity granularity) {
        if (granularity == Granularity.NEURON) {
            for (DagLayer l : layers) {
                if (l.kind() == DagLayer.Kind.CONVOLUTION) {
                    throw new IllegalArgumentException("granularity neuron: node '" + l.name() + "' is a convolution, whose neurons are its channels at every "
                            + "position (the network unrolled over its maps), which is not built; use granularity channel (a node per channel)");
                }
            }
        }
    }

    /** The graph-level attributes every granularity records, then the graph. */
    static NeuralGraph attributes(NetworkDag dag, Granularity granularity, KernelNorm norm, NeuralGraph.Builder b) {
        List<DagLayer> layers = dag.layers();
        StringBuilder sizes = new StringBuilder();
        for (DagLayer d : layers) if (d.hasOwnUnits()) sizes.append(sizes.length() == 0 ? "" : "-").append(d.units());
        return b.graphAttribute(Names.GRAPH_KIND, "weight")
                .graphAttribute("model", dag.name())
                .graphAttribute("layers", sizes.toString())
                .graphAttribute("parameters", dag.parameterCount())
                .graphAttribute("granularity", granularity.word())
                .graphAttribute("kernel_norm", norm.word())
                .graphAttribute("batch_norm_folded", dag.batchNormFolded())
                .graphAttribute("operators_passed_over", String.join(", ", dag.passedOver()))
                .graphAttribute("input", dag.input())
                .build();
    }

    /** The input whose nodes an addition's units are: the deepest (the main path F(x)), the first of the deepest on a tie. */
    static int mainInput(List<DagLayer> layers, DagLayer add) {
        int best = 0;
        for (int i = 1; i < add.inputs().size(); i++) {
            if (layers.get(add.inputs().get(i).layer()).depth() > layers.get(add.inputs().get(best).layer()).depth()) best = i;
        }
        return best;
    }

    private static int[] resolve(int[][] nodeOf, Source s) {
        return Arrays.copyOfRange(nodeOf[s.layer()], s.offset(), s.offset() + s.count());
    }

    private static int[] resolve(int[][] nodeOf, List<Source> sources) {
        int n = 0;
        for (Source s : sources) n += s.count();
        int[] out = new int[n];
        int at = 0;
        for (Source s : sources) {
            System.arraycopy(nodeOf[s.layer()], s.offset(), out, at, s.count());
            at += s.count();
        }
        return out;
    }

    private static long edgeCount(DagLayer d) {
        switch (d.kind()) {
            case DENSE:
            case EMBEDDING: return (long) d.inputUnits() * d.units();
            case CONVOLUTION: return (long) d.inputUnits() * d.units() / d.groups();
            case ADD: return (long) (d.inputs().size() - 1) * d.units();
            case ATTENTION: return 2L * d.units() * (d.units() / d.heads());
            default: return 0;
        }
    }

    static void addEdges(List<DagLayer> layers, int l, int[][] nodeOf, KernelNorm norm, EdgeSink e) {
        DagLayer d = layers.get(l);
        int[] out = nodeOf[l];
        int units = d.units();
        switch (d.kind()) {
            case DENSE:
            case EMBEDDING: {
                int[] in = resolve(nodeOf, d.inputs());
                double[] w = d.weights();
                int g = d.inputGroup();
                for (int c = 0; c < in.length; c++) {
                    if (g == 1) {
                        int row = c * units;
                        for (int o = 0; o < units; o++) {
                            double x = w[row + o];
                            e.edge(in[c], out[o], Math.abs(x), x, 0);
                        }
                    } else {
                        for (int o = 0; o < units; o++) {
                            int from = c * g * units + o;
                            e.edge(in[c], out[o], norm.of(w, from, g, units), sum(w, from, g, units), 0);
                        }
                    }
                }
                break;
            }
            case CONVOLUTION: {
                int[] in = resolve(nodeOf, d.inputs());
                double[] w = d.weights();
                int perGroupIn = in.length / d.groups(), perGroupOut = units / d.groups(), k = d.kernelH() * d.kernelW();
                for (int c = 0; c < in.length; c++) {
                    int group = c / perGroupIn, ci = c % perGroupIn;
                    for (int o = group * perGroupOut; o < (group + 1) * perGroupOut; o++) {
                        int base = (o * perGroupIn + ci) * k;
                        e.edge(in[c], out[o], norm.of(w, base, k, 1), sum(w, base, k, 1), 0);
                    }
                }
                break;
            }
            case ADD: {
                int main = mainInput(layers, d);
                for (int i = 0; i < d.inputs().size(); i++) {
                    if (i == main) continue;
                    int[] in = resolve(nodeOf, d.inputs().get(i));
                    for (int u = 0; u < units; u++) if (in[u] != out[u]) e.edge(in[u], out[u], 1, 1, 1);
                }
                break;
            }
            case ATTENTION: {
                int dh = units / d.heads();
                for (int i = 0; i < 2; i++) { // Q, then K
                    int[] in = resolve(nodeOf, d.inputs().get(i));
                    for (int h = 0; h < d.heads(); h++) {
                        for (int u = h * dh; u < (h + 1) * dh; u++) {
                            for (int v = h * dh; v < (h + 1) * dh; v++) e.edge(in[u], out[v], 1, 1, 2);
                        }
                    }
                }
                break;
            }
            default:
        }
    }

    private static double sum(double[] w, int from, int count, int stride) {
        double s = 0;
        for (int i = 0, x = from; i < count; i++, x += stride) s += w[x];
        return s;
    }

    /** Neuron and channel granularity: the nodes as they are. */
    private static void units(NetworkDag dag, Edges e, Nodes n, Sparsification s, NeuralGraph.Builder b) {
        List<DagLayer> layers = dag.layers();
        int nodes = n.count;
        int[] nodeLayer = n.nodeLayer;
        int weightEdges = 0;
        for (int x = 0; x < e.n; x++) if (e.kind[x] == 0) weightEdges++;
        int[] ws = new int[weightEdges], wd = new int[weightEdges];
        double[] wa = new double[weightEdges];
        for (int x = 0, y = 0; x < e.n; x++) {
            if (e.kind[x] != 0) continue;
            ws[y] = e.src[x]; wd[y] = e.dst[x]; wa[y] = e.w[x]; y++;
        }
        Sparsification applied = s.resolve(ws, wd, wa, nodes);
        boolean[] keepWeight = applied.keep(ws, wd, wa, nodes);
        int kept = 0;
        for (int x = 0, y = 0; x < e.n; x++) if (e.kind[x] != 0 || keepWeight[y++]) kept++;
        String[] layerNames = new String[layers.size()];
        for (int l = 0; l < layerNames.length; l++) layerNames[l] = layers.get(l).name();
        ReductionSummary.Builder summary = new ReductionSummary.Builder(nodeLayer, layerNames);
        for (int x = 0, y = 0; x < e.n; x++) {
            if (e.kind[x] == 0) { summary.weightEdge(e.src[x], e.dst[x], e.w[x], keepWeight[y]); y++; }
            else summary.structuralEdge(e.src[x], e.dst[x]);
        }
        ReductionSummary reduction = summary.build();
        b.graphAttribute("sparsification", applied.toString())
                .graphAttribute(WeightGraph.REDUCTION, applied.describe(s, reduction))
                .graphAttribute(WeightGraph.REDUCTION_SUMMARY, reduction.toJson());
        unitsGraph(dag, e, keepWeight, kept, n, b);
    }

    /** The nodes with their columns and the edges of {@code e} that are structural or whose weight edge keepWeight keeps (all when null). */
    static void unitsGraph(NetworkDag dag, Edges e, boolean[] keepWeight, int kept, Nodes n, NeuralGraph.Builder b) {
        List<DagLayer> layers = dag.layers();
        int nodes = n.count;
        int[] nodeLayer = n.nodeLayer, nodeUnit = n.nodeUnit;
        int[][] nodeOf = n.nodeOf;
        b.capacity(nodes, kept);
        int[] ordinal = ordinals(layers);
        int[] layerCol = new int[nodes], indexCol = new int[nodes], headCol = new int[nodes];
        String[] layerName = new String[nodes], operator = new String[nodes], block = new String[nodes], role = new String[nodes];
        double[] bias = new double[nodes], scale = new double[nodes], shift = new double[nodes];
        for (int v = 0; v < nodes; v++) {
            DagLayer d = layers.get(nodeLayer[v]);
            int u = nodeUnit[v];
            b.addNode("L" + ordinal[nodeLayer[v]] + "N" + u, d.name() + (d.role().isEmpty() ? "" : " " + d.role()) + " #" + u);
            layerCol[v] = d.depth();
            indexCol[v] = u;
            layerName[v] = d.name();
            operator[v] = d.operator();
            block[v] = d.block();
            role[v] = d.role();
            headCol[v] = d.headOf(u);
            bias[v] = d.bias() == null ? Double.NaN : d.bias()[u];
        }
        Arrays.fill(scale, Double.NaN);
        Arrays.fill(shift, Double.NaN);
        for (int l = 0; l < layers.size(); l++) { // a normalisation after an addition belongs to the addition's nodes
            DagLayer d = layers.get(l);
            for (int u = 0; u < d.units(); u++) {
                if (d.normScale() != null) scale[nodeOf[l][u]] = d.normScale()[u];
                if (d.normShift() != null) shift[nodeOf[l][u]] = d.normShift()[u];
            }
        }
        double[] value = new double[kept];
        String[] kind = new String[kept];
        int k = 0;
        for (int x = 0, y = 0; x < e.n; x++) {
            if (e.kind[x] == 0 && keepWeight != null && !keepWeight[y++]) continue;
            b.addEdge(e.src[x], e.dst[x], e.w[x]);
            value[k] = e.value[x];
            kind[k++] = KINDS[e.kind[x]];
        }
        b.nodeColumn(Names.LAYER, Column.ofInts("Layer", layerCol))
                .nodeColumn(Names.LAYER_NAME, Column.ofStrings("Layer name", layerName))
                .nodeColumn("index", Column.ofInts("Index in layer", indexCol))
                .nodeColumn("bias", Column.ofDoubles("Bias", bias));
        nodeColumns(b, operator, block, headCol, role, layerCol, scale, shift);
        b.edgeColumn(Names.VALUE, Column.ofDoubles("Weight (signed)", value))
                .edgeColumn(KIND, Column.ofStrings("Edge kind", kind));
    }

    private static void nodeColumns(NeuralGraph.Builder b, String[] operator, String[] block, int[] head, String[] role, int[] depth,
                                    double[] scale, double[] shift) {
        b.nodeColumn("operator", Column.ofStrings("Operator", operator))
                .nodeColumn("block", Column.ofStrings("Block", block))
                .nodeColumn("head", Column.ofInts("Attention head", head))
                .nodeColumn("role", Column.ofStrings("Role in attention", role))
                .nodeColumn("depth", Column.ofInts("Depth", depth))
                .nodeColumn("norm_scale", Column.ofDoubles("Normalisation scale (kept)", scale))
                .nodeColumn("norm_shift", Column.ofDoubles("Normalisation shift (kept)", shift));
    }

    /** For each layer with units of its own, its number counted from the input (0); -1 for the others. */
    private static int[] ordinals(List<DagLayer> layers) {
        int[] ordinal = new int[layers.size()];
        int k = 0;
        for (int l = 0; l < layers.size(); l++) ordinal[l] = layers.get(l).hasOwnUnits() ? k++ : -1;
        return ordinal;
    }

    /** Block granularity: a node per layer with units of its own, per head for attention projections; edges summed. */
    private static void block(NetworkDag dag, Edges e, int nodes, int[] nodeLayer, int[] nodeUnit, NeuralGraph.Builder b) {
        List<DagLayer> layers = dag.layers();
        int[] ordinal = ordinals(layers);
        Map<Long, Integer> blockOf = new HashMap<>();
        int[] nodeBlock = new int[nodes];
        java.util.List<int[]> blocks = new java.util.ArrayList<>(); // {layer, head, units}
        for (int v = 0; v < nodes; v++) {
            DagLayer d = layers.get(nodeLayer[v]);
            int head = d.headOf(nodeUnit[v]);
            long key = ((long) nodeLayer[v] << 20) | (head + 1);
            Integer id = blockOf.get(key);
            if (id == null) {
                id = blocks.size();
                blockOf.put(key, id);
                blocks.add(new int[]{nodeLayer[v], head, 0});
            }
            blocks.get(id)[2]++;
            nodeBlock[v] = id;
        }
        Map<Long, Integer> edgeOf = new HashMap<>();
        int nb = blocks.size();
        Edges agg = new Edges(1024);
        int[] count = new int[16];
        for (int x = 0; x < e.n; x++) {
            int s = nodeBlock[e.src[x]], t = nodeBlock[e.dst[x]];
            long key = ((long) s * nb + t) * KINDS.length + e.kind[x];
            Integer id = edgeOf.get(key);
            if (id == null) {
                id = agg.n;
                edgeOf.put(key, id);
                agg.add(s, t, 0, 0, e.kind[x]);
                if (id == count.length) count = Arrays.copyOf(count, id * 2);
            }
            agg.w[id] += e.w[x];
            agg.value[id] += e.value[x];
            count[id]++;
        }
        b.capacity(nb, agg.n);
        int[] layerCol = new int[nb], indexCol = new int[nb], headCol = new int[nb], unitsCol = new int[nb];
        String[] layerName = new String[nb], operator = new String[nb], block = new String[nb], role = new String[nb];
        double[] nan = new double[nb];
        Arrays.fill(nan, Double.NaN);
        for (int i = 0; i < nb; i++) {
            int[] blk = blocks.get(i);
            DagLayer d = layers.get(blk[0]);
            b.addNode("L" + ordinal[blk[0]] + (blk[1] >= 0 ? "H" + blk[1] : ""),
                    d.name() + (d.role().isEmpty() ? "" : " " + d.role()) + (blk[1] >= 0 ? " head " + blk[1] : ""));
            layerCol[i] = d.depth();
            indexCol[i] = Math.max(0, blk[1]);
            headCol[i] = blk[1];
            unitsCol[i] = blk[2];
            layerName[i] = d.name();
            operator[i] = d.operator();
            block[i] = d.block();
            role[i] = d.role();
        }
        String[] kind = new String[agg.n];
        for (int x = 0; x < agg.n; x++) {
            b.addEdge(agg.src[x], agg.dst[x], agg.w[x]);
            kind[x] = KINDS[agg.kind[x]];
        }
        b.nodeColumn(Names.LAYER, Column.ofInts("Layer", layerCol))
                .nodeColumn(Names.LAYER_NAME, Column.ofStrings("Layer name", layerName))
                .nodeColumn("index", Column.ofInts("Index in layer", indexCol))
                .nodeColumn("bias", Column.ofDoubles("Bias", nan))
                .nodeColumn("units", Column.ofInts("Units or channels", unitsCol));
        nodeColumns(b, operator, block, headCol, role, layerCol, nan, nan);
        b.edgeColumn(Names.VALUE, Column.ofDoubles("Weight (signed, summed)", Arrays.copyOf(agg.value, agg.n)))
                .edgeColumn(KIND, Column.ofStrings("Edge kind", kind))
                .edgeColumn("count", Column.ofInts("Edges summed", Arrays.copyOf(count, agg.n)));
    }
}
