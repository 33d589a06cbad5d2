package org.neuralgraph.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An overlapping cover for graphs that come with none (issue #4: the overlapping modularity needs one): COPRA,
 * Gregory's community overlap propagation algorithm (New J. Phys. 12, 103018, 2010), weighted. Each node holds
 * labels with belonging coefficients summing to 1; at each step a node's coefficients become the weighted mean of
 * its neighbours', labels below 1/v are dropped (if all would be, the strongest stays; ties broken by the seeded
 * random generator) and the rest renormalised. Updates are synchronous, so the result depends on the seed only
 * through ties. It stops when no node's label set changes or after {@code maxIter} steps. Chosen over Chen et al.'s
 * local algorithm because it yields belonging coefficients directly (the alpha of Eq. 4) and handles weights
 * natively; v bounds how many communities a node may share (v = 1 gives a partition).
 */
public final class LabelPropagationCover {

    private LabelPropagationCover() { }

    /**
     * @param v       the most communities per node (>= 1)
     * @param maxIter the most propagation steps (>= 1)
     * @return the cover: for each node its community numbers (0-based, in order of first appearance)
     */
    public static int[][] copra(UndirectedWeights g, int v, int maxIter, long seed) {
        if (v < 1) throw new IllegalArgumentException("v (communities per node) must be >= 1, got " + v);
        if (maxIter < 1) throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        Random rnd = new Random(seed);
        List<TreeMap<Integer, Double>> b = new ArrayList<>();
        for (int x = 0; x < g.n; x++) {
            TreeMap<Integer, Double> own = new TreeMap<>();
            own.put(x, 1.0);
            b.add(own);
        }
        for (int it = 0; it < maxIter; it++) {
            List<TreeMap<Integer, Double>> next = new ArrayList<>(g.n);
            boolean changed = false;
            for (int x = 0; x < g.n; x++) {
                Map<Integer, Double> sum = new HashMap<>();
                double total = 0;
                for (int i = g.start[x]; i < g.start[x + 1]; i++) {
                    int y = g.adj[i];
                    if (y == x) continue;
                    double w = g.weight[i];
                    total += w;
                    for (Map.Entry<Integer, Double> e : b.get(y).entrySet()) sum.merge(e.getKey(), w * e.getValue(), Double::sum);
                }
                TreeMap<Integer, Double> kept = new TreeMap<>();
                if (total <= 0) {
                    kept.putAll(b.get(x));                    // no weighted neighbours: keeps its labels
                } else {
                    double best = -1;
                    List<Integer> strongest = new ArrayList<>();
                    for (Map.Entry<Integer, Double> e : new TreeMap<>(sum).entrySet()) {
                        double coef = e.getValue() / total;
                        if (coef >= 1.0 / v) kept.put(e.getKey(), coef);
                        if (coef > best + 1e-12) { best = coef; strongest.clear(); strongest.add(e.getKey()); }
                        else if (Math.abs(coef - best) <= 1e-12) strongest.add(e.getKey());
                    }
                    if (kept.isEmpty()) kept.put(strongest.get(rnd.nextInt(strongest.size())), 1.0);
                    double s = 0;
                    for (double c : kept.values()) s += c;
                    for (Map.Entry<Integer, Double> e : kept.entrySet()) e.setValue(e.getValue() / s);
                }
                if (!kept.keySet().equals(b.get(x).keySet())) changed = true;
                next.add(kept);
            }
            b = next;
            if (!changed) break;
        }
        Map<Integer, Integer> number = new HashMap<>();
        int[][] cover = new int[g.n][];
        for (int x = 0; x < g.n; x++) {
            int[] cs = new int[b.get(x).size()];
            int k = 0;
            for (int label : b.get(x).keySet()) {
                Integer c = number.get(label);
                if (c == null) { c = number.size(); number.put(label, c); }
                cs[k++] = c;
            }
            Arrays.sort(cs);
            cover[x] = cs;
        }
        return cover;
    }
}
