package org.neuralgraph.core.stats;

/**
 * Modularity of an overlapping cover (Mostafa and Mondal, Section 3.2). {@code cover[v]} lists the communities of node v
 * (empty: in no community, adding to no term). With m the total weight and k_v strengths:
 * <ul>
 *   <li>{@link #shen}: Shen et al.'s unweighted overlapping modularity, Eq. 3: each pair v, w inside each community
 *       they share counts (A_vw - k_v k_w / 2m) / (O_v O_w), O_v the number of v's communities; A is 0/1 and k the
 *       plain degree (weights are ignored, as the equation is for unweighted graphs);</li>
 *   <li>{@link #chen}: Chen et al.'s weighted overlapping modularity, Eq. 4: within each community c the pair counts
 *       (A_vw - k_v k_w / 2m) alpha_cv alpha_cw with the belonging coefficient alpha_cv = k_cv / sum_{c' of v} k_c'v
 *       and k_cv = sum_{p in c} W_vp. A node whose weight into its own communities is zero gets equal belonging
 *       1/O_v (the equation is 0/0 there).</li>
 * </ul>
 * On a partition both reduce to Newman's modularity (Eq. 2). Directed edges count as undirected; self-loops as in
 * {@link UndirectedWeights}. The sums run over communities, so the cost is O(sum of degrees times memberships).
 */
public final class OverlappingModularity {

    private OverlappingModularity() { }

    /** Shen et al., Eq. 3 (unweighted). */
    public static double shen(UndirectedWeights g, int[][] cover) {
        UndirectedWeights unweighted = binary(g);
        unweighted.requirePositiveWeight("Shen's overlapping modularity");
        double[][] coef = new double[g.n][];
        for (int v = 0; v < g.n; v++) {
            check(cover, v, g.n);
            coef[v] = new double[cover[v].length];
            java.util.Arrays.fill(coef[v], cover[v].length == 0 ? 0 : 1.0 / cover[v].length);
        }
        return sum(unweighted, cover, coef);
    }

    /** Chen et al., Eq. 4 (weighted, belonging coefficients). */
    public static double chen(UndirectedWeights g, int[][] cover) {
        g.requirePositiveWeight("Chen's weighted overlapping modularity");
        return sum(g, cover, belonging(g, cover));
    }

    /** alpha_cv for each node v and each of its communities, in the order of {@code cover[v]}. */
    public static double[][] belonging(UndirectedWeights g, int[][] cover) {
        double[][] alpha = new double[g.n][];
        for (int v = 0; v < g.n; v++) {
            check(cover, v, g.n);
            int[] cs = cover[v];
            double[] k = new double[cs.length];
            for (int i = g.start[v]; i < g.start[v + 1]; i++) {
                int[] cp = cover[g.adj[i]];
                for (int a = 0; a < cs.length; a++) if (contains(cp, cs[a])) k[a] += g.weight[i];
            }
            double total = 0;
            for (double x : k) total += x;
            alpha[v] = new double[cs.length];
            for (int a = 0; a < cs.length; a++) alpha[v][a] = total > 0 ? k[a] / total : 1.0 / cs.length;
        }
        return alpha;
    }

    /**
     * (1/2m) sum_c [ sum_{v,w in c} A_vw b_cv b_cw - (sum_{v in c} k_v b_cv)^2 / 2m ], one community at a time
     * over a dense coefficient vector (zero outside c), so the inner loop is a plain pass over the adjacency.
     */
    private static double sum(UndirectedWeights g, int[][] cover, double[][] b) {
        int communities = 0;
        for (int[] cs : cover) for (int c : cs) communities = Math.max(communities, c + 1);
        java.util.List<java.util.List<Integer>> members = new java.util.ArrayList<>();
        for (int c = 0; c < communities; c++) members.add(new java.util.ArrayList<>());
        for (int v = 0; v < g.n; v++) for (int c : cover[v]) members.get(c).add(v);
        double[] coef = new double[g.n];
        double q = 0;
        for (int c = 0; c < communities; c++) {
            java.util.List<Integer> in = members.get(c);
            if (in.isEmpty()) continue;
            for (int v : in) coef[v] = b[v][indexOf(cover[v], c)];
            double inside = 0, degree = 0;
            for (int v : in) {
                double bv = coef[v];
                degree += g.strength[v] * bv;
                double row = 0;
                for (int i = g.start[v], end = g.start[v + 1]; i < end; i++) row += g.weight[i] * coef[g.adj[i]];
                inside += bv * row;
            }
            q += inside - degree * degree / g.twoM;
            for (int v : in) coef[v] = 0;
        }
        return q / g.twoM;
    }

    /** The same graph with every connected pair (and self-loop) of weight 1: Eq. 3's 0/1 adjacency. */
    private static UndirectedWeights binary(UndirectedWeights g) {
        java.util.Set<Long> pairs = new java.util.LinkedHashSet<>();
        for (int v = 0; v < g.n; v++) {
            for (int i = g.start[v]; i < g.start[v + 1]; i++) {
                int u = g.adj[i];
                if (u >= v) pairs.add((long) v * g.n + u);
            }
        }
        int[] src = new int[pairs.size()], dst = new int[pairs.size()];
        double[] w = new double[pairs.size()];
        int e = 0;
        for (long p : pairs) {
            src[e] = (int) (p / g.n);
            dst[e] = (int) (p % g.n);
            w[e++] = 1;
        }
        return UndirectedWeights.of(g.n, src, dst, w);
    }

    private static void check(int[][] cover, int v, int n) {
        if (cover.length != n) throw new IllegalArgumentException("cover has " + cover.length + " entries for " + n + " nodes");
        for (int c : cover[v]) if (c < 0) throw new IllegalArgumentException("node " + v + " has a negative community " + c);
    }

    private static boolean contains(int[] a, int x) {
        return indexOf(a, x) >= 0;
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) if (a[i] == x) return i;
        return -1;
    }
}
