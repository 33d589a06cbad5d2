package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.statistics.plugin.WeightedDegree;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/**
 * Colours and sizes nodes for pictures and GEXF: colour by a categorical column ({@code layer} or
 * {@code modularity_class}) from a fixed palette, so the same category gets the same colour in every file;
 * size by Gephi's weighted degree, linearly from {@value #MIN_SIZE} to {@value #MAX_SIZE}.
 */
public final class GraphStyle {

    static final float MIN_SIZE = 4f;
    static final float MAX_SIZE = 20f;

    /** Tableau's 10 categorical colours, then 10 lighter ones; categories beyond 20 cycle. */
    private static final int[] PALETTE = {
            0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac,
            0xa0cbe8, 0xffbe7d, 0xff9d9a, 0x86bcb6, 0x8cd17d, 0xf1ce63, 0xd4a6c8, 0xfabfd2, 0xd7b5a6, 0x79706e};

    private GraphStyle() { }

    /**
     * Colours nodes by the values of {@code columnId}; categories are numbered in order of first appearance
     * over the nodes, or by value for integer columns.
     */
    public static void colourBy(GraphModel gm, String columnId) {
        Column col = gm.getNodeTable().getColumn(columnId);
        if (col == null) throw new IllegalArgumentException("cannot colour by '" + columnId + "': the workspace has no such node column");
        Map<Object, Integer> index = new HashMap<>();
        for (Node n : gm.getGraph().getNodes()) {
            Object v = n.getAttribute(col);
            int k = v instanceof Integer ? (Integer) v : index.computeIfAbsent(v, x -> index.size());
            n.setColor(new Color(PALETTE[Math.floorMod(k, PALETTE.length)]));
        }
    }

    /** Sizes nodes by Gephi's weighted degree column (run {@link GephiMetrics} first), else leaves them. */
    public static void sizeByWeightedDegree(GraphModel gm) {
        if (gm.getNodeTable().getColumn(WeightedDegree.WDEGREE) != null) sizeBy(gm, WeightedDegree.WDEGREE);
    }

    /**
     * Colours nodes by an angle in degrees once around the colour wheel per {@code periodDegrees} (180 for an edge
     * orientation, so 0 and 180, the same edge direction, meet; 360 for a gradient direction), grey where it is
     * missing or NaN: a Mapper ring of filters shows its directions as a rainbow.
     */
    public static void colourByAngle(GraphModel gm, String columnId, double periodDegrees) {
        Column col = gm.getNodeTable().getColumn(columnId);
        for (Node n : gm.getGraph().getNodes()) {
            Object v = col == null ? null : n.getAttribute(col);
            double d = v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
            double turn = d / periodDegrees - Math.floor(d / periodDegrees);
            n.setColor(Double.isNaN(d) ? Color.LIGHT_GRAY : Color.getHSBColor((float) turn, 0.75f, 0.9f));
        }
    }

    /** Sizes nodes by a numeric column, linearly between the smallest and largest node size. */
    public static void sizeBy(GraphModel gm, String columnId) {
        Column col = gm.getNodeTable().getColumn(columnId);
        if (col == null) throw new IllegalArgumentException("cannot size by '" + columnId + "': the workspace has no such node column");
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Node n : gm.getGraph().getNodes()) {
            double v = ((Number) n.getAttribute(col)).doubleValue();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (Node n : gm.getGraph().getNodes()) {
            double v = ((Number) n.getAttribute(col)).doubleValue();
            double t = max > min ? (v - min) / (max - min) : 0.5;
            n.setSize((float) (MIN_SIZE + t * (MAX_SIZE - MIN_SIZE)));
        }
    }
}
