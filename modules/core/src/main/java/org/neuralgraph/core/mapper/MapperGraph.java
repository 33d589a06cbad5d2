package org.neuralgraph.core.mapper;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.geometry.Points;
import org.neuralgraph.core.geometry.Metric;
import org.neuralgraph.core.cluster.ClusterCut;
import org.neuralgraph.core.cluster.SingleLinkage;
import org.neuralgraph.core.cycles.GraphCycles;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Mapper graph of a point cloud (Brüel Gabrielsson, Section 3.2, steps 1-5), as the paper builds it from the first
 * convolution layer's filters (Section 4: one point per output channel, its k x k weights): a {@link Lens} maps the
 * points to R^1 or R^2, a {@link Cover} of overlapping intervals (products in 2-D) is pulled back, the points of each
 * cover element are clustered by {@link SingleLinkage} under the {@link Metric}, every cluster is a node, and two
 * clusters sharing points are linked (the 1-skeleton of the nerve), with weight = the number of shared points.
 *
 * <p>Undirected. Node ids {@code c<element>_<cluster>} (element numbered as in {@link Cover}, clusters from 0 in order
 * of their first point), in that order. Node columns: {@code size} (members), {@code members} (their ids, space
 * separated: the caller's ids or the row index), {@code mean_filter} (mean member vector, space separated, 3
 * decimals), {@code orientation}, {@code orientation_coherence} and {@code gradient_direction} ({@link Orientation} of
 * the mean as a k x k image, only when the dimension is a square k^2, k >= 2), {@code lens_1} and, for a 2-D lens, {@code lens_2} (mean lens
 * values). Graph attributes: {@code graph_kind} "mapper graph", {@code metric}, {@code lens}, {@code intervals},
 * {@code overlap}, {@code clustering}, {@code density_k}, {@code density_percent}, {@code preprocessing},
 * {@code input_points}, {@code points}, {@code cover_elements} (non-empty ones), {@code components},
 * {@code cycle_rank} (edges - nodes + components), {@code largest_cycle} (longest cycle of a minimum cycle basis,
 * {@link GraphCycles}; -1 when not computed because the cycle rank exceeds {@link #MAX_BASIS_RANK}: dense graphs from
 * large overlaps, where Horton's algorithm takes seconds), {@code betti_1} (loops of the nerve once triangles are
 * filled; -1 above {@link #MAX_TRIANGLE_INCIDENCES}, overlaps near 1 where every point lies in hundreds of elements),
 * {@code seed} and, for a 2-D lens over square images, {@code lens_circle_r} ({@link LensCircle} of the points'
 * gradient directions).
 *
 * <p>With a 2-D lens a point can lie in four cover elements, whose clusters then form a K4 in the graph: cycle rank
 * counts those small triangles, betti_1 does not, and largest_cycle shows the big loop.
 */
public final class MapperGraph {

    /** Largest cycle rank whose minimum cycle basis is computed; above it {@code largest_cycle} is -1. */
    public static final int MAX_BASIS_RANK = 2000;
    /** Largest nodes x (cycle rank + 1), the size of Horton's candidate list, for which the basis is computed. */
    public static final long MAX_BASIS_CANDIDATES = 4_000_000L;
    /** Largest number of (point, three of its clusters) triples for which betti_1 is computed; above it betti_1 is -1. */
    public static final long MAX_TRIANGLE_INCIDENCES = 5_000_000L;

    private MapperGraph() { }

    /** The Mapper graph of the points as given (no standardisation, no density filtration), ids = row indices. */
    public static MapperResult build(double[][] points, MapperParameters params) {
        return build(points, null, params);
    }

    /**
     * The Mapper graph of the points as given (no standardisation, no density filtration).
     *
     * @param ids one id per row (no whitespace), or null for the row index
     * @throws IllegalArgumentException for an empty, ragged or non-finite cloud, bad ids, or a lens that cannot be
     *                                  computed on these points (too few points for its k, say)
     */
    public static MapperResult build(double[][] points, String[] ids, MapperParameters params) {
        Objects.requireNonNull(params, "params");
        Points.checkCloud(points, "points");
        String[] names = names(ids, points.length);
        int[] all = new int[points.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return run(points, all, names, params, "none (points as given)", points.length);
    }

    /**
     * Section 4's pipeline for filters: each row standardised ({@link FilterPreprocessing}), the densest p % by distance
     * to the k-th neighbour kept ({@link DensityFiltration}, Euclidean, k and p from the parameters), then the Mapper of
     * the kept standardised filters.
     *
     * @param filters one row per output channel, its k x k weights row-major
     * @param ids     one id per row (no whitespace), or null for the row index
     * @throws IllegalArgumentException for a constant filter, n <= k, bad ids or a bad cloud
     */
    public static MapperResult ofFilters(double[][] filters, String[] ids, MapperParameters params) {
        Objects.requireNonNull(params, "params");
        Points.checkCloud(filters, "filters");
        String[] names = names(ids, filters.length);
        double[][] standard = FilterPreprocessing.standardise(filters);
        DensityFiltration core = DensityFiltration.filter(standard, params.k(), params.percent());
        int[] kept = core.kept();
        double[][] cloud = new double[kept.length][];
        for (int i = 0; i < kept.length; i++) cloud[i] = standard[kept[i]];
        String how = String.format(Locale.ROOT, "rows standardised (mean 0, variance 1); densest %s %% by distance to the %d-th neighbour: %d of %d rows",
                fmt(params.percent()), params.k(), kept.length, filters.length);
        return run(cloud, kept, names, params, how, filters.length);
    }

    private static MapperResult run(double[][] cloud, int[] origin, String[] names, MapperParameters p, String preprocessing, int inputPoints) {
        int n = cloud.length, dim = cloud[0].length;
        double[][] lens = p.lens().values(cloud, p.metric(), p.seed());
        if (lens.length != n) throw new IllegalArgumentException("lens " + p.lens().description() + " gave " + lens.length + " rows for " + n + " points");
        Cover cover = Cover.of(lens, p.intervals(), p.overlap());
        double[][] z = p.metric().embed(cloud);
        ClusterCut cut = p.clusterCut().fittedTo(z);

        List<int[]> clusters = new ArrayList<>();
        List<Integer> elementOf = new ArrayList<>();
        List<String> nodeIds = new ArrayList<>();
        for (int e = 0; e < cover.elementCount(); e++) {
            int[] mem = cover.members(e);
            if (mem.length == 0) continue;
            double[][] sub = new double[mem.length][];
            for (int i = 0; i < mem.length; i++) sub[i] = z[mem[i]];
            int[] label = SingleLinkage.labelsUnchecked(sub, cut);
            int count = 0;
            for (int l : label) count = Math.max(count, l + 1);
            int[] size = new int[count];
            for (int l : label) size[l]++;
            int[][] groups = new int[count][];
            for (int c = 0; c < count; c++) groups[c] = new int[size[c]];
            int[] fill = new int[count];
            for (int i = 0; i < mem.length; i++) groups[label[i]][fill[label[i]]++] = mem[i];
            for (int c = 0; c < count; c++) {
                clusters.add(groups[c]);
                elementOf.add(e);
                nodeIds.add("c" + e + "_" + c);
            }
        }
        int nodes = clusters.size();

        int[][] nodesOfPoint = nodesOfPoint(clusters, n);
        long incidences = 0;
        for (int[] list : nodesOfPoint) incidences += (long) list.length * (list.length - 1) * (list.length - 2) / 6;
        boolean fillTriangles = incidences <= MAX_TRIANGLE_INCIDENCES;
        Map<Long, Integer> shared = new HashMap<>();
        Set<Long> triangleKeys = new HashSet<>();
        long big = nodes;
        for (int[] list : nodesOfPoint) {
            for (int a = 0; a < list.length; a++) {
                for (int b = a + 1; b < list.length; b++) {
                    shared.merge(list[a] * big + list[b], 1, Integer::sum);
                    if (!fillTriangles) continue;
                    for (int c = b + 1; c < list.length; c++) triangleKeys.add((list[a] * big + list[b]) * big + list[c]);
                }
            }
        }
        long[] edgeKeys = shared.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] src = new int[edgeKeys.length], dst = new int[edgeKeys.length];
        for (int e = 0; e < edgeKeys.length; e++) {
            src[e] = (int) (edgeKeys[e] / big);
            dst[e] = (int) (edgeKeys[e] % big);
        }
        int[][] triangles = triangleKeys.stream().sorted().map(t -> new int[]{(int) (t / big / big), (int) (t / big % big), (int) (t % big)}).toArray(int[][]::new);
        int components = GraphCycles.components(nodes, src, dst);
        int cycleRank = src.length - nodes + components;
        boolean small = cycleRank <= MAX_BASIS_RANK && (long) nodes * (cycleRank + 1) <= MAX_BASIS_CANDIDATES;
        int[] basis = small ? GraphCycles.minimumCycleBasisLengths(nodes, src, dst) : null;
        int betti1 = fillTriangles ? GraphCycles.betti1(nodes, src, dst, triangles) : -1;

        NeuralGraph.Builder b = new NeuralGraph.Builder(false).capacity(nodes, src.length);
        int dims = lens[0].length;
        int[] size = new int[nodes];
        String[] members = new String[nodes], meanText = new String[nodes];
        double[][] means = new double[nodes][];
        double[] orientation = new double[nodes], coherence = new double[nodes], direction = new double[nodes];
        double[][] lensMean = new double[dims][nodes];
        int[][] memberRows = new int[nodes][];
        for (int v = 0; v < nodes; v++) {
            int[] mem = clusters.get(v);
            b.addNode(nodeIds.get(v), nodeIds.get(v));
            size[v] = mem.length;
            double[] mean = new double[dim];
            StringBuilder ids = new StringBuilder();
            memberRows[v] = new int[mem.length];
            for (int i = 0; i < mem.length; i++) {
                memberRows[v][i] = origin[mem[i]];
                if (i > 0) ids.append(' ');
                ids.append(names[origin[mem[i]]]);
                for (int j = 0; j < dim; j++) mean[j] += cloud[mem[i]][j];
                for (int d = 0; d < dims; d++) lensMean[d][v] += lens[mem[i]][d];
            }
            for (int j = 0; j < dim; j++) mean[j] /= mem.length;
            for (int d = 0; d < dims; d++) lensMean[d][v] /= mem.length;
            means[v] = mean;
            members[v] = ids.toString();
            meanText[v] = text(mean);
            orientation[v] = Orientation.degrees(mean);
            coherence[v] = Orientation.coherence(mean);
            direction[v] = Orientation.gradientDirection(mean);
        }
        for (int e = 0; e < src.length; e++) b.addEdge(src[e], dst[e], shared.get(edgeKeys[e]));
        b.nodeColumn("size", Column.ofInts("Members", size))
                .nodeColumn("members", Column.ofStrings("Member ids", members))
                .nodeColumn("mean_filter", Column.ofStrings("Mean of the members", meanText));
        if (Orientation.isSquare(dim)) {
            b.nodeColumn("orientation", Column.ofDoubles("Edge orientation of the mean, degrees (0 horizontal, 90 vertical)", orientation))
                    .nodeColumn("orientation_coherence", Column.ofDoubles("Coherence of that orientation, 0-1", coherence))
                    .nodeColumn("gradient_direction", Column.ofDoubles("Gradient direction of the mean, dark to bright, degrees (0 brighter right, 90 brighter above)", direction));
        }
        b.nodeColumn("lens_1", Column.ofDoubles("Mean lens 1", lensMean[0]));
        if (dims == 2) b.nodeColumn("lens_2", Column.ofDoubles("Mean lens 2", lensMean[1]));
        b.graphAttribute(Names.GRAPH_KIND, "mapper graph")
                .graphAttribute("metric", p.metric().description())
                .graphAttribute("lens", p.lens().description())
                .graphAttribute("intervals", p.intervals())
                .graphAttribute("overlap", p.overlap())
                .graphAttribute("clustering", cut.description())
                .graphAttribute("density_k", p.k())
                .graphAttribute("density_percent", p.percent())
                .graphAttribute("preprocessing", preprocessing)
                .graphAttribute("input_points", inputPoints)
                .graphAttribute("points", n)
                .graphAttribute("cover_elements", cover.nonEmptyCount())
                .graphAttribute("components", components)
                .graphAttribute("cycle_rank", cycleRank)
                .graphAttribute("largest_cycle", basis == null ? -1 : basis.length == 0 ? 0 : basis[basis.length - 1])
                .graphAttribute("betti_1", betti1)
                .graphAttribute(Names.SEED, p.seed());
        LensCircle circle = dims == 2 && Orientation.isSquare(dim) ? LensCircle.of(lens, gradientDirections(cloud)) : null;
        if (circle != null) b.graphAttribute("lens_circle_r", circle.r());
        int[] elements = elementOf.stream().mapToInt(Integer::intValue).toArray();
        double[][] lensOfPoints = new double[n][];
        for (int i = 0; i < n; i++) lensOfPoints[i] = lens[i].clone();
        return new MapperResult(b.build(), memberRows, means, elements, origin.clone(), lensOfPoints, components, cycleRank, basis, betti1, circle);
    }

    private static double[] gradientDirections(double[][] cloud) {
        double[] d = new double[cloud.length];
        for (int i = 0; i < cloud.length; i++) d[i] = Orientation.gradientDirection(cloud[i]);
        return d;
    }

    /** For every point, the nodes whose cluster holds it, ascending. */
    private static int[][] nodesOfPoint(List<int[]> clusters, int n) {
        int[] count = new int[n];
        for (int[] c : clusters) for (int i : c) count[i]++;
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = new int[count[i]];
        int[] fill = new int[n];
        for (int v = 0; v < clusters.size(); v++) for (int i : clusters.get(v)) out[i][fill[i]++] = v;
        return out;
    }

    private static String[] names(String[] ids, int n) {
        if (ids == null) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) out[i] = String.valueOf(i);
            return out;
        }
        if (ids.length != n) throw new IllegalArgumentException("ids has " + ids.length + " entries for " + n + " rows");
        for (int i = 0; i < n; i++) {
            if (ids[i] == null || ids[i].isEmpty() || ids[i].chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("id of row " + i + " is empty or contains whitespace: \"" + ids[i] + "\"");
            }
        }
        return ids.clone();
    }

    private static String text(double[] v) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < v.length; j++) {
            if (j > 0) s.append(' ');
            s.append(String.format(Locale.ROOT, "%.3f", v[j]));
        }
        return s.toString();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
