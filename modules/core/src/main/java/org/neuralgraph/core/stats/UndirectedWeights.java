package org.neuralgraph.core.stats;

import org.neuralgraph.core.graph.NeuralGraph;

/**
 * A graph's weights as an undirected, weighted adjacency in compressed rows, the form the modularity measures
 * of Mostafa and Mondal (Section 3.2, Eq. 2-4) are defined on. Directed edges are treated as undirected: an edge u->v of
 * weight w adds w to A_uv and to A_vu; edges in both directions add up. A self-loop of weight w adds 2w to A_vv
 * and to the node's strength, as in networkx. {@code k_v} is the strength (weighted degree) and
 * {@code 2m = sum_v k_v}.
 */
public final class UndirectedWeights {

    final int n;
    final int[] start;     // neighbours of v are adj[start[v] .. start[v+1])
    final int[] adj;
    final double[] weight;
    final double[] strength;
    final double twoM;

    private UndirectedWeights(int n, int[] start, int[] adj, double[] weight, double[] strength, double twoM) {
        this.n = n;
        this.start = start;
        this.adj = adj;
        this.weight = weight;
        this.strength = strength;
        this.twoM = twoM;
    }

    /** From edge arrays; weights must be finite and >= 0. */
    public static UndirectedWeights of(int n, int[] src, int[] dst, double[] w) {
        int m = src.length;
        int[] deg = new int[n + 1];
        for (int e = 0; e < m; e++) {
            if (!(w[e] >= 0) || Double.isInfinite(w[e])) throw new IllegalArgumentException("edge " + e + " has weight " + w[e] + "; weights must be finite and >= 0");
            deg[src[e] + 1]++;
            if (src[e] != dst[e]) deg[dst[e] + 1]++;
        }
        for (int v = 0; v < n; v++) deg[v + 1] += deg[v];
        int[] fill = java.util.Arrays.copyOf(deg, n);
        int[] adj = new int[deg[n]];
        double[] aw = new double[deg[n]];
        double[] k = new double[n];
        double twoM = 0;
        for (int e = 0; e < m; e++) {
            int u = src[e], v = dst[e];
            if (u == v) {
                adj[fill[u]] = v; aw[fill[u]++] = 2 * w[e];
            } else {
                adj[fill[u]] = v; aw[fill[u]++] = w[e];
                adj[fill[v]] = u; aw[fill[v]++] = w[e];
            }
            k[u] += w[e];
            k[v] += w[e];
            twoM += 2 * w[e];
        }
        return new UndirectedWeights(n, deg, adj, aw, k, twoM);
    }

    public static UndirectedWeights of(NeuralGraph g) {
        return of(g.nodeCount(), g.sources(), g.targets(), g.weights());
    }

    public int nodeCount() { return n; }
    /** Strength k_v. */
    public double strength(int v) { return strength[v]; }
    /** 2m, the sum of all strengths. */
    public double twoM() { return twoM; }

    void requirePositiveWeight(String measure) {
        if (!(twoM > 0)) throw new IllegalArgumentException(measure + ": the graph has zero total edge weight, so modularity is undefined");
    }
}
