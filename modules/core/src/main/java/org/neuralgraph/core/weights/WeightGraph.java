package org.neuralgraph.core.weights;

import org.neuralgraph.core.backbone.ReductionSummary;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;

import java.util.List;

/**
 * The weight graph of a feed-forward network (Darnell and Leonard, Section 3: "the nodes are the neurons of the MLP and
 * the edges are the links between neurons"). Nodes are the input units and every layer's output units; each
 * weight is an edge directed from input to output whose Gephi weight is |w| (Darnell and Leonard, Section 4 uses "the
 * absolute value of the edge weights" for the weighted degree) and whose signed value is kept in the edge column
 * {@code value}.
 *
 * <p>Convolution layers follow Filan et al. (cited in Darnell and Leonard, Section 2): channels are nodes, and the edge
 * from input channel c to output channel o weighs the L1 norm of its kernel, sum |w| over the kernel positions
 * (the signed value is the kernel sum). A dense layer after a convolution sees {@code channels * h * w} inputs in
 * channel-major order; they are grouped by channel the same way, one edge per channel and unit weighing the L1
 * norm of that channel's block of weights.
 *
 * <p>Node ids are {@code L<layer>N<index>} with layer 0 the input. Node columns: {@code layer}, {@code layer_name},
 * {@code index}, {@code bias} (NaN for inputs). Graph attributes: {@code graph_kind}, {@code model},
 * {@code layers}, {@code parameters}, {@code sparsification} (the rule applied: {@code auto} resolved),
 * {@code reduction} (one line: what the rule kept and why) and {@code reduction_summary} (a {@link ReductionSummary} as
 * JSON: weight edges, total |w| and nodes kept per layer).
 */
public final class WeightGraph {

    /** Graph attribute: one line saying what the sparsification kept ({@link Sparsification#describe}). */
    public static final String REDUCTION = "reduction";
    /** Graph attribute: {@link ReductionSummary#toJson()}. */
    public static final String REDUCTION_SUMMARY = "reduction_summary";

    private WeightGraph() { }

    /** Builds the weight graph of {@code model}, keeping the edges {@code sparsification} selects. */
    public static NeuralGraph build(ModelWeights model, Sparsification sparsification) {
        List<LayerWeights> layers = model.layers();
        int[] units = new int[layers.size() + 1];
        units[0] = model.inputUnits();
        long edgesTotal = 0;
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights lw = layers.get(l);
            units[l + 1] = lw.nOut();
            int group = inputGroup(lw, units[l], l > 0 && layers.get(l - 1).kind() == LayerWeights.Kind.CONVOLUTION);
            edgesTotal += (long) (lw.nIn() / group) * lw.nOut();
        }
        if (edgesTotal > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("model " + model.modelName() + " has too many weights for one graph: " + edgesTotal);
        int nodes = 0;
        for (int u : units) nodes += u;
        int m = (int) edgesTotal;
        int[] src = new int[m], dst = new int[m];
        double[] absW = new double[m], value = new double[m];

        int e = 0, offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights lw = layers.get(l);
            int next = offset + units[l];
            boolean afterConv = l > 0 && layers.get(l - 1).kind() == LayerWeights.Kind.CONVOLUTION;
            int group = inputGroup(lw, units[l], afterConv);
            if (lw.kind() == LayerWeights.Kind.CONVOLUTION) {
                int k = lw.kernelH() * lw.kernelW();
                double[] w = lw.rawWeights();
                for (int c = 0; c < lw.nIn(); c++) {
                    for (int o = 0; o < lw.nOut(); o++) {
                        int base = (o * lw.nIn() + c) * k;
                        double l1 = 0, sum = 0;
                        for (int i = 0; i < k; i++) { l1 += Math.abs(w[base + i]); sum += w[base + i]; }
                        src[e] = offset + c; dst[e] = next + o; absW[e] = l1; value[e] = sum; e++;
                    }
                }
            } else if (group == 1) {
                double[] w = lw.rawWeights();
                int nOut = lw.nOut();
                for (int i = 0; i < lw.nIn(); i++) {
                    int row = i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        double x = w[row + j];
                        src[e] = offset + i; dst[e] = next + j; absW[e] = Math.abs(x); value[e] = x; e++;
                    }
                }
            } else {
                for (int c = 0; c < units[l]; c++) {
                    for (int j = 0; j < lw.nOut(); j++) {
                        double l1 = 0, sum = 0;
                        for (int i = c * group; i < (c + 1) * group; i++) { double x = lw.dense(i, j); l1 += Math.abs(x); sum += x; }
                        src[e] = offset + c; dst[e] = next + j; absW[e] = l1; value[e] = sum; e++;
                    }
                }
            }
            offset = next;
        }

        Sparsification applied = sparsification.resolve(src, dst, absW, nodes);
        boolean[] keep = applied.keep(src, dst, absW, nodes);
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        int[] nodeLayer = new int[nodes];
        String[] layerNames = new String[units.length];
        for (int l = 0, v0 = 0; l < units.length; l++) {
            layerNames[l] = l == 0 ? "input" : layers.get(l - 1).name();
            for (int i = 0; i < units[l]; i++) nodeLayer[v0++] = l;
        }
        ReductionSummary.Builder summary = new ReductionSummary.Builder(nodeLayer, layerNames);
        for (int x = 0; x < m; x++) summary.weightEdge(src[x], dst[x], absW[x], keep[x]);
        ReductionSummary reduction = summary.build();

        NeuralGraph.Builder b = new NeuralGraph.Builder(true).capacity(nodes, kept);
        int[] layerCol = new int[nodes], indexCol = new int[nodes];
        String[] layerName = new String[nodes];
        double[] bias = new double[nodes];
        int v = 0;
        for (int l = 0; l < units.length; l++) {
            String name = l == 0 ? "input" : layers.get(l - 1).name();
            for (int i = 0; i < units[l]; i++, v++) {
                b.addNode("L" + l + "N" + i, name + " #" + i);
                layerCol[v] = l;
                indexCol[v] = i;
                layerName[v] = name;
                bias[v] = l == 0 ? Double.NaN : layers.get(l - 1).bias(i);
            }
        }
        double[] keptValue = new double[kept];
        int k = 0;
        for (int x = 0; x < m; x++) {
            if (!keep[x]) continue;
            b.addEdge(src[x], dst[x], absW[x]);
            keptValue[k++] = value[x];
        }
        StringBuilder sizes = new StringBuilder();
        for (int u : units) sizes.append(sizes.length() == 0 ? "" : "-").append(u);
        return b.nodeColumn(Names.LAYER, Column.ofInts("Layer", layerCol))
                .nodeColumn(Names.LAYER_NAME, Column.ofStrings("Layer name", layerName))
                .nodeColumn("index", Column.ofInts("Index in layer", indexCol))
                .nodeColumn("bias", Column.ofDoubles("Bias", bias))
                .edgeColumn(Names.VALUE, Column.ofDoubles("Weight (signed)", keptValue))
                .graphAttribute(Names.GRAPH_KIND, "weight")
                .graphAttribute("model", model.modelName())
                .graphAttribute("layers", sizes.toString())
                .graphAttribute("parameters", model.parameterCount())
                .graphAttribute("sparsification", applied.toString())
                .graphAttribute(REDUCTION, applied.describe(sparsification, reduction))
                .graphAttribute(REDUCTION_SUMMARY, reduction.toJson())
                .build();
    }

    /** How many consecutive inputs of {@code lw} form one node of the previous layer. */
    private static int inputGroup(LayerWeights lw, int previousUnits, boolean afterConvolution) {
        if (lw.nIn() == previousUnits) return 1;
        if (lw.kind() == LayerWeights.Kind.DENSE && afterConvolution && lw.nIn() % previousUnits == 0) {
            return lw.nIn() / previousUnits;
        }
        throw new IllegalArgumentException("layer " + lw.name() + " takes " + lw.nIn() + " inputs but the layer before it has "
                + previousUnits + (afterConvolution ? " channels (and " + lw.nIn() + " is not a multiple of it)" : " units"));
    }
}
