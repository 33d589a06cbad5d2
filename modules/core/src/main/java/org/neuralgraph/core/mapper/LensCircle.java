package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Points;

/**
 * Whether points lie around the centre of a 2-D lens in the order of an angle they carry: for filters, whether the
 * PCA plane holds Carlsson's primary circle, the ring of Brüel Gabrielsson (Sections 5 and 7: the trained filters "ordered by
 * edge orientation" around a circle), measured on the point cloud itself, before any cover or clustering.
 *
 * <p>With alpha_j the angle of point j's lens value around the points' centroid and beta_j its own angle (for filters
 * {@link Orientation#gradientDirection}), the association is
 * r = max over s = +1, -1 of | (1/n) sum_j exp(i (alpha_j - s beta_j)) |:
 * 1 when the position around the centre is the point's angle up to a rotation (s = 1) or a mirror image (s = -1) of
 * the plane (PCA fixes neither), and about sqrt(pi / (4 n)) in expectation for unrelated angles (the mean length of a
 * random walk of n unit steps, divided by n). Points with a NaN angle or at the centroid itself are left out.
 * This is our addition: the paper reads the ring off Ayasdi's pictures and gives no number.
 */
public final class LensCircle {

    private final double r;
    private final boolean mirrored;
    private final int n;

    private LensCircle(double r, boolean mirrored, int n) {
        this.r = r;
        this.mirrored = mirrored;
        this.n = n;
    }

    /**
     * @param lens    {@code [points][2]} lens values
     * @param degrees each point's angle in degrees (NaN: not used)
     */
    public static LensCircle of(double[][] lens, double[] degrees) {
        if (lens.length != degrees.length) {
            throw new IllegalArgumentException("lens has " + lens.length + " points but degrees has " + degrees.length);
        }
        double cx = 0, cy = 0;
        for (double[] p : lens) {
            if (p.length != 2) throw new IllegalArgumentException("LensCircle needs a 2-D lens, got " + p.length + " dimensions");
            cx += p[0] / lens.length;
            cy += p[1] / lens.length;
        }
        double plusRe = 0, plusIm = 0, minusRe = 0, minusIm = 0;
        int n = 0;
        for (int j = 0; j < lens.length; j++) {
            double dx = lens[j][0] - cx, dy = lens[j][1] - cy;
            if (Double.isNaN(degrees[j]) || (dx == 0 && dy == 0)) continue;
            double alpha = Math.atan2(dy, dx), beta = Math.toRadians(degrees[j]);
            plusRe += Math.cos(alpha - beta);
            plusIm += Math.sin(alpha - beta);
            minusRe += Math.cos(alpha + beta);
            minusIm += Math.sin(alpha + beta);
            n++;
        }
        if (n == 0) return new LensCircle(Double.NaN, false, 0);
        double plus = Math.hypot(plusRe, plusIm) / n, minus = Math.hypot(minusRe, minusIm) / n;
        return new LensCircle(Math.max(plus, minus), minus > plus, n);
    }

    /** The association r in [0, 1]; NaN without usable points. */
    public double r() { return r; }

    /** Whether the better fit is the mirror image (s = -1). */
    public boolean mirrored() { return mirrored; }

    /** Points used. */
    public int points() { return n; }

    /** r expected for n unrelated angles, sqrt(pi / (4 n)). */
    public double unrelated() { return n == 0 ? Double.NaN : Math.sqrt(Math.PI / (4.0 * n)); }
}
