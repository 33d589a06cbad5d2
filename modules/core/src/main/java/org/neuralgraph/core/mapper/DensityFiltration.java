package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.NearestNeighbours;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Brüel Gabrielsson, Section 3.1, density filtration: rho_k(x) is the distance from x to its k-th nearest neighbour (x itself
 * not counted), the density is 1 / rho_k(x), and the core subset X(k, p) is the p % of the points with the highest
 * density. Section 4 applies it with k = 5 and p = 20 % to the standardised filters under the Euclidean distance
 * ({@link #DEFAULT_K}, {@link #DEFAULT_PERCENT}).
 *
 * <p>Our choices where the paper is silent: the core holds round(p % of n) points, at least 1 (the paper writes
 * floor(0.2 x 512) = 102; round gives the same 102 there and 1,280 of 6,400 in Section 7); ties in density go to the
 * lower row index. A point with k or more identical copies has rho_k = 0 and so infinite density: such points come
 * first, in row order; they are reported as {@code Double.POSITIVE_INFINITY}, not rejected, since duplicated filters
 * are a real (if degenerate) outcome of training.
 */
public final class DensityFiltration {

    /** Section 4's k. */
    public static final int DEFAULT_K = 5;
    /** Section 4's p, in percent. */
    public static final double DEFAULT_PERCENT = 20;

    private final int k;
    private final double percent;
    private final double[] density;
    private final int[] kept;

    private DensityFiltration(int k, double percent, double[] density, int[] kept) {
        this.k = k;
        this.percent = percent;
        this.density = density;
        this.kept = kept;
    }

    /**
     * The core subset X(k, p) of the points under the Euclidean distance.
     *
     * @throws IllegalArgumentException if k < 1, n <= k (the message names k and n), percent is outside (0, 100], or
     *                                  the cloud is empty, ragged or not finite
     */
    public static DensityFiltration filter(double[][] points, int k, double percent) {
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        double[] density = densities(points, k);
        int n = points.length;
        int keep = Math.max(1, (int) Math.round(percent / 100 * n));
        Comparator<Integer> denser = Comparator.comparingDouble((Integer i) -> density[i]).reversed().thenComparingInt(i -> i);
        int[] core = IntStream.range(0, n).boxed().sorted(denser).limit(keep).mapToInt(Integer::intValue).toArray();
        Arrays.sort(core);
        return new DensityFiltration(k, percent, density, core);
    }

    /**
     * 1 / rho_k of every point (Euclidean), {@code +Infinity} where rho_k = 0.
     *
     * @throws IllegalArgumentException as {@link NearestNeighbours#of}
     */
    public static double[] densities(double[][] points, int k) {
        NearestNeighbours nn = NearestNeighbours.of(points, k);
        double[] density = new double[points.length];
        for (int i = 0; i < density.length; i++) density[i] = 1 / nn.kthDistance(i);
        return density;
    }

    public int k() { return k; }
    public double percent() { return percent; }

    /** Rows in the core, ascending. */
    public int[] kept() { return kept.clone(); }

    /** The density 1 / rho_k of every input row (not only the kept ones). */
    public double[] densities() { return density.clone(); }

    /** The densities of the kept rows, in the order of {@link #kept()}. */
    public double[] keptDensities() {
        double[] d = new double[kept.length];
        for (int i = 0; i < kept.length; i++) d[i] = density[kept[i]];
        return d;
    }
}
