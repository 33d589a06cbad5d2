package org.neuralgraph.core.mapper;

/**
 * The dominant orientation of a filter seen as a k x k image (row-major, k^2 values), for reading Mapper nodes as
 * Section 5 reads them: "the image patch data changed from vertical edges to diagonal edges, and then from diagonal
 * to horizontal edges".
 *
 * <p>From the structure tensor J = sum over pixels of g g^T, g = (gx, gy) the image gradient by central differences
 * (one-sided at the border, as numpy.gradient), x to the right along a row and y <b>up</b> (towards row 0). The main
 * eigenvector of J is the dominant gradient direction, at angle phi = atan2(2 Jxy, Jxx - Jyy) / 2. We report the
 * orientation of the <b>edge</b>, perpendicular to it: phi + 90 degrees, in [0, 180), counter-clockwise from the
 * x axis. So 0 = a horizontal edge (bright above dark: a vertical gradient), 90 = a vertical edge, 45 = an edge running
 * from bottom left to top right ("/"), 135 = "\". The coherence (l1 - l2) / (l1 + l2) of the eigenvalues, in [0, 1],
 * says how much one orientation dominates; without any (coherence below 1e-9: a constant, a centre-surround blob, a
 * checkerboard) the angle is NaN, as it is when the length is not a square.
 */
public final class Orientation {

    private Orientation() { }

    /** Whether a vector of this length is a square image. */
    public static boolean isSquare(int length) {
        int k = side(length);
        return k > 0;
    }

    /** The edge orientation in degrees, in [0, 180), or NaN (no dominant orientation, or not a square image). */
    public static double degrees(double[] filter) {
        double[] j = tensor(filter);
        if (j == null || coherenceOf(j) < 1e-9) return Double.NaN;
        double phi = Math.toDegrees(0.5 * Math.atan2(2 * j[1], j[0] - j[2]));
        double edge = phi + 90;
        edge = ((edge % 180) + 180) % 180;
        return edge >= 180 - 1e-9 ? 0 : edge;
    }

    /**
     * The direction of the filter's mean gradient, from dark towards bright, in degrees in [0, 360), counter-clockwise
     * from the x axis (y up, as above): 0 = brighter to the right, 90 = brighter above. Unlike {@link #degrees} it keeps
     * the edge's polarity, so a filter and its negative lie 180 degrees apart, as they do on Carlsson's primary circle
     * (linear gradients in every direction: a whole circle, where the edge orientation covers it twice). NaN when the
     * pixel gradients cancel (mean gradient below 1e-9 of their mean length: a blob, a bar, a constant) or the length
     * is not a square.
     */
    public static double gradientDirection(double[] filter) {
        int k = side(filter.length);
        if (k == 0) return Double.NaN;
        double sx = 0, sy = 0, length = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double gx = derivative(filter, k, r, c, 0, 1);
                double gy = -derivative(filter, k, r, c, 1, 0);
                sx += gx;
                sy += gy;
                length += Math.hypot(gx, gy);
            }
        }
        if (!(Math.hypot(sx, sy) > 1e-9 * length)) return Double.NaN;
        double d = Math.toDegrees(Math.atan2(sy, sx));
        d = ((d % 360) + 360) % 360;
        return d >= 360 - 1e-9 ? 0 : d;
    }

    /** (l1 - l2) / (l1 + l2) of the structure tensor, 0 for a flat filter, NaN if not a square image. */
    public static double coherence(double[] filter) {
        double[] j = tensor(filter);
        return j == null ? Double.NaN : coherenceOf(j);
    }

    private static double coherenceOf(double[] j) {
        double trace = j[0] + j[2];
        if (!(trace > 0)) return 0;
        double diff = Math.sqrt((j[0] - j[2]) * (j[0] - j[2]) + 4 * j[1] * j[1]);
        return diff / trace;
    }

    /** {Jxx, Jxy, Jyy}, or null if the length is not a square (k >= 2). */
    private static double[] tensor(double[] f) {
        int k = side(f.length);
        if (k < 2) return null;
        double jxx = 0, jxy = 0, jyy = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double gx = derivative(f, k, r, c, 0, 1);
                double gy = -derivative(f, k, r, c, 1, 0); // rows grow downwards, y grows upwards
                jxx += gx * gx;
                jxy += gx * gy;
                jyy += gy * gy;
            }
        }
        return new double[]{jxx, jxy, jyy};
    }

    /** d f / d(step) at (r, c): central inside, one-sided at the border. */
    private static double derivative(double[] f, int k, int r, int c, int dr, int dc) {
        int r0 = r - dr, c0 = c - dc, r1 = r + dr, c1 = c + dc;
        boolean lowIn = r0 >= 0 && c0 >= 0, highIn = r1 < k && c1 < k;
        if (lowIn && highIn) return (f[r1 * k + c1] - f[r0 * k + c0]) / 2;
        if (highIn) return f[r1 * k + c1] - f[r * k + c];
        if (lowIn) return f[r * k + c] - f[r0 * k + c0];
        return 0;
    }

    /** k with k^2 = length and k >= 2, else 0. */
    private static int side(int length) {
        int k = (int) Math.round(Math.sqrt(length));
        return k >= 2 && k * k == length ? k : 0;
    }
}
