package org.neuralgraph.core.weights;

import java.util.Arrays;

/**
 * Which weights become edges. Darnell and Leonard keep every weight; large layers (784-512-512-10 has 668,672 weights)
 * are easier to read in Gephi with only the strongest. Three rules:
 * <ul>
 *   <li>{@code none}: every weight is an edge;</li>
 *   <li>{@code percentile:p}: edges whose |w| is at or above the p-th percentile of all |w| (0 <= p < 100);</li>
 *   <li>{@code top-k:k}: an edge is kept when it is among the k largest |w| of its target's incoming edges or
 *       among the k largest of its source's outgoing edges, so every neuron keeps at least min(k, degree) links.</li>
 * </ul>
 */
public final class Sparsification {

    private enum Rule { NONE, PERCENTILE, TOP_K }

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

    /** Parses {@code none}, {@code percentile:P} or {@code top-k:K}, as {@link #toString()} writes them. */
    public static Sparsification parse(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.equals("none")) return none();
            if (t.startsWith("percentile:")) return percentile(Double.parseDouble(t.substring(11)));
            if (t.startsWith("top-k:")) return topK(Integer.parseInt(t.substring(6)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sparsification '" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("sparsification '" + text + "' is not one of none, percentile:P, top-k:K");
    }

    @Override
    public String toString() {
        switch (rule) {
            case PERCENTILE: return "percentile:" + (parameter == Math.rint(parameter) ? String.valueOf((long) parameter) : String.valueOf(parameter));
            case TOP_K: return "top-k:" + (int) parameter;
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
