package org.neuralgraph.core.cluster;

import org.neuralgraph.core.geometry.Points;
import org.neuralgraph.core.geometry.Metric;
import java.util.Arrays;

/**
 * Single-linkage clustering (Brüel Gabrielsson, Section 3.2: the relation d(x, x') <= epsilon and its transitive closure), with
 * the cut chosen by a {@link ClusterCut}. The merge heights of single linkage are the edge lengths of a minimum spanning
 * tree, built here by Prim's algorithm on all pairs (O(m^2 d) for m points), which also gives the diameter since every
 * pair is measured once. Distances are Euclidean on the rows given ({@link Metric#embed} first for another metric).
 */
public final class SingleLinkage {

    private SingleLinkage() { }

    /**
     * Cluster labels 0, 1, ... of the rows, numbered in order of their first row; the cut is first fitted to these rows
     * ({@link ClusterCut#fittedTo}).
     *
     * @throws IllegalArgumentException for an empty, ragged or non-finite cloud
     */
    public static int[] labels(double[][] points, ClusterCut cut) {
        Points.checkCloud(points, "points");
        return labelsUnchecked(points, cut.fittedTo(points));
    }

    /**
     * Labels under a cut already fitted to the whole cloud these rows come from (the Mapper clusters each cover element
     * under one fitted cut); the rows are not checked again.
     */
    public static int[] labelsUnchecked(double[][] points, ClusterCut cut) {
        int m = points.length;
        if (m == 1) return new int[]{0};
        SpanningTree tree = SpanningTree.of(points);
        double threshold = cut.threshold(tree.heights(), tree.diameter());
        int[] root = new int[m];
        for (int i = 0; i < m; i++) root[i] = i;
        for (int e = 0; e < m - 1; e++) {
            if (tree.height[e] <= threshold) {
                int a = find(root, tree.from[e]), b = find(root, tree.to[e]);
                if (a != b) root[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] label = new int[m];
        int[] labelOfRoot = new int[m];
        Arrays.fill(labelOfRoot, -1);
        int clusters = 0;
        for (int i = 0; i < m; i++) {
            int r = find(root, i);
            if (labelOfRoot[r] < 0) labelOfRoot[r] = clusters++;
            label[i] = labelOfRoot[r];
        }
        return label;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /** A Euclidean minimum spanning tree (Prim, all pairs) with the diameter of the points. */
    static final class SpanningTree {
        final int[] from, to;
        final double[] height;
        private final double diameter;

        private SpanningTree(int[] from, int[] to, double[] height, double diameter) {
            this.from = from;
            this.to = to;
            this.height = height;
            this.diameter = diameter;
        }

        static SpanningTree of(double[][] points) {
            int m = points.length;
            int[] parent = new int[m];
            double[] best = new double[m];
            boolean[] in = new boolean[m];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            double[] height = new double[Math.max(0, m - 1)];
            int[] from = new int[height.length], to = new int[height.length];
            double diameterSq = 0;
            int current = 0;
            in[0] = true;
            for (int step = 0; step < m - 1; step++) {
                int next = -1;
                double nextBest = Double.POSITIVE_INFINITY;
                double[] x = points[current];
                for (int j = 0; j < m; j++) {
                    if (in[j]) continue;
                    double d = Points.squaredDistance(x, points[j]);
                    if (d > diameterSq) diameterSq = d;
                    if (d < best[j]) { best[j] = d; parent[j] = current; }
                    if (next < 0 || best[j] < nextBest) { nextBest = best[j]; next = j; }
                }
                in[next] = true;
                height[step] = Math.sqrt(best[next]);
                from[step] = parent[next];
                to[step] = next;
                current = next;
            }
            return new SpanningTree(from, to, height, Math.sqrt(diameterSq));
        }

        /** The m - 1 merge heights, in the order Prim added the edges. */
        double[] heights() { return height; }

        double diameter() { return diameter; }
    }
}
