package org.neuralgraph.core.stats;

import org.neuralgraph.core.data.Permutations;

import java.util.Random;

/**
 * Kernighan-Lin bisection ("KLB" in Mostafa and Mondal, Section 6 and Table 4), following networkx 2.8's
 * {@code kernighan_lin_bisection}: the nodes are shuffled with the seed and split into halves of n/2 and
 * (n+1)/2; each pass swaps, one pair at a time, the unlocked node of each side with the largest gain (weighted
 * external minus internal edge weight, edges treated as undirected), then keeps the prefix of swaps with the
 * best total gain; passes repeat until none improves the cut or {@code maxIter} passes ran. The random start
 * comes from {@link java.util.Random}, not Python's generator, and ties are broken by the lowest node index, so
 * the halves can differ from networkx's for the same seed while the method is the same.
 */
public final class KernighanLinBisection {

    private KernighanLinBisection() { }

    /** @return side[v] in {0, 1} */
    public static int[] bisect(UndirectedWeights g, int maxIter, long seed) {
        if (maxIter < 1) throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        int n = g.n;
        int[] order = Permutations.random(n, new Random(seed));
        int[] side = new int[n];
        for (int k = 0; k < n; k++) side[order[k]] = k < n / 2 ? 0 : 1;
        for (int pass = 0; pass < maxIter; pass++) {
            if (!sweep(g, side)) break;
        }
        return side;
    }

    /** One pass; returns true when it improved the cut. */
    private static boolean sweep(UndirectedWeights g, int[] side) {
        int n = g.n;
        // cost[v] = weight to the other side minus weight to its own side (the gain of moving v)
        double[] cost = new double[n];
        for (int v = 0; v < n; v++) {
            for (int i = g.start[v]; i < g.start[v + 1]; i++) {
                int u = g.adj[i];
                if (u == v) continue;
                cost[v] += side[u] != side[v] ? g.weight[i] : -g.weight[i];
            }
        }
        boolean[] locked = new boolean[n];
        int steps = Math.min(count(side, 0), count(side, 1));
        int[] a = new int[steps], b = new int[steps];
        double total = 0, best = 0;
        int bestPrefix = 0;
        for (int s = 0; s < steps; s++) {
            int u = argmax(cost, side, locked, 0);
            double gainU = lock(g, u, side, locked, cost);
            int v = argmax(cost, side, locked, 1);   // sees u's move, as in networkx
            double gainV = lock(g, v, side, locked, cost);
            total += gainU + gainV;
            a[s] = u;
            b[s] = v;
            if (total > best + 1e-12) {
                best = total;
                bestPrefix = s + 1;
            }
        }
        for (int s = 0; s < bestPrefix; s++) {
            side[a[s]] = 1;
            side[b[s]] = 0;
        }
        return bestPrefix > 0;
    }

    private static int argmax(double[] cost, int[] side, boolean[] locked, int which) {
        int best = -1;
        for (int v = 0; v < cost.length; v++) {
            if (locked[v] || side[v] != which) continue;
            if (best < 0 || cost[v] > cost[best]) best = v;
        }
        return best;
    }

    /**
     * Locks x (as if moved to the other side) and updates the gains of its unlocked neighbours: a neighbour on
     * x's old side gains 2w, one on the other side loses 2w. Returns x's gain.
     */
    private static double lock(UndirectedWeights g, int x, int[] side, boolean[] locked, double[] cost) {
        locked[x] = true;
        for (int i = g.start[x]; i < g.start[x + 1]; i++) {
            int y = g.adj[i];
            if (locked[y] || y == x) continue;
            cost[y] += side[y] == side[x] ? 2 * g.weight[i] : -2 * g.weight[i];
        }
        return cost[x];
    }

    private static int count(int[] side, int s) {
        int c = 0;
        for (int x : side) if (x == s) c++;
        return c;
    }
}
