package org.neuralgraph.core.dag;

import org.neuralgraph.core.backbone.DisparityFilter;
import org.neuralgraph.core.backbone.ReductionSummary;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The weight graph of a {@link NetworkDag} analysed as a stream, for models too large to hold as a graph: its edges are
 * generated from the layers' weight arrays (the same edges in the same order as {@link DagWeightGraph}), pass after
 * pass, and never stored; only the edges a reduction keeps are. Memory is the model's weights plus O(nodes) plus the
 * kept edges (25 bytes each), against about 60 bytes per edge for the in-memory graph and Gephi's far more.
 *
 * <p>Pass 1: every node's in- and out-degree and strength over the weight edges (the first pass of the disparity filter,
 * {@link DisparityFilter.Strengths}) and each layer's moments and |w| range ({@link LayerWeightStatistics}); pass 2:
 * each layer's |w| histogram and, for {@code auto}, how many edges each level of {@link Sparsification#AUTO_LEVELS}
 * would keep; pass 3: the disparity test of every weight edge (Serrano, Boguna and Vespignani 2009, Eq. 2), the kept
 * edges and the {@link ReductionSummary}. Structural edges (skip, attention) are kept whole and count in no degree.
 *
 * <p>Takes {@code none}, {@code disparity:A} and {@code auto[:N]}; {@code top-k} and {@code percentile} sort edges and
 * are refused. Neuron and channel granularity (block graphs are small: build them in memory).
 */
public final class WeightStream {

    /** Bins of each layer's |w| histogram: quantiles are exact to (max - min) / BINS. */
    public static final int BINS = 4096;

    private WeightStream() { }

    /** What the stream gave. */
    public static final class Result {
        private final DagWeightGraph.Nodes nodes;
        private final List<DagLayer> layers;
        private final DisparityFilter.Strengths strengths;
        private final List<LayerWeightStatistics> layerStatistics;
        private final ReductionSummary summary;
        private final Sparsification applied;
        private final String reduction;
        private final long weightEdges, structuralEdges;
        private final NeuralGraph backbone;

        Result(DagWeightGraph.Nodes nodes, List<DagLayer> layers, DisparityFilter.Strengths strengths, List<LayerWeightStatistics> stats,
               ReductionSummary summary, Sparsification applied, String reduction, long weightEdges, long structuralEdges, NeuralGraph backbone) {
            this.nodes = nodes;
            this.layers = layers;
            this.strengths = strengths;
            this.layerStatistics = Collections.unmodifiableList(stats);
            this.summary = summary;
            this.applied = applied;
            this.reduction = reduction;
            this.weightEdges = weightEdges;
            this.structuralEdges = structuralEdges;
            this.backbone = backbone;
        }

        public int nodeCount() { return nodes.count; }
        /** Node {@code v}'s id, as the graph names it ({@code L<k>N<u>}). */
        public String nodeId(int v) { return backbone.nodeId(v); }
        /** The name of node {@code v}'s layer. */
        public String layerName(int v) { return layers.get(nodes.nodeLayer[v]).name(); }
        /** Degrees and strengths of every node over all weight edges (before reduction). */
        public DisparityFilter.Strengths strengths() { return strengths; }
        /** One entry per layer with weight edges, in the DAG's order. */
        public List<LayerWeightStatistics> layerStatistics() { return layerStatistics; }
        public ReductionSummary summary() { return summary; }
        /** The rule applied ({@code auto} resolved). */
        public Sparsification applied() { return applied; }
        /** One line: what the reduction kept and why. */
        public String reduction() { return reduction; }
        public long weightEdges() { return weightEdges; }
        public long structuralEdges() { return structuralEdges; }
        /** The reduced graph: every node, the kept weight edges and every structural edge, with the in-memory graph's columns. */
        public NeuralGraph backbone() { return backbone; }
    }

    /** Streams the weight graph of {@code dag} and reduces it by {@code sparsification}. */
    public static Result analyse(NetworkDag dag, Granularity granularity, KernelNorm norm, Sparsification sparsification,
                                 ProgressMonitor monitor) {
        if (granularity == Granularity.BLOCK) throw new IllegalArgumentException("--granularity block is not streamed (its graph is small: drop --stream)");
        if (!(sparsification.isAuto() || sparsification.isNone() || sparsification.isDisparity())) {
            throw new IllegalArgumentException("--sparsify " + sparsification + " is not streamed (it sorts each neuron's edges); with --stream use auto, none or disparity:A");
        }
        List<DagLayer> layers = dag.layers();
        DagWeightGraph.checkGranularity(layers, granularity);
        DagWeightGraph.Nodes n = new DagWeightGraph.Nodes(layers);
        int[] nodeLayer = n.nodeLayer;
        DisparityFilter.Strengths strengths = new DisparityFilter.Strengths(n.count, true);
        LayerWeightStatistics[] stats = new LayerWeightStatistics[layers.size()];
        long[] counts = new long[2];

        // pass 1: degrees, strengths, moments
        pass(layers, n, norm, monitor, "pass 1 of 3: degrees, strengths, weight statistics", (u, v, w, value, kind) -> {
            if (kind != 0) { counts[1]++; return; }
            counts[0]++;
            strengths.add(u, v, w);
            int l = nodeLayer[v];
            LayerWeightStatistics s = stats[l];
            if (s == null) s = stats[l] = new LayerWeightStatistics(layers.get(l).name(), BINS);
            s.first(value, w);
        });
        // pass 2: histograms and, for auto, the level
        long[] perLevel = new long[Sparsification.AUTO_LEVELS.length];
        boolean levels = sparsification.isAuto() && counts[0] > sparsification.autoEdges();
        pass(layers, n, norm, monitor, "pass 2 of 3: |w| histograms" + (levels ? ", backbone sizes per alpha" : ""), (u, v, w, value, kind) -> {
            if (kind != 0) return;
            stats[nodeLayer[v]].second(w);
            if (levels) Sparsification.countBelow(strengths.alpha(u, v, w), perLevel);
        });
        Sparsification applied = !sparsification.isAuto() ? sparsification
                : levels ? Sparsification.disparity(Sparsification.pickLevel(perLevel, sparsification.autoEdges())) : Sparsification.none();
        DisparityFilter filter = applied.isDisparity() ? DisparityFilter.at(applied.alpha()) : null;

        // pass 3: the backbone
        String[] layerNames = new String[layers.size()];
        for (int l = 0; l < layerNames.length; l++) layerNames[l] = layers.get(l).name();
        ReductionSummary.Builder summary = new ReductionSummary.Builder(nodeLayer, layerNames);
        DagWeightGraph.Edges kept = new DagWeightGraph.Edges(1024);
        pass(layers, n, norm, monitor, "pass 3 of 3: " + (filter == null ? "every edge" : "disparity filter at alpha " + applied.alpha()), (u, v, w, value, kind) -> {
            if (kind != 0) {
                summary.structuralEdge(u, v);
                kept.add(u, v, w, value, kind);
                return;
            }
            boolean keep = filter == null || filter.keeps(strengths.alpha(u, v, w));
            summary.weightEdge(u, v, w, keep);
            if (keep) kept.add(u, v, w, value, kind);
        });
        ReductionSummary reduction = summary.build();
        String line = applied.describe(sparsification, reduction);
        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        b.graphAttribute("sparsification", applied.toString())
                .graphAttribute(WeightGraph.REDUCTION, line)
                .graphAttribute(WeightGraph.REDUCTION_SUMMARY, reduction.toJson())
                .graphAttribute("streamed", true);
        DagWeightGraph.unitsGraph(dag, kept, null, kept.n, n, b);
        NeuralGraph backbone = DagWeightGraph.attributes(dag, granularity, norm, b);
        List<LayerWeightStatistics> listed = new ArrayList<>();
        for (LayerWeightStatistics s : stats) if (s != null) listed.add(s);
        return new Result(n, layers, strengths, listed, reduction, applied, line, counts[0], counts[1], backbone);
    }

    private static void pass(List<DagLayer> layers, DagWeightGraph.Nodes n, KernelNorm norm, ProgressMonitor monitor, String phase,
                             DagWeightGraph.EdgeSink sink) {
        monitor.start(phase, layers.size());
        for (int l = 0; l < layers.size(); l++) {
            monitor.checkCancelled();
            DagWeightGraph.addEdges(layers, l, n.nodeOf, norm, sink);
            monitor.progress(l + 1, layers.get(l).name());
        }
    }
}
