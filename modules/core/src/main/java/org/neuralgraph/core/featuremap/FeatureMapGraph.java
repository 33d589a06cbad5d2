package org.neuralgraph.core.featuremap;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The graph of one composite feature map (Darnell and Leonard, Section 3, Fig. 1): pixels are nodes, chosen as the brightest
 * p % (default 10 %) or the darkest q % (default 90 %) of the map, and linked either by <b>spatial adjacency</b>
 * (4-neighbours, no diagonals, as the paper: "directly next to each other (excluding diagonals)"; 8-neighbours as an
 * option) or by <b>value adjacency</b> (Section 4: "a dynamic offset value based on the difference between the
 * brightest and darkest pixels ... an edge was formed if the value difference between two pixels was less than this
 * offset value, and the weight of the edge was determined by the offset divided by the value difference").
 *
 * <p>Our choices where the paper is silent: the selection takes exactly round(p % of the pixels) pixels, at least
 * one, ties broken by pixel order (row-major), so a constant map selects its first pixels; the value offset is
 * {@code offsetFraction} x (max - min) of the whole map (the paper gives no fraction; default
 * {@link #DEFAULT_OFFSET_FRACTION}); the weight offset / difference is capped at {@code weightCap} (default
 * {@link #DEFAULT_WEIGHT_CAP}), which is also the weight of two equal values; a constant map has offset 0 and so no
 * value edges. Spatial edges weigh 1. Undirected, no self-loops.
 *
 * <p>Node ids {@code r<row>c<col>}; node columns {@code row}, {@code col} (Gephi places the nodes on the pixel grid),
 * {@code value}; graph attributes {@code graph_kind}, {@code selection}, {@code adjacency}, {@code map_height},
 * {@code map_width} and, for value adjacency, {@code value_offset}.
 */
public final class FeatureMapGraph {

    /**
     * Default share of max - min below which two values are adjacent: 0.005, about 1.3 grey levels of a map scaled to
     * 0-255. The paper gives no number; its Fig. 1c links only pixels of equal 8-bit value (254 with 254, not with
     * 253 or 255), so the offset is of the order of one grey level, and on our untrained LeNet 0.005 gives the paper's
     * starting figures (weighted degree about 25 against its 32, path length about 4 against its 4), where 0.05 makes
     * the brightest 10 % nearly a complete graph. {@code neuralgraph featuremaps} reports 0.002 to 0.05 side by side.
     */
    public static final double DEFAULT_OFFSET_FRACTION = 0.005;
    /** Default cap of a value edge's weight offset / difference. */
    public static final double DEFAULT_WEIGHT_CAP = 100;

    /** How edges are made. */
    public enum Adjacency { SPATIAL_4, SPATIAL_8, VALUE }

    private FeatureMapGraph() { }

    /** Spatial adjacency ({@link Adjacency#SPATIAL_4} or {@link Adjacency#SPATIAL_8}). */
    public static NeuralGraph spatial(double[] map, int height, int width, boolean brightest, double percent, Adjacency adjacency) {
        if (adjacency == Adjacency.VALUE) throw new IllegalArgumentException("adjacency: use value(...) for value adjacency");
        return build(map, height, width, brightest, percent, adjacency, 0, 0);
    }

    /** Value adjacency with offset = offsetFraction x (max - min) of the map. */
    public static NeuralGraph value(double[] map, int height, int width, boolean brightest, double percent,
                                    double offsetFraction, double weightCap) {
        if (!(offsetFraction > 0 && offsetFraction <= 1)) throw new IllegalArgumentException("offsetFraction must be in (0, 1], got " + offsetFraction);
        if (!(weightCap >= 1) || Double.isInfinite(weightCap)) throw new IllegalArgumentException("weightCap must be finite and >= 1, got " + weightCap);
        return build(map, height, width, brightest, percent, Adjacency.VALUE, offsetFraction, weightCap);
    }

    /**
     * The selected pixels (row-major indices, in selection order: brightest or darkest first).
     *
     * @throws IllegalArgumentException on a wrong map size, a NaN or infinite value, or a percentage outside (0, 100]
     */
    public static int[] select(double[] map, int height, int width, boolean brightest, double percent) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("map size must be positive, got " + height + "x" + width);
        if (map.length != height * width) throw new IllegalArgumentException("map has " + map.length + " values, not " + height + "x" + width);
        for (int i = 0; i < map.length; i++) {
            if (!Double.isFinite(map[i])) throw new IllegalArgumentException("map value at row " + i / width + ", col " + i % width + " is " + map[i]);
        }
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        int k = Math.max(1, (int) Math.round(percent / 100 * map.length));
        Comparator<Integer> order = Comparator.comparingDouble(i -> map[i]);
        if (brightest) order = order.reversed();
        return IntStream.range(0, map.length).boxed().sorted(order.thenComparingInt(i -> i)).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static NeuralGraph build(double[] map, int height, int width, boolean brightest, double percent, Adjacency adjacency,
                                     double offsetFraction, double weightCap) {
        int[] chosen = select(map, height, width, brightest, percent);
        int[] sorted = chosen.clone();
        Arrays.sort(sorted); // nodes in pixel order
        int[] node = new int[map.length];
        Arrays.fill(node, -1);
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        int[] rows = new int[sorted.length], cols = new int[sorted.length];
        double[] values = new double[sorted.length];
        for (int n = 0; n < sorted.length; n++) {
            int p = sorted[n];
            node[p] = n;
            rows[n] = p / width;
            cols[n] = p % width;
            values[n] = map[p];
            b.addNode("r" + rows[n] + "c" + cols[n], String.format(Locale.ROOT, "(%d, %d) %.4g", rows[n], cols[n], map[p]));
        }
        double offset = 0;
        if (adjacency == Adjacency.VALUE) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double v : map) { min = Math.min(min, v); max = Math.max(max, v); }
            offset = offsetFraction * (max - min);
            for (int a = 0; a < sorted.length; a++) {
                for (int c = a + 1; c < sorted.length; c++) {
                    double diff = Math.abs(values[a] - values[c]);
                    if (diff < offset) b.addEdge(a, c, Math.min(weightCap, offset / diff)); // diff 0 gives +inf, capped
                }
            }
        } else {
            int[][] steps = adjacency == Adjacency.SPATIAL_4 ? new int[][]{{0, 1}, {1, 0}} : new int[][]{{0, 1}, {1, 0}, {1, 1}, {1, -1}};
            for (int n = 0; n < sorted.length; n++) {
                for (int[] s : steps) {
                    int r = rows[n] + s[0], c = cols[n] + s[1];
                    if (r < height && c >= 0 && c < width && node[r * width + c] >= 0) b.addEdge(n, node[r * width + c], 1);
                }
            }
        }
        b.nodeColumn("row", Column.ofInts("Pixel row", rows))
                .nodeColumn("col", Column.ofInts("Pixel column", cols))
                .nodeColumn(Names.VALUE, Column.ofDoubles("Feature map value", values))
                .graphAttribute(Names.GRAPH_KIND, "feature map")
                .graphAttribute("selection", String.format(Locale.ROOT, "%s %s %% (%d of %d pixels)", brightest ? "brightest" : "darkest",
                        fmt(percent), sorted.length, map.length))
                .graphAttribute("adjacency", adjacency.name().toLowerCase(Locale.ROOT))
                .graphAttribute("map_height", height)
                .graphAttribute("map_width", width);
        if (adjacency == Adjacency.VALUE) {
            b.graphAttribute("value_offset", offset).graphAttribute("value_offset_fraction", offsetFraction).graphAttribute("value_weight_cap", weightCap);
        }
        return b.build();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
