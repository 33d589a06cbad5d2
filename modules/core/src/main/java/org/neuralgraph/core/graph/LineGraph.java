package org.neuralgraph.core.graph;

import org.neuralgraph.core.capacitance.EffectiveCoupling;
import org.neuralgraph.core.graph.NeuralGraph.Column;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.Arrays;
import java.util.List;

/**
 * The directed line graph G_B of a network's dense layers (method note, section 0 and 2.1 [V]): every weight becomes a
 * node, and weight e = (h-&gt;i) of layer m links to every weight e' = (i-&gt;j) of layer m+1 leaving the same neuron i,
 * in the direction of signal flow (e -&gt; e').
 *
 * <p>Link weight |w_e| |w_e'|: our choice [R] (the note's section 2.2 "weights-only" P). It is a view of the
 * structure, not of the training dynamics; {@link GradientFlowInteraction} gives the reconstructed P that changes with
 * training.
 *
 * <p>Size: a 784-512-512-10 MLP has ~670k weights and ~2e8 links, so the graph keeps only the {@code keepPerLayer}
 * largest |w| of each layer (ties: the lower index in LayerWeights order) and refuses to build more than
 * {@code maxLinks} links. (Sparsification's per-neuron rules cannot be reused: they are package-private and keep
 * edges per neuron, which does not bound the link count.)
 *
 * <p>Node ids {@code L<m>:<h>><i>} (m = 1 for the first weight layer, as in WeightGraph's L&lt;layer&gt; numbering), e.g.
 * {@code L1:12>7}. Node columns: {@code layer}, {@code layer_name}, {@code from}, {@code to}, {@code weight} (signed).
 * Graph attributes: {@code graph_kind} = "line graph", {@code model}, {@code layers}, {@code keep_per_layer},
 * {@code kept_weights} (kept/total per layer, e.g. "6/6, 6/6"), {@code beta_eff_weights} (Eq. 3 of the kept graph with its |w||w'| link weights, not the training dynamics, by
 * {@link EffectiveCoupling#of(NeuralGraph)}).
 */
public final class LineGraph {

    /** Default bound on the number of links (5 million: about 80 MB of edge arrays). */
    public static final long DEFAULT_MAX_LINKS = 5_000_000L;
    /** {@code keepPerLayer} value that keeps every weight. */
    public static final int ALL = Integer.MAX_VALUE;

    private LineGraph() { }

    /** {@link #build(ModelWeights, int, long)} with {@link #DEFAULT_MAX_LINKS}. */
    public static NeuralGraph build(ModelWeights model, int keepPerLayer) {
        return build(model, keepPerLayer, DEFAULT_MAX_LINKS);
    }

    /**
     * Builds the line graph of {@code model}'s dense layers.
     *
     * @param keepPerLayer how many of the largest-|w| weights of each layer become nodes ({@link #ALL} for all)
     * @param maxLinks     refuse when the kept graph would have more links
     * @throws IllegalArgumentException when keepPerLayer &lt; 1, maxLinks &lt; 0, a layer is not dense or sizes do not
     *                                  chain, or the kept graph would have more than maxLinks links or too many nodes
     */
    public static NeuralGraph build(ModelWeights model, int keepPerLayer, long maxLinks) {
        if (keepPerLayer < 1) throw new IllegalArgumentException("keepPerLayer must be >= 1, got " + keepPerLayer);
        if (maxLinks < 0) throw new IllegalArgumentException("maxLinks must be >= 0, got " + maxLinks);
        List<LayerWeights> layers = model.layers();
        int previous = model.inputUnits();
        for (LayerWeights lw : layers) {
            if (lw.kind() != LayerWeights.Kind.DENSE) throw new IllegalArgumentException("model " + model.modelName() + ": layer " + lw.name() + " is not dense; the line graph takes dense layers only");
            if (lw.nIn() != previous) throw new IllegalArgumentException("model " + model.modelName() + ": layer " + lw.name() + " takes " + lw.nIn() + " inputs but the layer before it has " + previous + " units");
            previous = lw.nOut();
        }

        int n = layers.size();
        int[][] kept = new int[n][];
        long nodes = 0;
        for (int m = 0; m < n; m++) {
            kept[m] = largest(layers.get(m).rawWeights(), keepPerLayer);
            nodes += kept[m].length;
        }
        if (nodes > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("keepPerLayer " + keepPerLayer + " keeps " + nodes + " weights, too many nodes for one graph");
        long links = 0;
        for (int m = 0; m + 1 < n; m++) {
            int[] in = countByNeuron(kept[m], layers.get(m).nOut(), true, layers.get(m).nOut());
            int[] out = countByNeuron(kept[m + 1], layers.get(m + 1).nIn(), false, layers.get(m + 1).nOut());
            for (int i = 0; i < in.length; i++) links += (long) in[i] * out[i];
        }
        if (links > maxLinks) {
            throw new IllegalArgumentException("keepPerLayer " + (keepPerLayer == ALL ? "all" : String.valueOf(keepPerLayer)) + " gives a line graph with "
                    + links + " links, more than maxLinks " + maxLinks + "; keep fewer weights per layer");
        }
        if (links > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("keepPerLayer " + keepPerLayer + " gives " + links + " links, too many for one graph");

        NeuralGraph.Builder b = new NeuralGraph.Builder(true).capacity((int) nodes, (int) links);
        int[] layerCol = new int[(int) nodes], fromCol = new int[(int) nodes], toCol = new int[(int) nodes];
        String[] layerName = new String[(int) nodes];
        double[] weightCol = new double[(int) nodes];
        int[] firstNode = new int[n];
        int v = 0;
        StringBuilder keptText = new StringBuilder();
        for (int m = 0; m < n; m++) {
            LayerWeights lw = layers.get(m);
            firstNode[m] = v;
            for (int x : kept[m]) {
                int h = x / lw.nOut(), i = x % lw.nOut();
                b.addNode("L" + (m + 1) + ":" + h + ">" + i, lw.name() + " " + h + ">" + i);
                layerCol[v] = m + 1;
                layerName[v] = lw.name();
                fromCol[v] = h;
                toCol[v] = i;
                weightCol[v] = lw.rawWeights()[x];
                v++;
            }
            keptText.append(m == 0 ? "" : ", ").append(kept[m].length).append('/').append(lw.rawWeights().length);
        }
        for (int m = 0; m + 1 < n; m++) {
            // kept weights of layer m grouped by their target neuron, of layer m+1 by their source neuron
            int[][] into = groupByNeuron(kept[m], layers.get(m).nOut(), true, layers.get(m).nOut(), firstNode[m]);
            int[][] outOf = groupByNeuron(kept[m + 1], layers.get(m + 1).nIn(), false, layers.get(m + 1).nOut(), firstNode[m + 1]);
            for (int i = 0; i < into.length; i++) {
                for (int e : into[i]) {
                    for (int f : outOf[i]) b.addEdge(e, f, Math.abs(weightCol[e]) * Math.abs(weightCol[f]));
                }
            }
        }
        StringBuilder sizes = new StringBuilder().append(model.inputUnits());
        for (LayerWeights lw : layers) sizes.append('-').append(lw.nOut());
        NeuralGraph g = b.nodeColumn(Names.LAYER, Column.ofInts("Layer", layerCol))
                .nodeColumn(Names.LAYER_NAME, Column.ofStrings("Layer name", layerName))
                .nodeColumn("from", Column.ofInts("From neuron", fromCol))
                .nodeColumn("to", Column.ofInts("To neuron", toCol))
                .nodeColumn("weight", Column.ofDoubles("Weight (signed)", weightCol))
                .graphAttribute(Names.GRAPH_KIND, "line graph")
                .graphAttribute("model", model.modelName())
                .graphAttribute("layers", sizes.toString())
                .graphAttribute("keep_per_layer", keepPerLayer == ALL ? "all" : String.valueOf(keepPerLayer))
                .graphAttribute("kept_weights", keptText.toString())
                .build();
        return g.withGraphAttributes(java.util.Collections.singletonMap("beta_eff_weights", EffectiveCoupling.of(g)));
    }

    /** Indices of the k largest |w| (ties: lower index first), in increasing index order. */
    static int[] largest(double[] w, int k) {
        if (k >= w.length) {
            int[] all = new int[w.length];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(Math.abs(w[y]), Math.abs(w[x]));
            return c != 0 ? c : Integer.compare(x, y);
        });
        int[] top = new int[k];
        for (int i = 0; i < k; i++) top[i] = order[i];
        Arrays.sort(top);
        return top;
    }

    /** How many kept weights (index x = from * nOut + to) end at (byTarget) or start from each neuron. */
    private static int[] countByNeuron(int[] kept, int neurons, boolean byTarget, int nOut) {
        int[] count = new int[neurons];
        for (int x : kept) count[byTarget ? x % nOut : x / nOut]++;
        return count;
    }

    /** Node numbers (firstNode + position in kept) of the kept weights ending at / starting from each neuron. */
    private static int[][] groupByNeuron(int[] kept, int neurons, boolean byTarget, int nOut, int firstNode) {
        int[] count = countByNeuron(kept, neurons, byTarget, nOut);
        int[][] groups = new int[neurons][];
        for (int i = 0; i < neurons; i++) groups[i] = new int[count[i]];
        int[] fill = new int[neurons];
        for (int p = 0; p < kept.length; p++) {
            int neuron = byTarget ? kept[p] % nOut : kept[p] / nOut;
            groups[neuron][fill[neuron]++] = firstNode + p;
        }
        return groups;
    }
}
