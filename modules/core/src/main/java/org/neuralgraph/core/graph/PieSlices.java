package org.neuralgraph.core.graph;

import java.util.Arrays;

/**
 * The slices of a node drawn as a pie chart of the communities it belongs to. An activation pattern graph (Mostafa and
 * Mondal, Section 5.1, Eq. 6-7) puts a neuron in every class whose representatives it is among, so its communities
 * overlap: that overlap is what Eq. 3 (Shen et al.) and Eq. 4 (Chen et al., with belonging coefficients
 * alpha_cv) measure, and a node drawn in one colour hides it. A pie shows each of the node's communities, its share of
 * the circle the node's belonging coefficient in it, or equal shares when there are none (the cover alone, Eq. 3
 * weighs each community of a node alike).
 *
 * <p>Angles are in degrees, measured clockwise from 12 o'clock, as a reader reads a clock: slice {@code k} starts at
 * {@link #start(int)} and covers {@link #extent(int)}; the slices follow the order the communities are given in, the
 * first starting at 0, and their extents add up to exactly 360 (the last slice takes what the others leave, so
 * rounding never leaves a gap).
 *
 * <p>Coefficients: normalised to sum 1. A coefficient of 0 is dropped, with its community: the node has no weight
 * into that community (alpha_cv = 0 in Eq. 4), so it gets no slice. A negative, NaN or infinite coefficient is refused
 * ({@link IllegalArgumentException}): it is no share of anything and means the column holds something else; so are
 * coefficients that are all 0, a community listed twice, and a negative community id.
 */
public final class PieSlices {

    /** No slices: a node in no community, drawn as a plain circle. */
    public static final PieSlices NONE = new PieSlices(new int[0], new double[0], new double[0]);

    private final int[] community;
    private final double[] start;
    private final double[] extent;

    private PieSlices(int[] community, double[] start, double[] extent) {
        this.community = community;
        this.start = start;
        this.extent = extent;
    }

    /** One full slice: a node of a plain partition. */
    public static PieSlices whole(int community) {
        return of(new int[]{community}, null);
    }

    /**
     * @param communities  the node's community ids (e.g. its classes), in the order the slices are drawn
     * @param coefficients its belonging coefficient in each, any positive scale; null for equal shares
     */
    public static PieSlices of(int[] communities, double[] coefficients) {
        int n = communities.length;
        if (coefficients != null && coefficients.length != n) {
            throw new IllegalArgumentException(n + " communities but " + coefficients.length + " belonging coefficients");
        }
        for (int i = 0; i < n; i++) {
            if (communities[i] < 0) throw new IllegalArgumentException("community id " + communities[i] + " is negative");
            for (int j = 0; j < i; j++) {
                if (communities[j] == communities[i]) throw new IllegalArgumentException("community " + communities[i] + " is listed twice");
            }
        }
        double[] share = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double a = coefficients == null ? 1 : coefficients[i];
            if (!(a >= 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("belonging coefficient of community " + communities[i] + " is " + a + "; it must be a finite number >= 0");
            }
            share[i] = a;
            total += a;
        }
        if (n > 0 && !(total > 0)) throw new IllegalArgumentException("the belonging coefficients of communities " + Arrays.toString(communities) + " are all 0");
        int kept = 0;
        for (double a : share) if (a > 0) kept++;
        int[] c = new int[kept];
        double[] st = new double[kept], ex = new double[kept];
        double at = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (share[i] == 0) continue;
            c[k] = communities[i];
            st[k] = at;
            ex[k] = k == kept - 1 ? 360 - at : 360 * (share[i] / total);
            at += ex[k];
            k++;
        }
        return new PieSlices(c, st, ex);
    }

    /** How many slices; 0 for a node in no community. */
    public int size() { return community.length; }

    /** The community of slice {@code k}. */
    public int community(int k) { return community[k]; }

    /** Where slice {@code k} starts: degrees clockwise from 12 o'clock, in [0, 360). */
    public double start(int k) { return start[k]; }

    /** How far slice {@code k} reaches, degrees clockwise; in (0, 360]. */
    public double extent(int k) { return extent[k]; }

    /** Where slice {@code k} ends, degrees clockwise from 12 o'clock; the last slice ends at 360. */
    public double end(int k) { return start[k] + extent[k]; }

    /**
     * The point at {@code degrees} clockwise from 12 o'clock on the circle of radius {@code r} around (0, 0), as
     * {x, y} with y growing downwards (a page's, SVG's and Java2D's convention): 0 is (0, -r), 90 is (r, 0).
     */
    public static double[] pointOnCircle(double degrees, double r) {
        double a = Math.toRadians(degrees);
        return new double[]{r * Math.sin(a), -r * Math.cos(a)};
    }

    /**
     * Slice {@code k}'s arc around ({@code x}, {@code y}) for a vector format whose y grows upwards (PDF): its first
     * point, then cubic Bézier segments of three points each (two controls and the end), one per piece of at most 90
     * degrees. A writer draws the slice as move to the centre, line to the first point, the curves, close.
     */
    public double[] arcUpwards(int k, double x, double y, double r) {
        double a0 = Math.toRadians(start(k)), a1 = Math.toRadians(end(k));
        int pieces = Math.max(1, (int) Math.ceil(extent(k) / 90 - 1e-9));
        double step = (a1 - a0) / pieces, h = 4.0 / 3 * Math.tan(step / 4) * r;
        double[] p = new double[2 + 6 * pieces];
        p[0] = x + r * Math.sin(a0);
        p[1] = y + r * Math.cos(a0);
        for (int j = 0; j < pieces; j++) {
            double u = a0 + j * step, v = u + step;
            int o = 2 + 6 * j;
            p[o] = x + r * Math.sin(u) + h * Math.cos(u);
            p[o + 1] = y + r * Math.cos(u) - h * Math.sin(u);
            p[o + 2] = x + r * Math.sin(v) - h * Math.cos(v);
            p[o + 3] = y + r * Math.cos(v) + h * Math.sin(v);
            p[o + 4] = x + r * Math.sin(v);
            p[o + 5] = y + r * Math.cos(v);
        }
        return p;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PieSlices[");
        for (int k = 0; k < size(); k++) b.append(k == 0 ? "" : ", ").append(community[k]).append(": ").append(start[k]).append("+").append(extent[k]);
        return b.append(']').toString();
    }
}
