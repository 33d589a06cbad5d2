package org.neuralgraph.core.cluster;

import org.neuralgraph.core.geometry.Metric;
import java.util.Locale;

/**
 * Where single linkage is cut inside a cover element (Brüel Gabrielsson, Section 3.2, step 4): clusters are the classes of the
 * transitive closure of d(x, x') <= threshold, i.e. the components of the minimum spanning tree's edges of length at
 * most the threshold. Three rules:
 *
 * <ul>
 *   <li>{@link #firstEmptyBin(int)}: the heuristic of the original Mapper (Singh, Memoli and Carlsson 2007, clustering
 *   step), in every element: a histogram of the element's single-linkage merge heights with {@code bins} equal bins and
 *   the cut in the first empty bin; no empty bin, one cluster. As in their MATLAB code's R port TDAmapper
 *   ({@code cluster_cutoff_at_first_empty_bin}) the element's diameter (largest pairwise distance) is counted with the
 *   heights and closes the range, so the bins span [smallest height, diameter]; elements of one or two points are one
 *   cluster. (Python Mapper's {@code histogram} spans [0, diameter] instead, which in R^25, where no two filters are
 *   close, leaves the first bins empty and cuts every point apart.)</li>
 *   <li>{@link #firstEmptyBinOfCloud(int)}, <b>our default</b> (10 bins): the same histogram rule applied once, to the
 *   single-linkage tree of the whole point cloud, gives one epsilon, which then cuts every element. Why: the
 *   per-element rule was made for densely sampled shapes; a 10 x 10 cover of a few hundred filters leaves a handful of
 *   points per element, and there the ordinary unevenness of the spacing looks like a gap. On 200 points of a noisy
 *   circle (noise 0.05) with the default cover, the per-element rule kept the ring (one component, one loop) for 1 of
 *   30 seeds, the whole-cloud rule for 29; at 1,280 points (Section 7's count) both work (29 and 30 of 30).</li>
 *   <li>{@link #fixedEpsilon(double)}: the paper's own wording of Section 3.2, "fixing a value of a parameter
 *   epsilon": the same epsilon everywhere, under the Mapper's metric.</li>
 * </ul>
 *
 * <p>For comparison: KeplerMapper's {@code map} clusters each hypercube with scikit-learn's
 * {@code DBSCAN(eps=0.5, min_samples=3)} by default (points of no cluster are dropped); gudhi's
 * {@code MapperComplex} defaults to {@code DBSCAN()} (eps 0.5, min_samples 5) and with {@code clustering=None} uses
 * single-linkage {@code AgglomerativeClustering} cut at one scale delta estimated from the whole cloud by random
 * subsampling (Carriere, Michel and Oudot, JMLR 19, 2018), which is the idea of our default with a deterministic
 * estimate. The DBSCAN defaults assume data of about unit spread.
 */
public abstract class ClusterCut {

    /** Default number of histogram bins. */
    public static final int DEFAULT_BINS = 10;

    ClusterCut() { }

    /**
     * The first-empty-bin rule in every element.
     *
     * @throws IllegalArgumentException if bins < 2
     */
    public static ClusterCut firstEmptyBin(int bins) {
        checkBins(bins);
        return new FirstEmptyBin(bins);
    }

    /**
     * The first-empty-bin rule on the whole cloud, giving one epsilon ({@link #fittedTo}).
     *
     * @throws IllegalArgumentException if bins < 2
     */
    public static ClusterCut firstEmptyBinOfCloud(int bins) {
        checkBins(bins);
        return new FirstEmptyBinOfCloud(bins);
    }

    /**
     * @throws IllegalArgumentException if epsilon is negative, NaN or infinite
     */
    public static ClusterCut fixedEpsilon(double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        return new FixedEpsilon(epsilon, null);
    }

    private static void checkBins(int bins) {
        if (bins < 2) throw new IllegalArgumentException("bins must be >= 2, got " + bins);
    }

    /**
     * This rule made ready for the elements of one point cloud (rows under the Euclidean distance, after
     * {@link Metric#embed}): the whole-cloud rule becomes a fixed epsilon; the others are returned as they are.
     */
    public ClusterCut fittedTo(double[][] cloud) { return this; }

    /**
     * The threshold for one element: merges of height <= threshold are made; {@code +Infinity} for one cluster.
     *
     * @param heights  the m - 1 merge heights (minimum spanning tree edge lengths) of an element of m points, any order
     * @param diameter the largest distance between two of its points
     * @throws IllegalStateException for the whole-cloud rule before {@link #fittedTo}
     */
    public abstract double threshold(double[] heights, double diameter);

    /** A human-readable description, used as the graph attribute {@code clustering}. */
    public abstract String description();

    /** The first empty of {@code bins} bins over [min height, diameter], the diameter counted; +Infinity if none. */
    static double firstEmptyBinThreshold(double[] heights, double diameter, int bins) {
        if (heights.length < 2) return Double.POSITIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (double h : heights) lo = Math.min(lo, h);
        double hi = Math.max(diameter, lo);
        if (!(hi > lo)) return Double.POSITIVE_INFINITY;
        double width = (hi - lo) / bins;
        int[] count = new int[bins];
        for (double h : heights) count[bin(h, lo, width, bins)]++;
        count[bin(diameter, lo, width, bins)]++;
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) return lo + (b + 0.5) * width; // no height lies in an empty bin: any value there cuts alike
        }
        return Double.POSITIVE_INFINITY;
    }

    private static int bin(double v, double lo, double width, int bins) {
        return Math.min(bins - 1, Math.max(0, (int) Math.floor((v - lo) / width)));
    }

    private static final class FirstEmptyBin extends ClusterCut {
        private final int bins;

        FirstEmptyBin(int bins) { this.bins = bins; }

        @Override
        public double threshold(double[] heights, double diameter) { return firstEmptyBinThreshold(heights, diameter, bins); }

        @Override
        public String description() { return "single linkage, cut in each element at the first empty of " + bins + " histogram bins of its merge heights"; }
    }

    private static final class FirstEmptyBinOfCloud extends ClusterCut {
        private final int bins;

        FirstEmptyBinOfCloud(int bins) { this.bins = bins; }

        @Override
        public ClusterCut fittedTo(double[][] cloud) {
            if (cloud.length < 2) return new FixedEpsilon(0, description());
            SingleLinkage.SpanningTree tree = SingleLinkage.SpanningTree.of(cloud);
            double epsilon = firstEmptyBinThreshold(tree.heights(), tree.diameter(), bins);
            if (Double.isInfinite(epsilon)) epsilon = tree.diameter(); // no gap anywhere: one cluster per element
            return new FixedEpsilon(epsilon, description());
        }

        @Override
        public double threshold(double[] heights, double diameter) {
            throw new IllegalStateException("the whole-cloud rule must be fitted to the cloud first (fittedTo)");
        }

        @Override
        public String description() { return "single linkage, cut at one epsilon: the first empty of " + bins + " histogram bins of the whole cloud's merge heights"; }
    }

    private static final class FixedEpsilon extends ClusterCut {
        private final double epsilon;
        private final String origin;

        FixedEpsilon(double epsilon, String origin) {
            this.epsilon = epsilon;
            this.origin = origin;
        }

        @Override
        public double threshold(double[] heights, double diameter) { return epsilon; }

        @Override
        public String description() {
            String eps = String.format(Locale.ROOT, "epsilon = %.6g", epsilon);
            return origin == null ? "single linkage, cut at " + eps : origin + " (" + eps + ")";
        }
    }
}
