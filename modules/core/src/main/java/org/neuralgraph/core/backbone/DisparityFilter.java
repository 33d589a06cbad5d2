package org.neuralgraph.core.backbone;

/**
 * The disparity filter of Serrano, Boguñá and Vespignani, "Extracting the multiscale backbone of complex weighted
 * networks", PNAS 106 (2009) 6483-6488: the backbone of a weighted graph is the set of edges whose weight is
 * significantly larger than a uniform share of its node's strength would give, at significance level {@code alpha}.
 *
 * <p><b>Formula.</b> For node i with k_i edges and strength s_i = sum_j w_ij, the normalised weight of edge (i, j) is
 * p_ij = w_ij / s_i. Under the null hypothesis that i's strength is spread uniformly at random over its k_i edges,
 * the probability that one edge gets p_ij or more is (Eq. 1 integrated exactly; Eq. 2)
 * <pre>
 *   alpha_ij = 1 - (k_i - 1) * integral_0^{p_ij} (1 - x)^(k_i - 2) dx = (1 - p_ij)^(k_i - 1)
 * </pre>
 * computed as {@code Math.pow(1.0 - p, k - 1)} in double precision, with s_i the double sum of the |w| of i's edges
 * (float weights are widened to double before summing) and p = w / s_i. An edge is kept when it is significant at
 * <em>either</em> end: min(alpha_ij at i, alpha_ij at j) &lt; alpha (strict; an edge whose alpha equals the level is
 * removed). The per-edge alpha this class reports is that minimum, so {@code keep[e] == alpha[e] < level}.
 *
 * <p><b>Directed graphs</b> (the paper's section on directed networks): an edge u -> v is judged at its source among
 * u's outgoing edges (out-degree k_out(u), out-strength s_out(u)) and at its target among v's incoming edges (in-degree
 * k_in(v), in-strength s_in(v)), and kept when significant at either. <b>Undirected graphs</b>: both ends use the
 * node's total degree and strength. Self-loops are counted like any other edge at each end.
 *
 * <p><b>Degree 1.</b> At an end where the edge is the node's only edge (k = 1; the formula is 0^0) the edge carries all
 * of the node's strength and the test cannot tell it from chance: that end gives alpha = 1 (never significant), so the
 * edge is judged at its other end only, as the paper's footnote proposes. An edge whose two ends both have degree 1 is
 * removed. <b>Zero strength</b>: a node whose edges all weigh 0 gives alpha = 1 to each of them. <b>Ties</b>: alpha
 * depends on the weight, the degree and the strength only, so equal weights at a node get equal alphas and are kept or
 * removed together; there is no order-dependent tie-breaking, and the result does not depend on the edge order (up to
 * the last bits of the strength's floating-point sum).
 *
 * <p><b>Weights</b> must be finite and non-negative (pass |w| of signed network weights). Structural edges that carry no
 * trained weight (residual skips, attention links) are not passed at all: callers keep them whole, and they count
 * neither in degrees nor in strengths.
 *
 * <p>Memory: O(nodes) doubles and ints beside the caller's edge arrays; {@link Strengths} lets a caller whose edges
 * live in several arrays (one per layer) accumulate in one pass and test each edge in a second, never holding more.
 */
public final class DisparityFilter {

    /** The significance level Serrano et al. use in their examples and the default here. */
    public static final double DEFAULT_ALPHA = 0.05;

    private final double alpha;

    private DisparityFilter(double alpha) {
        this.alpha = alpha;
    }

    /** A filter at significance level {@code alpha}, 0 &lt; alpha &lt; 1. */
    public static DisparityFilter at(double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("disparity alpha must be in (0, 1), got " + alpha);
        return new DisparityFilter(alpha);
    }

    /** The significance level. */
    public double alpha() { return alpha; }

    /** The kept edges and every edge's alpha (the smaller of its two ends'). */
    public static final class Backbone {
        private final boolean[] keep;
        private final double[] alpha;
        private final int kept;

        Backbone(boolean[] keep, double[] alpha, int kept) {
            this.keep = keep;
            this.alpha = alpha;
            this.kept = kept;
        }

        /** keep[e] is true when edge e is in the backbone. */
        public boolean[] keep() { return keep; }
        /** alpha[e] = min over e's two ends of (1 - p)^(k - 1); 1 where neither end can judge it. */
        public double[] alpha() { return alpha; }
        /** Number of kept edges. */
        public int kept() { return kept; }
    }

    /** The backbone of the graph with edges {@code src[e] -> dst[e]} of weight {@code w[e]} over {@code nodes} nodes. */
    public Backbone filter(int[] src, int[] dst, float[] w, int nodes, boolean directed) {
        check(src, dst, w.length);
        Strengths s = new Strengths(nodes, directed);
        for (int e = 0; e < w.length; e++) s.add(src[e], dst[e], w[e]);
        boolean[] keep = new boolean[w.length];
        double[] a = new double[w.length];
        int kept = 0;
        for (int e = 0; e < w.length; e++) {
            a[e] = s.alpha(src[e], dst[e], w[e]);
            if (a[e] < alpha) { keep[e] = true; kept++; }
        }
        return new Backbone(keep, a, kept);
    }

    /** The backbone of the graph with edges {@code src[e] -> dst[e]} of weight {@code w[e]} over {@code nodes} nodes. */
    public Backbone filter(int[] src, int[] dst, double[] w, int nodes, boolean directed) {
        check(src, dst, w.length);
        Strengths s = new Strengths(nodes, directed);
        for (int e = 0; e < w.length; e++) s.add(src[e], dst[e], w[e]);
        boolean[] keep = new boolean[w.length];
        double[] a = new double[w.length];
        int kept = 0;
        for (int e = 0; e < w.length; e++) {
            a[e] = s.alpha(src[e], dst[e], w[e]);
            if (a[e] < alpha) { keep[e] = true; kept++; }
        }
        return new Backbone(keep, a, kept);
    }

    /** Whether an edge of alpha {@code edgeAlpha} (from {@link Strengths#alpha}) is kept at this level. */
    public boolean keeps(double edgeAlpha) { return edgeAlpha < alpha; }

    private static void check(int[] src, int[] dst, int m) {
        if (src.length != m || dst.length != m) {
            throw new IllegalArgumentException("disparity filter: " + src.length + " sources, " + dst.length + " targets, " + m + " weights");
        }
    }

    /**
     * Degrees and strengths of every node, the first pass of the filter; {@link #alpha} is the second. For a directed
     * graph out- and in- sides are kept apart; for an undirected one both ends of an edge add to the same totals.
     */
    public static final class Strengths {
        private final boolean directed;
        private final int[] outDegree, inDegree;
        private final double[] outStrength, inStrength;

        public Strengths(int nodes, boolean directed) {
            if (nodes < 0) throw new IllegalArgumentException("disparity filter: negative node count " + nodes);
            this.directed = directed;
            outDegree = new int[nodes];
            outStrength = new double[nodes];
            if (directed) {
                inDegree = new int[nodes];
                inStrength = new double[nodes];
            } else {
                inDegree = outDegree;
                inStrength = outStrength;
            }
        }

        /** Adds edge {@code u -> v} of weight {@code w} (finite, non-negative). */
        public void add(int u, int v, double w) {
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("disparity filter: edge " + u + " -> " + v + " has weight " + w + " (needs finite |w| >= 0)");
            }
            outDegree[u]++;
            outStrength[u] += w;
            inDegree[v]++;
            inStrength[v] += w;
        }

        /** The alpha of edge {@code u -> v} of weight {@code w}: the smaller of its source's and its target's. */
        public double alpha(int u, int v, double w) {
            return Math.min(end(outDegree[u], outStrength[u], w), end(inDegree[v], inStrength[v], w));
        }

        /** (1 - w/s)^(k - 1) at one end; 1 when k &lt;= 1 or s = 0 (the end cannot judge the edge). */
        static double end(int k, double s, double w) {
            if (k <= 1 || s <= 0) return 1.0;
            double p = w / s;
            return Math.pow(1.0 - p, k - 1);
        }

        public boolean directed() { return directed; }
        /** Out-degree (total degree when undirected). */
        public int outDegree(int v) { return outDegree[v]; }
        public int inDegree(int v) { return inDegree[v]; }
        /** Out-strength (total strength when undirected). */
        public double outStrength(int v) { return outStrength[v]; }
        public double inStrength(int v) { return inStrength[v]; }
    }
}
