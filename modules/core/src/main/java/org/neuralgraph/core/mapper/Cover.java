package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Points;

/**
 * The cover of the lens space (Brüel Gabrielsson, Section 3.2): per lens coordinate, {@code intervals} overlapping intervals,
 * and their products for two coordinates.
 *
 * <p>Exactly: over [min, max] of the coordinate, R = (max - min) / intervals and the j-th interval (j = 0 ..
 * intervals - 1) is [min + jR - e, min + (j+1)R + e) with e = overlap R / (2 (1 - overlap)). The widened length is
 * R / (1 - overlap) and neighbouring intervals share overlap x that length: {@code overlap} is the fraction of an
 * interval shared with its neighbour, as KeplerMapper's {@code perc_overlap} (Cover: centre +- R / (2 (1 - p))) and
 * gudhi's {@code gains} (endpoints +- g R / (2 - 2g)). These are the paper's intervals [kR - e, (k+1)R + e] of the
 * covering U[R, e]; its condition e < R/2 for "no non-trivial threefold overlaps" (a 1-D Mapper that is a graph) is
 * overlap < 1/2. Intervals are half-open so that at overlap = 1/2 every point lies in exactly two of them (in one
 * within R/2 of either end); the maximum lies in the last interval. A coordinate with max = min (all points equal there) has R = 0 and
 * one interval holding every point.
 *
 * <p>Elements are numbered e = j1 x intervals + j2 for two coordinates (j1 for lens 1), e = j1 for one. A point lies in
 * every element whose intervals all contain it (up to 4 at overlap 1/2 in 2-D); elements with no point are empty and
 * produce no node (KeplerMapper and gudhi also drop them).
 */
public final class Cover {

    private final int intervals;
    private final double overlap;
    private final double[] min;
    private final double[] length;
    private final int[][] members;

    private Cover(int intervals, double overlap, double[] min, double[] length, int[][] members) {
        this.intervals = intervals;
        this.overlap = overlap;
        this.min = min;
        this.length = length;
        this.members = members;
    }

    /**
     * @param lens {@code double[n][dims]}, dims 1 or 2, finite
     * @throws IllegalArgumentException for intervals < 1, overlap outside [0, 1), or a bad lens array (named)
     */
    public static Cover of(double[][] lens, int intervals, double overlap) {
        if (intervals < 1) throw new IllegalArgumentException("intervals must be >= 1, got " + intervals);
        if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
        int dims = Points.checkCloud(lens, "lens values");
        if (dims > 2) throw new IllegalArgumentException("the cover takes 1 or 2 lens coordinates, got " + dims);
        int n = lens.length;
        double[] min = new double[dims], length = new double[dims];
        for (int d = 0; d < dims; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] p : lens) { lo = Math.min(lo, p[d]); hi = Math.max(hi, p[d]); }
            min[d] = lo;
            length[d] = (hi - lo) / intervals;
        }
        double half = overlap / (2 * (1 - overlap)); // e / R
        int elements = dims == 1 ? intervals : intervals * intervals;
        int[] count = new int[elements];
        int[][] range = new int[n][2 * dims];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dims; d++) {
                int[] r = intervalRange(lens[i][d], min[d], length[d], half, intervals);
                range[i][2 * d] = r[0];
                range[i][2 * d + 1] = r[1];
            }
            forEach(range[i], dims, intervals, e -> count[e]++);
        }
        int[][] members = new int[elements][];
        for (int e = 0; e < elements; e++) members[e] = new int[count[e]];
        int[] fill = new int[elements];
        for (int i = 0; i < n; i++) {
            final int point = i;
            forEach(range[i], dims, intervals, e -> members[e][fill[e]++] = point);
        }
        return new Cover(intervals, overlap, min, length, members);
    }

    /**
     * First and last interval j with min + jR - e <= t < min + (j+1)R + e, clipped to [0, intervals - 1]: in units of
     * R, s = (t - min) / R lies in [j - h, j + 1 + h) for h = e / R, so j runs from floor(s - 1 - h) + 1 to floor(s + h).
     */
    static int[] intervalRange(double t, double min, double r, double half, int intervals) {
        if (r == 0) return new int[]{0, 0};
        double s = (t - min) / r;
        int first = (int) Math.floor(s - 1 - half) + 1;
        int last = (int) Math.floor(s + half);
        // the maximum (s = intervals) goes to the last interval even at overlap 0
        return new int[]{Math.max(0, Math.min(intervals - 1, first)), Math.min(intervals - 1, last)};
    }

    private interface ElementAction { void accept(int element); }

    private static void forEach(int[] r, int dims, int intervals, ElementAction action) {
        if (dims == 1) {
            for (int j = r[0]; j <= r[1]; j++) action.accept(j);
            return;
        }
        for (int j1 = r[0]; j1 <= r[1]; j1++) {
            for (int j2 = r[2]; j2 <= r[3]; j2++) action.accept(j1 * intervals + j2);
        }
    }

    public int intervals() { return intervals; }
    public double overlap() { return overlap; }
    public int dimensions() { return min.length; }

    /** Number of elements, empty ones included: intervals^dims. */
    public int elementCount() { return members.length; }

    /** The points of element e, ascending; empty for an empty element. */
    public int[] members(int element) { return members[element].clone(); }

    /** Number of elements holding at least one point. */
    public int nonEmptyCount() {
        int c = 0;
        for (int[] m : members) if (m.length > 0) c++;
        return c;
    }

    /** The interval j of lens coordinate d as {lower (included), upper (excluded)}. */
    public double[] interval(int d, int j) {
        double e = overlap * length[d] / (2 * (1 - overlap));
        return new double[]{min[d] + j * length[d] - e, min[d] + (j + 1) * length[d] + e};
    }

}
