package org.neuralgraph.core.geometry;


/**
 * The k nearest neighbours of every point under the Euclidean distance (other metrics by {@link Metric#embed} first),
 * the point itself excluded, ordered by distance and then by index. Identical points are each other's neighbours at
 * distance 0. Exact, by all pairs: O(n^2 d), about 40 ms for 1,280 points in R^25.
 */
public final class NearestNeighbours {

    private final int[][] index;
    private final double[][] distance;

    private NearestNeighbours(int[][] index, double[][] distance) {
        this.index = index;
        this.distance = distance;
    }

    /**
     * @throws IllegalArgumentException if k < 1 or there are not more than k points (the k-th neighbour of a point
     *                                  needs k other points), or the cloud is empty, ragged or not finite
     */
    public static NearestNeighbours of(double[][] points, int k) {
        Points.checkCloud(points, "points");
        int n = points.length;
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got k = " + k);
        if (n <= k) throw new IllegalArgumentException("the k-th nearest neighbour needs more than k points: k = " + k + ", n = " + n);
        int[][] idx = new int[n][k];
        double[][] sq = new double[n][k];
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Points.squaredDistance(points[i], points[j]);
                offer(idx[i], sq[i], filled, i, j, d, k);
                offer(idx[j], sq[j], filled, j, i, d, k);
            }
        }
        for (double[] row : sq) {
            for (int m = 0; m < k; m++) row[m] = Math.sqrt(row[m]);
        }
        return new NearestNeighbours(idx, sq);
    }

    /** Inserts (d, j) into the sorted top-k list of point p if it belongs there; order by distance, then index. */
    private static void offer(int[] idx, double[] sq, int[] filled, int p, int j, double d, int k) {
        int f = filled[p];
        if (f == k && !(d < sq[k - 1] || (d == sq[k - 1] && j < idx[k - 1]))) return;
        int pos = f == k ? k - 1 : f;
        while (pos > 0 && (d < sq[pos - 1] || (d == sq[pos - 1] && j < idx[pos - 1]))) {
            sq[pos] = sq[pos - 1];
            idx[pos] = idx[pos - 1];
            pos--;
        }
        sq[pos] = d;
        idx[pos] = j;
        if (f < k) filled[p] = f + 1;
    }

    /** Number of points. */
    public int size() { return index.length; }

    /** The neighbours of point i, nearest first; the array must not be modified. */
    public int[] neighbours(int i) { return index[i]; }

    /** Their distances, ascending; the array must not be modified. */
    public double[] distances(int i) { return distance[i]; }

    /** rho_k(i), the distance from point i to its k-th nearest neighbour (Brüel Gabrielsson, Section 3.1). */
    public double kthDistance(int i) { return distance[i][distance[i].length - 1]; }
}
