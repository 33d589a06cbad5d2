package org.neuralgraph.core.cycles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main cycle of a Mapper graph as a sequence of nodes, to read the filters along the paper's ring (Brüel Gabrielsson,
 * Sections 5 and 7: "as one traveled along it, the image patch data changed from vertical edges to diagonal edges").
 *
 * <p>What is computed: in the largest component, a breadth-first tree from its lowest node; every edge outside the tree
 * closes one fundamental cycle (the two tree paths to their lowest common ancestor plus the edge); the longest of these
 * is the main cycle, ties to the first edge. Longest simple cycles are NP-hard in general; a fundamental cycle of a
 * breadth-first tree goes around a ring once, because tree paths are shortest paths.
 */
public final class MainCycle {

    private MainCycle() { }

    /** The nodes of the main cycle in order (the last links back to the first), or an empty array for a forest. */
    public static int[] of(int n, int[] src, int[] dst) {
        boolean[] all = new boolean[src.length];
        Arrays.fill(all, true);
        List<List<Integer>> adj = adjacency(n, src, dst, all);
        int root = largestComponentRoot(n, adj);
        if (root < 0) return new int[0];
        int[] parent = new int[n], depth = new int[n];
        Arrays.fill(parent, -2);
        breadthFirst(root, adj, parent, depth, (child, p) -> { });
        int[] best = new int[0];
        for (int e = 0; e < src.length; e++) {
            int a = src[e], b = dst[e];
            if (a == b || parent[a] == -2 || parent[a] == b || parent[b] == a) continue;
            int[] cycle = fundamentalCycle(a, b, parent, depth);
            if (cycle.length > best.length) best = cycle;
        }
        return best;
    }

    /**
     * A cycle of the graph along which an angle per node winds once or more around its circle: for Brüel Gabrielsson the
     * nodes' gradient directions (period 360), so that the cycle goes around Carlsson's primary circle, the ring the
     * paper sees, rather than back and forth. Nodes with a NaN angle are left out with their edges, and so are edges
     * across which the angle jumps by more than {@code maxStep} (wrapped): along a ring ordered by direction the
     * filters change gradually, and without the limit any triangle of unrelated directions 120 degrees apart would
     * "wind". The study uses 60 degrees, so a ring has at least 7 nodes.
     *
     * <p>What is computed: a breadth-first forest; along tree paths each step adds the angle difference wrapped into
     * (-period/2, period/2]; an edge outside the forest closes a fundamental cycle whose winding is that sum around it.
     * Winding is additive over the cycle space and fundamental cycles span it, so some cycle winds if and only if a
     * fundamental one does. The shortest winding fundamental cycle is returned (ties to the first edge), its nodes in
     * order; an empty array when no cycle winds.
     */
    public static int[] winding(int n, int[] src, int[] dst, double[] angle, double period, double maxStep) {
        if (angle.length != n) throw new IllegalArgumentException("angle has " + angle.length + " values for " + n + " nodes");
        if (!(maxStep > 0 && maxStep <= period / 2)) throw new IllegalArgumentException("maxStep must be in (0, period/2], got " + maxStep);
        boolean[] step = new boolean[src.length];
        for (int e = 0; e < src.length; e++) {
            step[e] = src[e] != dst[e] && !Double.isNaN(angle[src[e]]) && !Double.isNaN(angle[dst[e]])
                    && Math.abs(wrap(angle[dst[e]] - angle[src[e]], period)) <= maxStep;
        }
        List<List<Integer>> adj = adjacency(n, src, dst, step);
        int[] parent = new int[n], depth = new int[n];
        double[] lifted = new double[n]; // the angle summed along the tree path from the root, without wrapping
        Arrays.fill(parent, -2);
        for (int root = 0; root < n; root++) {
            if (parent[root] != -2 || Double.isNaN(angle[root])) continue;
            lifted[root] = angle[root];
            breadthFirst(root, adj, parent, depth, (w, u) -> lifted[w] = lifted[u] + wrap(angle[w] - angle[u], period));
        }
        int[] best = new int[0];
        for (int e = 0; e < src.length; e++) {
            int a = src[e], b = dst[e];
            if (!step[e] || parent[a] == b || parent[b] == a) continue;
            double turn = lifted[a] + wrap(angle[b] - angle[a], period) - lifted[b];
            if (Math.abs(turn) < period / 2) continue;
            int[] cycle = fundamentalCycle(a, b, parent, depth);
            if (best.length == 0 || cycle.length < best.length) best = cycle;
        }
        return best;
    }

    /** Neighbour lists over the edges marked in {@code use}, self-loops left out. */
    private static List<List<Integer>> adjacency(int n, int[] src, int[] dst, boolean[] use) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int v = 0; v < n; v++) adj.add(new ArrayList<>());
        for (int e = 0; e < src.length; e++) {
            if (!use[e] || src[e] == dst[e]) continue;
            adj.get(src[e]).add(dst[e]);
            adj.get(dst[e]).add(src[e]);
        }
        return adj;
    }

    /** What a breadth-first search does for each node it reaches: (node, its parent). */
    private interface Reached { void at(int node, int parent); }

    /**
     * Breadth-first tree from {@code root} over nodes whose {@code parent} is still -2: sets parent (-1 at the root)
     * and depth, and tells {@code reached} of every node after the root.
     */
    private static void breadthFirst(int root, List<List<Integer>> adj, int[] parent, int[] depth, Reached reached) {
        parent[root] = -1;
        depth[root] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int w : adj.get(u)) {
                if (parent[w] != -2) continue;
                parent[w] = u;
                depth[w] = depth[u] + 1;
                reached.at(w, u);
                queue.add(w);
            }
        }
    }

    /** d wrapped into (-period/2, period/2]. */
    private static double wrap(double d, double period) {
        double w = d - period * Math.floor(d / period);
        return w > period / 2 ? w - period : w;
    }

    private static int[] fundamentalCycle(int a, int b, int[] parent, int[] depth) {
        List<Integer> up = new ArrayList<>(), down = new ArrayList<>();
        while (a != b) {
            if (depth[a] >= depth[b]) { up.add(a); a = parent[a]; } else { down.add(b); b = parent[b]; }
        }
        up.add(a);
        for (int i = down.size() - 1; i >= 0; i--) up.add(down.get(i));
        int[] c = new int[up.size()];
        for (int i = 0; i < c.length; i++) c[i] = up.get(i);
        return c;
    }

    private static int largestComponentRoot(int n, List<List<Integer>> adj) {
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int bestRoot = -1, bestSize = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) continue;
            int size = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            comp[s] = s;
            while (!q.isEmpty()) {
                int u = q.poll();
                size++;
                for (int w : adj.get(u)) if (comp[w] < 0) { comp[w] = s; q.add(w); }
            }
            if (size > bestSize) { bestSize = size; bestRoot = s; }
        }
        return bestRoot;
    }

    /**
     * How orientation (degrees in [0, 180)) changes along a cycle: {total turn, share of steps turning in the total's
     * direction}. Steps are wrapped into (-90, 90]; a cycle whose filters rotate once through all edge directions has a
     * total turn of +-180, one around Carlsson's primary circle (every gradient direction, both polarities of each
     * orientation) +-360, one that goes back and forth 0. NaN orientations are skipped.
     */
    public static double[] orientationTurn(double[] degreesAlongCycle) {
        List<Double> a = new ArrayList<>();
        for (double d : degreesAlongCycle) if (!Double.isNaN(d)) a.add(d);
        if (a.size() < 2) return new double[]{0, Double.NaN};
        double total = 0;
        double[] steps = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            double d = a.get((i + 1) % a.size()) - a.get(i);
            while (d > 90) d -= 180;
            while (d <= -90) d += 180;
            steps[i] = d;
            total += d;
        }
        int with = 0, moving = 0;
        for (double d : steps) {
            if (d == 0) continue;
            moving++;
            if (Math.signum(d) == Math.signum(total)) with++;
        }
        return new double[]{total, moving == 0 || total == 0 ? Double.NaN : with / (double) moving};
    }
}
