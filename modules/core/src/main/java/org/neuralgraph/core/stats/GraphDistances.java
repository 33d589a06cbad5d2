package org.neuralgraph.core.stats;

import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shortest-path figures of an unweighted graph, as Gephi's GraphDistance statistic defines them: a breadth-first search from
 * every node (following edge direction on a directed graph), Brandes' (2001) accumulation for betweenness; diameter =
 * the longest finite shortest path, radius = the smallest eccentricity (0 when a node reaches nothing), average path length
 * = the mean over ordered pairs (s, t), s ≠ t, with t reachable from s (unreachable pairs are left out, so a disconnected
 * graph has one); per node: eccentricity, closeness = reachable / Σ d, harmonic closeness = Σ (1/d) / reachable,
 * betweenness (halved on an undirected graph, not normalised). Edge weights play no part, as in Gephi.
 *
 * <p>The searches run in parallel, one source per task on a fixed pool of threads over adjacency in compressed int
 * arrays.
 *
 * <p><b>Layers.</b> A feed-forward weight graph whose every edge runs from layer l to l+1 and whose consecutive layers are
 * completely connected (each node of layer l to each node of l+1: a dense network, no sparsification) has its
 * distances in closed form: every node of a later layer b is reachable from a node of layer a, at distance b − a; a shortest
 * path from layer a to layer b passes through exactly one node of each layer between, each of the n_l nodes of layer l
 * on 1/n_l of the paths, so betweenness(v in layer l) = Σ_{a<l<b} n_a n_b / n_l. {@link #of} uses it only when both
 * conditions are checked on the edges (else the searches run); the figures are the searches' own.
 */
public final class GraphDistances {

    public final double diameter;
    public final double radius;
    public final double averagePathLength;
    /** Ordered pairs (s, t), s ≠ t, t reachable from s. */
    public final long reachablePairs;
    public final double[] eccentricity;
    public final double[] closeness;
    public final double[] harmonicCloseness;
    public final double[] betweenness;
    /** Whether the layered closed form gave the figures. */
    public final boolean fromLayers;

    private GraphDistances(double diameter, double radius, double sumDistances, long reachablePairs, double[] eccentricity,
                           double[] closeness, double[] harmonicCloseness, double[] betweenness, boolean fromLayers) {
        this.diameter = diameter;
        this.radius = radius;
        this.averagePathLength = sumDistances / reachablePairs; // NaN with no pair, as Gephi's 0/0
        this.reachablePairs = reachablePairs;
        this.eccentricity = eccentricity;
        this.closeness = closeness;
        this.harmonicCloseness = harmonicCloseness;
        this.betweenness = betweenness;
        this.fromLayers = fromLayers;
    }

    /**
     * @param layer each node's layer (0 = inputs), or null; with layers the closed form is tried first
     * @param threads worker threads (>= 1)
     */
    public static GraphDistances of(int n, int[] src, int[] dst, boolean directed, int[] layer, int threads, ProgressMonitor monitor) {
        if (src.length != dst.length) throw new IllegalArgumentException("edge arrays differ in length");
        for (int e = 0; e < src.length; e++) {
            if (src[e] < 0 || src[e] >= n || dst[e] < 0 || dst[e] >= n) throw new IllegalArgumentException("edge " + e + " names a node that does not exist");
        }
        if (directed && layer != null) {
            GraphDistances d = fromLayers(n, src, dst, layer);
            if (d != null) return d;
        }
        return bySearch(n, src, dst, directed, threads, monitor);
    }

    /** The closed form of a completely connected layered graph, or null when the graph is not one. */
    static GraphDistances fromLayers(int n, int[] src, int[] dst, int[] layer) {
        if (layer.length != n || n == 0) return null;
        int layers = 0;
        for (int l : layer) {
            if (l < 0) return null;
            layers = Math.max(layers, l + 1);
        }
        long[] size = new long[layers];
        for (int l : layer) size[l]++;
        for (long s : size) if (s == 0) return null;
        // every edge from l to l+1, no parallel edge, and as many edges between l and l+1 as n_l * n_{l+1}
        long[] between = new long[layers];
        int[] outStart = new int[n + 1];
        for (int e = 0; e < src.length; e++) {
            if (layer[dst[e]] != layer[src[e]] + 1) return null;
            between[layer[src[e]]]++;
            outStart[src[e] + 1]++;
        }
        for (int l = 0; l + 1 < layers; l++) if (between[l] != size[l] * size[l + 1]) return null;
        for (int v = 0; v < n; v++) outStart[v + 1] += outStart[v];
        int[] fill = java.util.Arrays.copyOf(outStart, n);
        int[] out = new int[src.length];
        for (int e = 0; e < src.length; e++) out[fill[src[e]]++] = dst[e];
        int[] seen = new int[n];
        java.util.Arrays.fill(seen, -1);
        for (int v = 0; v < n; v++) {
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                if (seen[out[i]] == v) return null; // a parallel edge: then some pair is missing
                seen[out[i]] = v;
            }
        }
        // per layer a: reachable nodes, Σ d, Σ 1/d, eccentricity
        double[] reach = new double[layers], sumD = new double[layers], sumInv = new double[layers], ecc = new double[layers];
        for (int a = 0; a < layers; a++) {
            for (int b = a + 1; b < layers; b++) {
                reach[a] += size[b];
                sumD[a] += (double) (b - a) * size[b];
                sumInv[a] += (double) size[b] / (b - a);
            }
            ecc[a] = a + 1 < layers ? layers - 1 - a : 0;
        }
        double[] betweenLayer = new double[layers];
        for (int l = 0; l < layers; l++) {
            double before = 0, after = 0;
            for (int a = 0; a < l; a++) before += size[a];
            for (int b = l + 1; b < layers; b++) after += size[b];
            betweenLayer[l] = before * after / size[l];
        }
        double[] e = new double[n], c = new double[n], h = new double[n], bw = new double[n];
        double total = 0;
        long pairs = 0;
        for (int v = 0; v < n; v++) {
            int a = layer[v];
            e[v] = ecc[a];
            c[v] = reach[a] == 0 ? 0 : reach[a] / sumD[a];
            h[v] = reach[a] == 0 ? 0 : sumInv[a] / reach[a];
            bw[v] = betweenLayer[a];
            total += sumD[a];
            pairs += (long) reach[a];
        }
        return new GraphDistances(layers > 1 ? layers - 1 : 0, 0, total, pairs, e, c, h, bw, true);
    }

    /** Breadth-first searches from every node on {@code threads} threads. */
    static GraphDistances bySearch(int n, int[] src, int[] dst, boolean directed, int threads, ProgressMonitor monitor) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        // out-adjacency (both directions when undirected); in-adjacency for Brandes' backward pass
        int[][] out = adjacency(n, src, dst, directed, false);
        int[][] in = directed ? adjacency(n, src, dst, true, true) : out;
        double[] e = new double[n], c = new double[n], h = new double[n];
        AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        monitor.start("distances", n);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neuralgraph-distances");
            t.setDaemon(true);
            return t;
        });
        List<Future<double[]>> parts = new ArrayList<>();
        try {
            for (int k = 0; k < threads; k++) {
                parts.add(pool.submit(() -> {
                    // returns [diameter, radius, Σ d, pairs, betweenness...]
                    double[] acc = new double[4 + n];
                    acc[1] = Double.POSITIVE_INFINITY;
                    int[] d = new int[n], order = new int[n];
                    double[] sigma = new double[n], delta = new double[n];
                    java.util.Arrays.fill(d, -1);
                    for (int s = next.getAndIncrement(); s < n; s = next.getAndIncrement()) {
                        if (monitor.isCancelled()) return null;
                        search(s, out[0], out[1], in[0], in[1], d, order, sigma, delta, e, c, h, acc);
                        int k2 = done.incrementAndGet();
                        if ((k2 & 63) == 0) monitor.progress(k2, "distances: " + k2 + " of " + n + " sources");
                    }
                    return acc;
                }));
            }
            double diameter = 0, radius = Double.POSITIVE_INFINITY, sum = 0;
            long pairs = 0;
            double[] bw = new double[n];
            for (Future<double[]> f : parts) {
                double[] acc = f.get();
                if (acc == null) throw new CancelledException();
                diameter = Math.max(diameter, acc[0]);
                radius = Math.min(radius, acc[1]);
                sum += acc[2];
                pairs += (long) acc[3];
                for (int v = 0; v < n; v++) bw[v] += acc[4 + v];
            }
            if (monitor.isCancelled()) throw new CancelledException();
            if (!directed) for (int v = 0; v < n; v++) bw[v] /= 2;
            monitor.progress(n, "distances");
            return new GraphDistances(diameter, n == 0 ? Integer.MAX_VALUE : radius, sum, pairs, e, c, h, bw, false);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException) throw (RuntimeException) ex.getCause();
            throw new IllegalStateException(ex.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One source: BFS, the source's own figures, Brandes' dependencies added into acc[4..]; leaves d all -1. */
    private static void search(int s, int[] outStart, int[] outAdj, int[] inStart, int[] inAdj, int[] d, int[] order,
                               double[] sigma, double[] delta, double[] e, double[] c, double[] h, double[] acc) {
        int head = 0, tail = 0;
        d[s] = 0;
        sigma[s] = 1;
        order[tail++] = s;
        long sumD = 0;
        double sumInv = 0;
        int ecc = 0;
        while (head < tail) {
            int v = order[head++];
            int dv = d[v] + 1;
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                int w = outAdj[i];
                if (d[w] < 0) {
                    d[w] = dv;
                    order[tail++] = w;
                    sumD += dv;
                    sumInv += 1.0 / dv;
                    ecc = dv;
                }
                if (d[w] == dv) sigma[w] += sigma[v];
            }
        }
        int reachable = tail - 1;
        e[s] = ecc;
        c[s] = sumD == 0 ? 0 : reachable / (double) sumD;
        h[s] = reachable == 0 ? 0 : sumInv / reachable;
        acc[0] = Math.max(acc[0], ecc);
        acc[1] = Math.min(acc[1], ecc);
        acc[2] += sumD;
        acc[3] += reachable;
        // Brandes: dependencies in reverse BFS order, over predecessors (in-neighbours one step closer)
        for (int k = tail - 1; k > 0; k--) {
            int w = order[k];
            double coeff = (1 + delta[w]) / sigma[w];
            int dw = d[w] - 1;
            for (int i = inStart[w]; i < inStart[w + 1]; i++) {
                int v = inAdj[i];
                if (d[v] == dw) delta[v] += sigma[v] * coeff;
            }
            acc[4 + w] += delta[w];
        }
        for (int k = 0; k < tail; k++) {
            int v = order[k];
            d[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }

    /** {start, adj}: out-neighbours (reverse: in-neighbours); undirected: both. Self-loops are kept, as Gephi iterates them. */
    private static int[][] adjacency(int n, int[] src, int[] dst, boolean directed, boolean reverse) {
        int[] start = new int[n + 1];
        for (int e = 0; e < src.length; e++) {
            start[(reverse ? dst[e] : src[e]) + 1]++;
            if (!directed && src[e] != dst[e]) start[dst[e] + 1]++;
        }
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        int[] fill = java.util.Arrays.copyOf(start, n);
        int[] adj = new int[start[n]];
        for (int e = 0; e < src.length; e++) {
            int a = reverse ? dst[e] : src[e], b = reverse ? src[e] : dst[e];
            adj[fill[a]++] = b;
            if (!directed && a != b) adj[fill[b]++] = a;
        }
        return new int[][]{start, adj};
    }
}
