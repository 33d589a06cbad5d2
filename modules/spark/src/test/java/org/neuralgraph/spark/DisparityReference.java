package org.neuralgraph.spark;

/**
 * The disparity filter over plain arrays exactly as core's {@code DisparityFilter} (branch {@code backbone}, not yet in
 * main) defines it: directed ends judged by out-/in-degree and strength, degree-1 or zero-strength ends give alpha 1,
 * kept when min(alpha) &lt; level. The tests compare Spark's backbone with it; when core's class lands on main this
 * copy gives way to it.
 */
final class DisparityReference {

    private DisparityReference() { }

    static boolean[] keep(int[] src, int[] dst, double[] w, int nodes, double level) {
        int[] kOut = new int[nodes], kIn = new int[nodes];
        double[] sOut = new double[nodes], sIn = new double[nodes];
        for (int e = 0; e < w.length; e++) { kOut[src[e]]++; sOut[src[e]] += w[e]; kIn[dst[e]]++; sIn[dst[e]] += w[e]; }
        boolean[] keep = new boolean[w.length];
        for (int e = 0; e < w.length; e++) {
            double a = Math.min(end(kOut[src[e]], sOut[src[e]], w[e]), end(kIn[dst[e]], sIn[dst[e]], w[e]));
            keep[e] = a < level;
        }
        return keep;
    }

    private static double end(int k, double s, double w) {
        if (k <= 1 || s <= 0) return 1.0;
        return Math.pow(1.0 - w / s, k - 1);
    }
}
