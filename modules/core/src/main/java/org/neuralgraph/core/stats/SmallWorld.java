package org.neuralgraph.core.stats;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Small-world coefficients (Darnell and Leonard, Fig. 8: normalised clustering and path length "indicate the emergence of a
 * small world"), with networkx 2.8's definitions:
 * <ul>
 *   <li>sigma = (C / Cr) / (L / Lr), C the <em>transitivity</em>, Cr and Lr the means over {@code nrand} random
 *       references made by {@code niter * m} Maslov-Sneppen double edge swaps that keep every degree
 *       ({@code random_reference});</li>
 *   <li>omega = Lr / L - C / Cl, C the <em>average clustering</em>, Lr over random references with
 *       {@code 2 * niter * m} swaps, Cl the largest average clustering among the graph itself and {@code nrand}
 *       lattice references made by {@code niter * m} swaps that move edges towards the diagonal of a ring lattice
 *       ({@code lattice_reference}, after Sporns and Zwi).</li>
 * </ul>
 * As in networkx, a swap a-b, c-d to a-d, c-b is undone when a and b are no longer connected, and each swap
 * gives up after {@code int(2m / (n - 1))} tries. The graph is taken as simple and undirected (weights,
 * directions and self-loops are dropped). L is the average shortest path length; networkx requires a connected
 * graph, here every figure is computed on the largest connected component (stated in {@link Result}).
 * Random choices use {@link java.util.Random} with the given seed, so values agree with networkx in distribution,
 * not draw for draw.
 */
public final class SmallWorld {

    /** The coefficients and the figures they come from. */
    public static final class Result {
        public final int nodes;
        public final int edges;
        /** Nodes of the largest component, on which everything is computed. */
        public final int componentNodes;
        public final double transitivity;
        public final double averageClustering;
        public final double pathLength;
        public final double randomTransitivity;
        public final double randomPathLength;
        public final double latticeClustering;
        public final double sigma;
        public final double omega;

        Result(int nodes, int edges, int componentNodes, double transitivity, double averageClustering, double pathLength,
               double randomTransitivity, double randomPathLength, double latticeClustering, double sigma, double omega) {
            this.nodes = nodes;
            this.edges = edges;
            this.componentNodes = componentNodes;
            this.transitivity = transitivity;
            this.averageClustering = averageClustering;
            this.pathLength = pathLength;
            this.randomTransitivity = randomTransitivity;
            this.randomPathLength = randomPathLength;
            this.latticeClustering = latticeClustering;
            this.sigma = sigma;
            this.omega = omega;
        }

        /** C / Cr as Darnell and Leonard plot it (transitivity). */
        public double normalisedClustering() { return transitivity / randomTransitivity; }
        /** L / Lr as Darnell and Leonard plot it. */
        public double normalisedPathLength() { return pathLength / randomPathLength; }
    }

    private SmallWorld() { }

    /** Both coefficients; sigma's references use {@code niter} swaps per edge, omega's as described above. */
    public static Result of(UndirectedWeights weights, int niter, int nrand, long seed) {
        atLeastOne("niter", niter);
        atLeastOne("nrand", nrand);
        int[][] all = simple(weights);
        int[][] g = largestComponent(all);
        int n = g.length;
        int m = 0;
        for (int[] a : g) m += a.length;
        m /= 2;
        if (n < 4 || m < 2) throw new IllegalArgumentException("small-world coefficients need a component of at least 4 nodes and 2 edges, got " + n + " nodes, " + m + " edges");
        Random rnd = new Random(seed);
        double c = transitivity(g), ac = averageClustering(g), l = pathLength(g);
        double cr = 0, lrSigma = 0, lrOmega = 0, cl = ac;
        for (int k = 0; k < nrand; k++) {
            int[][] r = swapped(g, niter, false, rnd);
            cr += transitivity(r);
            lrSigma += pathLength(r);
            int[][] r2 = swapped(g, 2 * niter, false, rnd);
            lrOmega += pathLength(r2);
            cl = Math.max(cl, averageClustering(swapped(g, niter, true, rnd)));
        }
        cr /= nrand;
        lrSigma /= nrand;
        lrOmega /= nrand;
        double sigma = (c / cr) / (l / lrSigma);
        double omega = lrOmega / l - ac / cl;
        int allEdges = 0;
        for (int[] a : all) allEdges += a.length;
        return new Result(all.length, allEdges / 2, n, c, ac, l, cr, lrSigma, cl, sigma, omega);
    }

    /**
     * {@code value} when it is at least 1, as {@code niter} and {@code nrand} must be.
     *
     * @throws IllegalArgumentException otherwise, naming the parameter
     */
    public static int atLeastOne(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        return value;
    }

    /** The average shortest path length of the largest connected component (unweighted, undirected). */
    public static double averageShortestPathLength(UndirectedWeights weights) {
        return pathLength(largestComponent(simple(weights)));
    }

    /** Neighbour lists of the simple undirected graph. */
    static int[][] simple(UndirectedWeights w) {
        int[][] nb = new int[w.n][];
        for (int v = 0; v < w.n; v++) {
            int[] a = new int[w.start[v + 1] - w.start[v]];
            int k = 0;
            for (int i = w.start[v]; i < w.start[v + 1]; i++) if (w.adj[i] != v) a[k++] = w.adj[i];
            a = Arrays.copyOf(a, k);
            Arrays.sort(a);
            int d = 0;
            for (int i = 0; i < a.length; i++) if (i == 0 || a[i] != a[i - 1]) a[d++] = a[i];
            nb[v] = Arrays.copyOf(a, d);
        }
        return nb;
    }

    static int[][] largestComponent(int[][] g) {
        int n = g.length;
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int best = -1, bestSize = 0, c = 0;
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) continue;
            int head = 0, tail = 0;
            queue[tail++] = s;
            comp[s] = c;
            while (head < tail) for (int u : g[queue[head++]]) if (comp[u] < 0) { comp[u] = c; queue[tail++] = u; }
            if (tail > bestSize) { bestSize = tail; best = c; }
            c++;
        }
        if (c == 1) return g;
        int[] index = new int[n];
        int k = 0;
        for (int v = 0; v < n; v++) index[v] = comp[v] == best ? k++ : -1;
        int[][] out = new int[k][];
        for (int v = 0; v < n; v++) {
            if (index[v] < 0) continue;
            int[] a = new int[g[v].length];
            for (int i = 0; i < a.length; i++) a[i] = index[g[v][i]];
            out[index[v]] = a;
        }
        return out;
    }

    /** 3 x triangles / connected triples (networkx {@code transitivity}). */
    static double transitivity(int[][] g) {
        long triangles = 0, triples = 0;
        long[] t = trianglesPerNode(g);
        for (int v = 0; v < g.length; v++) {
            triangles += t[v];
            long d = g[v].length;
            triples += d * (d - 1) / 2;
        }
        return triples == 0 ? 0 : triangles / (double) triples;
    }

    /** Mean of the local clustering coefficients, 0 for nodes of degree < 2 (networkx {@code average_clustering}). */
    static double averageClustering(int[][] g) {
        long[] t = trianglesPerNode(g);
        double s = 0;
        for (int v = 0; v < g.length; v++) {
            long d = g[v].length;
            if (d >= 2) s += t[v] / (d * (d - 1) / 2.0);
        }
        return s / g.length;
    }

    private static long[] trianglesPerNode(int[][] g) {
        int n = g.length;
        long[] t = new long[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        for (int v = 0; v < n; v++) {
            for (int u : g[v]) mark[u] = v;
            long c = 0;
            for (int u : g[v]) for (int w : g[u]) if (mark[w] == v) c++;
            t[v] = c / 2;
        }
        return t;
    }

    /** Average shortest path length over ordered pairs of a connected graph; BFS from every node, in parallel. */
    static double pathLength(int[][] g) {
        int n = g.length;
        long total = IntStream.range(0, n).parallel().mapToLong(s -> {
            int[] dist = new int[n];
            Arrays.fill(dist, -1);
            int[] queue = new int[n];
            int head = 0, tail = 0;
            queue[tail++] = s;
            dist[s] = 0;
            long sum = 0;
            while (head < tail) {
                int v = queue[head++];
                sum += dist[v];
                for (int u : g[v]) if (dist[u] < 0) { dist[u] = dist[v] + 1; queue[tail++] = u; }
            }
            return sum;
        }).sum();
        return total / ((double) n * (n - 1));
    }

    /**
     * A degree-preserving reference: {@code niter * m} double edge swaps, each retried up to int(2m/(n-1)) times;
     * with {@code lattice}, only swaps that do not move edges away from the diagonal of the ring lattice ordering
     * (Sporns-Zwi) are taken.
     */
    static int[][] swapped(int[][] g0, int niter, boolean lattice, Random rnd) {
        int n = g0.length;
        int[][] g = new int[n][];
        for (int v = 0; v < n; v++) g[v] = g0[v].clone();
        int m2 = 0;
        for (int[] a : g) m2 += a.length;
        int[] ends = new int[m2];            // node v appears deg(v) times: sampling ends = sampling by degree
        int k = 0;
        for (int v = 0; v < n; v++) for (int i = 0; i < g[v].length; i++) ends[k++] = v;
        int m = m2 / 2;
        int ntries = (int) (n * (long) m / (n * (n - 1) / 2.0));
        int[] seen = new int[n];
        int[] queueA = new int[n], queueB = new int[n];
        int stamp = 0;
        for (long it = 0, iterations = (long) niter * m; it < iterations; it++) {
            int tries = 0;
            while (tries < ntries) {
                int a = ends[rnd.nextInt(m2)], c = ends[rnd.nextInt(m2)];
                if (a == c) continue;
                int b = g[a][rnd.nextInt(g[a].length)], d = g[c][rnd.nextInt(g[c].length)];
                if (b == a || b == c || b == d || d == a || d == c) continue;
                if (!has(g[a], d) && !has(g[c], b)) {
                    if (!lattice || ring(a, b, n) + ring(c, d, n) >= ring(a, c, n) + ring(b, d, n)) {
                        replace(g[a], b, d); replace(g[d], c, a); replace(g[c], d, b); replace(g[b], a, c);
                        stamp += 2;
                        if (connected(g, a, b, seen, stamp, queueA, queueB)) break;
                        replace(g[a], d, b); replace(g[d], a, c); replace(g[c], b, d); replace(g[b], c, a);
                    }
                }
                tries++;
            }
        }
        return g;
    }

    /** networkx's lattice distance matrix D: the ring distance between positions i and j. */
    private static int ring(int i, int j, int n) {
        int d = Math.abs(i - j);
        return Math.min(d, n - d);
    }

    private static boolean has(int[] a, int x) {
        for (int y : a) if (y == x) return true;
        return false;
    }

    private static void replace(int[] a, int from, int to) {
        for (int i = 0; i < a.length; i++) if (a[i] == from) { a[i] = to; return; }
        throw new IllegalStateException("edge to " + from + " not found");
    }

    /** Whether a path joins a and b: breadth-first from both ends, one level at a time on the smaller frontier. */
    private static boolean connected(int[][] g, int a, int b, int[] seen, int stamp, int[] qa, int[] qb) {
        int sa = stamp - 1, sb = stamp;      // marks for a's side and b's side
        int ha = 0, ta = 0, hb = 0, tb = 0;
        qa[ta++] = a; seen[a] = sa;
        qb[tb++] = b; seen[b] = sb;
        while (ha < ta && hb < tb) {
            boolean fromA = ta - ha <= tb - hb;
            int[] q = fromA ? qa : qb;
            int mine = fromA ? sa : sb, other = fromA ? sb : sa;
            int head = fromA ? ha : hb, tail = fromA ? ta : tb, end = tail;
            while (head < end) {
                for (int u : g[q[head++]]) {
                    if (seen[u] == other) return true;
                    if (seen[u] != mine) { seen[u] = mine; q[tail++] = u; }
                }
            }
            if (fromA) { ha = head; ta = tail; } else { hb = head; tb = tail; }
        }
        return false;
    }
}
