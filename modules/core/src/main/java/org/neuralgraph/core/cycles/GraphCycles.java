package org.neuralgraph.core.cycles;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Loops of an undirected simple graph given as edge lists (nodes 0..n-1), for the graph attributes of a Mapper graph
 * (Brüel Gabrielsson, Section 5: "a ring"; Section 7: "one big circle and several sub-circles").
 *
 * <ul>
 *   <li>{@link #components}: connected components (union-find).</li>
 *   <li>cycle rank = edges - nodes + components, the number of independent cycles of the graph.</li>
 *   <li>{@link #minimumCycleBasisLengths}: the lengths (in edges) of a minimum cycle basis, by Horton's algorithm
 *   (1987): candidates P(v, x) + xy + P(y, v) from breadth-first trees of every node, shortest first, kept when
 *   independent over GF(2). The longest simple cycle is NP-hard to find; the longest cycle of a minimum basis is the
 *   largest hole the graph needs, and its length does not depend on which minimum basis is found (all share the sorted
 *   length list). A ring of L nodes with a few triangles along it gives L's loop and the triangles' 3s.</li>
 *   <li>{@link #betti1}: the first Betti number of the nerve (over GF(2)) once its triangles are filled in: cycle rank
 *   minus the rank of the triangles' boundaries.</li>
 * </ul>
 */
public final class GraphCycles {

    private GraphCycles() { }

    /** Number of connected components (isolated nodes count). */
    public static int components(int n, int[] src, int[] dst) {
        int[] root = new int[n];
        for (int i = 0; i < n; i++) root[i] = i;
        int c = n;
        for (int e = 0; e < src.length; e++) {
            int a = find(root, src[e]), b = find(root, dst[e]);
            if (a != b) { root[Math.max(a, b)] = Math.min(a, b); c--; }
        }
        return c;
    }

    /** edges - nodes + components. */
    public static int cycleRank(int n, int[] src, int[] dst) {
        return src.length - n + components(n, src, dst);
    }

    /**
     * The sorted cycle lengths of a minimum cycle basis (unit edge lengths); empty for a forest.
     *
     * @throws IllegalArgumentException on a self-loop or an edge naming a missing node
     */
    public static int[] minimumCycleBasisLengths(int n, int[] src, int[] dst) {
        int m = src.length;
        for (int e = 0; e < m; e++) {
            if (src[e] < 0 || src[e] >= n || dst[e] < 0 || dst[e] >= n || src[e] == dst[e]) {
                throw new IllegalArgumentException("edge " + e + " (" + src[e] + ", " + dst[e] + ") is a self-loop or names a missing node");
            }
        }
        int rank = cycleRank(n, src, dst);
        if (rank == 0) return new int[0];
        int[][] adjacent = adjacency(n, src, dst);
        Bfs tree = new Bfs(n);
        long[] candidates = new long[16];
        int count = 0;
        for (int v = 0; v < n; v++) {
            tree.run(v, adjacent, src, dst);
            for (int e = 0; e < m; e++) {
                int x = src[e], y = dst[e];
                if (tree.dist[x] < 0 || tree.dist[y] < 0 || tree.parentEdge[x] == e || tree.parentEdge[y] == e) continue;
                if (tree.branch[x] == tree.branch[y]) continue; // paths share more than v: not a simple cycle
                long length = tree.dist[x] + tree.dist[y] + 1;
                if (count == candidates.length) candidates = Arrays.copyOf(candidates, count * 2);
                candidates[count++] = (length << 42) | ((long) v << 21) | e;
            }
        }
        Arrays.sort(candidates, 0, count);
        int[][] byPivot = new int[m][];
        Set<EdgeSet> seen = new HashSet<>();
        int[] lengths = new int[rank];
        int accepted = 0;
        int cached = -1;
        for (int c = 0; c < count && accepted < rank; c++) {
            int length = (int) (candidates[c] >>> 42);
            int v = (int) ((candidates[c] >>> 21) & 0x1FFFFF);
            int e = (int) (candidates[c] & 0x1FFFFF);
            if (v != cached) { tree.run(v, adjacent, src, dst); cached = v; }
            int[] cycle = new int[length];
            int k = 0;
            cycle[k++] = e;
            for (int x : new int[]{src[e], dst[e]}) {
                while (x != v) { cycle[k++] = tree.parentEdge[x]; x = tree.parent[x]; }
            }
            Arrays.sort(cycle);
            if (!seen.add(new EdgeSet(cycle))) continue;
            if (reduce(cycle, byPivot)) lengths[accepted++] = length;
        }
        return Arrays.copyOf(lengths, accepted);
    }

    /**
     * The first Betti number of the complex made of the graph and the given filled triangles, over GF(2).
     *
     * @param triangles node triples, each of whose three pairs must be an edge
     * @throws IllegalArgumentException if a triangle side is not an edge
     */
    public static int betti1(int n, int[] src, int[] dst, int[][] triangles) {
        Map<Long, Integer> edgeIndex = new HashMap<>();
        for (int e = 0; e < src.length; e++) edgeIndex.put(key(src[e], dst[e], n), e);
        int cycleRank = cycleRank(n, src, dst);
        int[][] byPivot = new int[src.length][];
        int rank2 = 0;
        for (int[] t : triangles) {
            int[] boundary = new int[3];
            int[][] sides = {{t[0], t[1]}, {t[1], t[2]}, {t[0], t[2]}};
            for (int i = 0; i < 3; i++) {
                Integer e = edgeIndex.get(key(sides[i][0], sides[i][1], n));
                if (e == null) throw new IllegalArgumentException("triangle " + Arrays.toString(t) + " has no edge " + sides[i][0] + "-" + sides[i][1]);
                boundary[i] = e;
            }
            if (rank2 == cycleRank) continue; // every cycle is already filled (the checks above still run)
            Arrays.sort(boundary);
            if (reduce(boundary, byPivot)) rank2++;
        }
        return cycleRank - rank2;
    }

    /**
     * Reduces the GF(2) vector v (sorted set indices) against the basis, indexed by each vector's largest index; adds it
     * and returns true if independent.
     */
    private static boolean reduce(int[] v, int[][] byPivot) {
        while (v.length > 0) {
            int p = v[v.length - 1];
            if (byPivot[p] == null) { byPivot[p] = v; return true; }
            v = symmetricDifference(v, byPivot[p]);
        }
        return false;
    }

    private static int[] symmetricDifference(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) out[k++] = a[i++];
            else if (a[i] > b[j]) out[k++] = b[j++];
            else { i++; j++; }
        }
        while (i < a.length) out[k++] = a[i++];
        while (j < b.length) out[k++] = b[j++];
        return Arrays.copyOf(out, k);
    }

    /** A sorted set of edge ids with value equality. */
    private static final class EdgeSet {
        private final int[] edges;
        private final int hash;

        EdgeSet(int[] edges) {
            this.edges = edges.clone();
            this.hash = Arrays.hashCode(edges);
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) { return o instanceof EdgeSet && Arrays.equals(edges, ((EdgeSet) o).edges); }
    }

    private static long key(int a, int b, int n) {
        return (long) Math.min(a, b) * n + Math.max(a, b);
    }

    private static int[][] adjacency(int n, int[] src, int[] dst) {
        int[] deg = new int[n];
        for (int e = 0; e < src.length; e++) { deg[src[e]]++; deg[dst[e]]++; }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) adj[i] = new int[deg[i]];
        int[] fill = new int[n];
        for (int e = 0; e < src.length; e++) {
            adj[src[e]][fill[src[e]]++] = e;
            adj[dst[e]][fill[dst[e]]++] = e;
        }
        return adj;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) { root[i] = root[root[i]]; i = root[i]; }
        return i;
    }

    /** A breadth-first tree: distances, parent node and edge, and the child of the root each node descends from. */
    private static final class Bfs {
        final int[] dist, parent, parentEdge, branch;
        final ArrayDeque<Integer> queue = new ArrayDeque<>();

        Bfs(int n) {
            dist = new int[n];
            parent = new int[n];
            parentEdge = new int[n];
            branch = new int[n];
        }

        void run(int root, int[][] adjacent, int[] src, int[] dst) {
            Arrays.fill(dist, -1);
            Arrays.fill(parentEdge, -1);
            dist[root] = 0;
            parent[root] = root;
            branch[root] = -1;
            queue.clear();
            queue.add(root);
            while (!queue.isEmpty()) {
                int x = queue.poll();
                for (int e : adjacent[x]) {
                    int y = src[e] == x ? dst[e] : src[e];
                    if (dist[y] >= 0) continue;
                    dist[y] = dist[x] + 1;
                    parent[y] = x;
                    parentEdge[y] = e;
                    branch[y] = x == root ? y : branch[x];
                    queue.add(y);
                }
            }
        }
    }
}
