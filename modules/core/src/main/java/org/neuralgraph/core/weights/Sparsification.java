package org.neuralgraph.core.weights;

import org.neuralgraph.core.backbone.DisparityFilter;
import org.neuralgraph.core.backbone.ReductionSummary;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which weights become edges. Darnell and Leonard keep every weight; large layers (784-512-512-10 has 668,672 weights)
 * are easier to read in Gephi with only the strongest. The rules:
 * <ul>
 *   <li>{@code none}: every weight is an edge;</li>
 *   <li>{@code percentile:p}: edges whose |w| is at or above the p-th percentile of all |w| (0 <= p < 100);</li>
 *   <li>{@code top-k:k}: an edge is kept when it is among the k largest |w| of its target's incoming edges or
 *       among the k largest of its source's outgoing edges, so every neuron keeps at least min(k, degree) links
 *       (per-neuron top-k, both directions; ties broken by edge order);</li>
 *   <li>{@code disparity:a}: the disparity backbone at significance level a (Serrano, Boguna and Vespignani 2009, Eq. 2;
 *       {@link DisparityFilter}), 0 &lt; a &lt; 1;</li>
 *   <li>{@code auto} or {@code auto:N} (the default, N = {@value #AUTO_EDGES}): every edge while the graph has at most N
 *       weight edges; above, the disparity backbone at level 0.05, or at the first of {@link #AUTO_LEVELS} that keeps at
 *       most N edges (the smallest when none does), so that the graph still opens in Gephi (about a million edges).</li>
 * </ul>
 * Rules see weight edges only: structural edges (skips, attention) are kept whole by the graph builders.
 */
public final class Sparsification {

    private enum Rule { NONE, PERCENTILE, TOP_K, DISPARITY, AUTO }

    /** Weight edges above which {@code auto} reduces: about what Gephi draws usefully. */
    public static final int AUTO_EDGES = 1_000_000;
    /** The levels {@code auto} tries, in order, until the backbone has at most its edge budget. */
    public static final double[] AUTO_LEVELS = {0.05, 0.01, 0.005, 0.001, 5e-4, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-12, 1e-15};

    private final Rule rule;
    private final double parameter;

    private Sparsification(Rule rule, double parameter) {
        this.rule = rule;
        this.parameter = parameter;
    }

    public static Sparsification none() { return new Sparsification(Rule.NONE, 0); }

    public static Sparsification percentile(double p) {
        if (!(p >= 0 && p < 100)) throw new IllegalArgumentException("sparsification percentile must be in [0, 100), got " + p);
        return new Sparsification(Rule.PERCENTILE, p);
    }

    public static Sparsification topK(int k) {
        if (k < 1) throw new IllegalArgumentException("sparsification top-k must be >= 1, got " + k);
        return new Sparsification(Rule.TOP_K, k);
    }

    /** The disparity backbone at significance level {@code alpha} in (0, 1). */
    public static Sparsification disparity(double alpha) {
        return new Sparsification(Rule.DISPARITY, DisparityFilter.at(alpha).alpha());
    }

    /** Every edge up to {@code edges} weight edges, the disparity backbone above. */
    public static Sparsification auto(int edges) {
        if (edges < 1) throw new IllegalArgumentException("sparsification auto:N needs N >= 1 edges, got " + edges);
        return new Sparsification(Rule.AUTO, edges);
    }

    /** Parses {@code none}, {@code percentile:P}, {@code top-k:K}, {@code disparity:A}, {@code auto[:N]}, as {@link #toString()} writes them. */
    public static Sparsification parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("none")) return none();
            if (t.equals("auto")) return auto(AUTO_EDGES);
            if (t.startsWith("auto:")) return auto(Integer.parseInt(t.substring(5)));
            if (t.startsWith("percentile:")) return percentile(Double.parseDouble(t.substring(11)));
            if (t.startsWith("top-k:")) return topK(Integer.parseInt(t.substring(6)));
            if (t.startsWith("disparity:")) return disparity(Double.parseDouble(t.substring(10)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sparsification '" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("sparsification '" + text + "' is not one of none, percentile:P, top-k:K, disparity:A, auto, auto:N");
    }

    /** True for {@code auto}: the rule depends on the graph's size ({@link #resolve}). */
    public boolean isAuto() { return rule == Rule.AUTO; }
    /** True for {@code disparity:a}. */
    public boolean isDisparity() { return rule == Rule.DISPARITY; }
    /** True for {@code none}. */
    public boolean isNone() { return rule == Rule.NONE; }
    /** The significance level of {@code disparity:a}; NaN otherwise. */
    public double alpha() { return rule == Rule.DISPARITY ? parameter : Double.NaN; }
    /** The edge budget of {@code auto:N}; 0 otherwise. */
    public int autoEdges() { return rule == Rule.AUTO ? (int) parameter : 0; }

    /**
     * The rule applied to this graph: itself, except {@code auto}, which becomes {@code none} on at most N weight edges
     * and {@code disparity:a} above, a the first of {@link #AUTO_LEVELS} whose backbone has at most N edges.
     */
    public Sparsification resolve(int[] source, int[] target, double[] absW, int nodes) {
        if (rule != Rule.AUTO) return this;
        if (absW.length <= parameter) return none();
        double[] alpha = DisparityFilter.at(DisparityFilter.DEFAULT_ALPHA).filter(source, target, absW, nodes, true).alpha();
        return disparity(autoLevel(alpha, (int) parameter));
    }

    /** The first of {@link #AUTO_LEVELS} keeping at most {@code budget} of these edge alphas (the last when none does). */
    public static double autoLevel(double[] edgeAlpha, int budget) {
        long[] kept = new long[AUTO_LEVELS.length];
        for (double a : edgeAlpha) countBelow(a, kept);
        return pickLevel(kept, budget);
    }

    /** Adds an edge of alpha {@code a} to the count of every level it is kept at (a &lt; level). */
    public static void countBelow(double a, long[] keptPerLevel) {
        for (int i = 0; i < AUTO_LEVELS.length && a < AUTO_LEVELS[i]; i++) keptPerLevel[i]++;
    }

    /** The first level whose count is within {@code budget}, else the last. */
    public static double pickLevel(long[] keptPerLevel, long budget) {
        for (int i = 0; i < AUTO_LEVELS.length; i++) if (keptPerLevel[i] <= budget) return AUTO_LEVELS[i];
        return AUTO_LEVELS[AUTO_LEVELS.length - 1];
    }

    /**
     * One line saying what this (applied) rule did, for logs, graph attributes and reports, e.g. "reduced by the disparity
     * filter (Serrano et al. 2009) at alpha 0.05: 812,345 of 4,000,000 weight edges (20.3 %), 61.2 % of total |w|, 10,200 of
     * 10,210 nodes kept; auto: the graph has over 1000000 weight edges, '--sparsify none' keeps every edge".
     */
    public String describe(Sparsification requested, ReductionSummary summary) {
        String counts = String.format(Locale.ROOT, "%,d of %,d weight edges (%s %%), %s %% of total |w|, %,d of %,d nodes kept",
                summary.edgesKept(), summary.edges(), percent(summary.edgesKept(), summary.edges()),
                percent(summary.weightKept(), summary.weight()), summary.nodesKept(), summary.nodes());
        String what;
        switch (rule) {
            case DISPARITY: what = "reduced by the disparity filter (Serrano, Boguna and Vespignani 2009) at alpha " + parameter; break;
            case TOP_K: what = "reduced to each neuron's top " + (int) parameter + " |w| in and out"; break;
            case PERCENTILE: what = "reduced to |w| at or above the " + toString().substring(11) + "th percentile"; break;
            default: what = "not reduced";
        }
        String why = !requested.isAuto() ? ""
                : rule == Rule.NONE ? String.format(Locale.ROOT, "; auto: at most %,d weight edges", requested.autoEdges())
                : String.format(Locale.ROOT, "; auto: the graph has over %,d weight edges, '--sparsify none' keeps every edge", requested.autoEdges());
        return what + ": " + counts + why;
    }

    /** 100 a / b with one decimal, or two significant digits below 0.1 (a backbone of 97 of 70 million edges). */
    private static String percent(double a, double b) {
        double p = b == 0 ? 100 : 100 * a / b;
        return p == 0 || p >= 0.1 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.2g", p);
    }

    @Override
    public String toString() {
        switch (rule) {
            case PERCENTILE: return "percentile:" + (parameter == Math.rint(parameter) ? String.valueOf((long) parameter) : String.valueOf(parameter));
            case TOP_K: return "top-k:" + (int) parameter;
            case DISPARITY: return "disparity:" + parameter;
            case AUTO: return parameter == AUTO_EDGES ? "auto" : "auto:" + (int) parameter;
            default: return "none";
        }
    }

    /**
     * Decides which edges to keep.
     *
     * @param source   edge sources
     * @param target   edge targets
     * @param absW     |w| of each edge
     * @param nodes    number of nodes
     * @return keep[e]
     */
    public boolean[] keep(int[] source, int[] target, double[] absW, int nodes) {
        int m = absW.length;
        boolean[] keep = new boolean[m];
        if (rule == Rule.NONE) {
            Arrays.fill(keep, true);
        } else if (rule == Rule.AUTO) {
            return resolve(source, target, absW, nodes).keep(source, target, absW, nodes);
        } else if (rule == Rule.DISPARITY) {
            return DisparityFilter.at(parameter).filter(source, target, absW, nodes, true).keep();
        } else if (rule == Rule.PERCENTILE) {
            double threshold = percentileOf(absW, parameter);
            for (int e = 0; e < m; e++) keep[e] = absW[e] >= threshold;
        } else {
            markTopK(target, absW, nodes, (int) parameter, keep);
            markTopK(source, absW, nodes, (int) parameter, keep);
        }
        return keep;
    }

    /** Lower-interpolated p-th percentile: the value at rank floor(p/100 * (m-1)) of the sorted values. */
    static double percentileOf(double[] values, double p) {
        if (values.length == 0) return 0;
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(p / 100.0 * (s.length - 1))];
    }

    /** Marks, for each node, the k heaviest edges among those whose {@code end[e]} is that node. */
    private static void markTopK(int[] end, double[] absW, int nodes, int k, boolean[] keep) {
        int m = absW.length;
        int[] start = new int[nodes + 1];
        for (int e = 0; e < m; e++) start[end[e] + 1]++;
        for (int v = 0; v < nodes; v++) start[v + 1] += start[v];
        int[] order = new int[m];
        int[] fill = Arrays.copyOf(start, nodes);
        for (int e = 0; e < m; e++) order[fill[end[e]]++] = e;
        for (int v = 0; v < nodes; v++) {
            int from = start[v], to = start[v + 1];
            if (to - from <= k) {
                for (int i = from; i < to; i++) keep[order[i]] = true;
                continue;
            }
            Integer[] edges = new Integer[to - from];
            for (int i = from; i < to; i++) edges[i - from] = order[i];
            Arrays.sort(edges, (a, b) -> Double.compare(absW[b], absW[a]));
            for (int i = 0; i < k; i++) keep[edges[i]] = true;
        }
    }
}
