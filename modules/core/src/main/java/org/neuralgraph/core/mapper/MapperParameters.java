package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Metric;
import org.neuralgraph.core.cluster.ClusterCut;

/**
 * The parameters of a Mapper graph of filters (Brüel Gabrielsson), immutable; start from {@link #defaults()} and change one at a
 * time with the {@code with...} methods, each of which checks its value and names it in the IllegalArgumentException.
 *
 * <table>
 *   <caption>Defaults, and what KeplerMapper and gudhi do</caption>
 *   <tr><th>parameter</th><th>here</th><th>why</th><th>KeplerMapper 2.x</th><th>gudhi MapperComplex</th></tr>
 *   <tr><td>metric</td><td>variance-normalised Euclidean</td><td>Section 4: "the most appropriate and informative for our
 *     dataset", kept in Section 7</td><td>Euclidean (scikit-learn clusterer)</td><td>Euclidean</td></tr>
 *   <tr><td>lens</td><td>PCA, 2 components</td><td>Section 7's improved model ("two PCA lenses"), whose ring is the
 *     paper's clearest result; Section 4's neighbourhood lenses are {@link Lens#neighbourhood}</td>
 *     <td>projection sum (row sums) in {@code fit_transform}</td><td>first coordinate</td></tr>
 *   <tr><td>intervals</td><td>10 per coordinate</td><td>the common default; the paper gives Ayasdi's resolution
 *     nowhere</td><td>{@code Cover(n_cubes=10)}</td><td>estimated from the data</td></tr>
 *   <tr><td>overlap</td><td>0.5</td><td>with 2 lens coordinates every point lies in 2 x 2 elements, so a ring of a
 *     few hundred points stays connected across the 10 x 10 cells: 200 points of a noisy circle kept their ring for 29
 *     of 30 seeds at 0.5, 16 at 1/3, where a cell crossing often holds no point; in 1-D 0.5 is the paper's limit
 *     e = R/2, where half-open intervals still make a graph</td>
 *     <td>{@code Cover} class 0.5, {@code map}'s default cover 0.1</td><td>1/3 ({@code gains})</td></tr>
 *   <tr><td>clustering</td><td>single linkage cut at one epsilon, the first empty of 10 histogram bins of the whole
 *     cloud's merge heights</td><td>Section 3.2 prescribes single linkage; the original Mapper's gap rule, applied per
 *     element, breaks sparse rings ({@link ClusterCut})</td>
 *     <td>{@code DBSCAN(eps=0.5, min_samples=3)}</td><td>{@code DBSCAN()}; single linkage at an estimated scale if
 *     {@code clustering=None}</td></tr>
 *   <tr><td>k, p</td><td>5, 20 %</td><td>Section 4's density filtration (used by {@link MapperGraph#ofFilters})</td>
 *     <td>-</td><td>-</td></tr>
 *   <tr><td>seed</td><td>0</td><td>start block of the neighbourhood lens; recorded</td><td>-</td><td>-</td></tr>
 * </table>
 *
 * <p>The paper's figures come from Ayasdi, whose resolution, gain and clustering are not stated, so no default can be
 * checked against them number for number. What the defaults do give: one component and one loop (first Betti number
 * 1; the cycle rank is about 100, from the K4s of the 2 x 2 overlaps) for 200 points of a noisy circle in 29 of 30
 * seeds, and for Section 7's scale, 1,280 kept of 6,400 synthetic step-edge filters at random angles, a ring (10 of 10
 * seeds) whose nodes' orientations cover nearly all of 0-180 degrees. At Section 4's scale (102 kept of 512) the same
 * synthetic filters mostly fall apart: 102 points are too few for 10 x 10 cells (no ring in 10 seeds; 3 of 10 with
 * 5 x 5 intervals).
 */
public final class MapperParameters {

    public static final Metric DEFAULT_METRIC = Metric.VARIANCE_NORMALISED_EUCLIDEAN;
    public static final int DEFAULT_INTERVALS = 10;
    public static final double DEFAULT_OVERLAP = 0.5;

    private final Metric metric;
    private final Lens lens;
    private final int intervals;
    private final double overlap;
    private final ClusterCut cut;
    private final int k;
    private final double percent;
    private final long seed;

    private MapperParameters(Metric metric, Lens lens, int intervals, double overlap, ClusterCut cut, int k, double percent, long seed) {
        this.metric = metric;
        this.lens = lens;
        this.intervals = intervals;
        this.overlap = overlap;
        this.cut = cut;
        this.k = k;
        this.percent = percent;
        this.seed = seed;
    }

    /** The defaults of the table above. */
    public static MapperParameters defaults() {
        return new MapperParameters(DEFAULT_METRIC, Lens.pca(2), DEFAULT_INTERVALS, DEFAULT_OVERLAP,
                ClusterCut.firstEmptyBinOfCloud(ClusterCut.DEFAULT_BINS), DensityFiltration.DEFAULT_K, DensityFiltration.DEFAULT_PERCENT, 0);
    }

    public MapperParameters withMetric(Metric metric) {
        if (metric == null) throw new IllegalArgumentException("metric must not be null");
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    public MapperParameters withLens(Lens lens) {
        if (lens == null) throw new IllegalArgumentException("lens must not be null");
        if (lens.dimensions() != 1 && lens.dimensions() != 2) throw new IllegalArgumentException("lens must have 1 or 2 dimensions, got " + lens.dimensions());
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    /** @throws IllegalArgumentException unless 1 <= intervals <= 1000 */
    public MapperParameters withIntervals(int intervals) {
        if (intervals < 1 || intervals > 1000) throw new IllegalArgumentException("intervals must be in [1, 1000], got " + intervals);
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    /** @throws IllegalArgumentException unless 0 <= overlap < 1 */
    public MapperParameters withOverlap(double overlap) {
        if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    public MapperParameters withClusterCut(ClusterCut cut) {
        if (cut == null) throw new IllegalArgumentException("cluster cut must not be null");
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    /** The density filtration's k. @throws IllegalArgumentException if k < 1 */
    public MapperParameters withK(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    /** The density filtration's p in percent. @throws IllegalArgumentException unless 0 < percent <= 100 */
    public MapperParameters withPercent(double percent) {
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    public MapperParameters withSeed(long seed) {
        return new MapperParameters(metric, lens, intervals, overlap, cut, k, percent, seed);
    }

    public Metric metric() { return metric; }
    public Lens lens() { return lens; }
    public int intervals() { return intervals; }
    public double overlap() { return overlap; }
    public ClusterCut clusterCut() { return cut; }
    public int k() { return k; }
    public double percent() { return percent; }
    public long seed() { return seed; }

    /** In a report's words: "metric ...; lens ...; 10 intervals per lens coordinate, overlap 0.5; ...". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "metric %s; lens %s; %d intervals per lens coordinate, overlap %s; clustering: %s; "
                + "kept: the densest %s %% of the points (distance to the %d-th nearest neighbour); seed %d",
                metric.description(), lens.description(), intervals, trim(overlap), cut.description(), trim(percent), k, seed);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String toString() {
        return "MapperParameters{metric=" + metric.description() + ", lens=" + lens.description() + ", intervals=" + intervals
                + ", overlap=" + overlap + ", clustering=" + cut.description() + ", k=" + k + ", p=" + percent + " %, seed=" + seed + "}";
    }
}
