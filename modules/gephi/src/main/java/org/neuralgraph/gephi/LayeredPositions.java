package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Random;

/**
 * Starting positions: layers from left to right (by the node column {@code layer}), the nodes of a layer spread
 * vertically and centred on y = 0, so a layered network reads as the textbook drawing before any layout runs.
 * A feature-map graph (node columns {@code row} and {@code col}) starts on its pixel grid, so it looks like the map.
 * A graph whose nodes all lie in one layer (an activation pattern graph) starts on a circle, in node order, so
 * that no edge runs along a line of nodes; a graph without a {@code layer} column gets random positions from a
 * fixed seed.
 */
public final class LayeredPositions {

    /** Horizontal distance between layers and vertical space per node of the largest layer. */
    static final float LAYER_GAP = 400f;
    static final float SPAN = 1200f;
    /** Distance between neighbouring pixels of a feature-map graph. */
    static final float PIXEL = 40f;

    private LayeredPositions() { }

    /** Returns {x, y} per node. */
    public static float[][] compute(NeuralGraph g) {
        float[][] xy = new float[g.nodeCount()][2];
        NeuralGraph.Column rowCol = g.nodeColumns().get("row"), colCol = g.nodeColumns().get("col");
        if (rowCol != null && colCol != null && rowCol.type() == Integer.class && colCol.type() == Integer.class) {
            for (int i = 0; i < xy.length; i++) { // a feature-map graph: the pixel grid, row 0 on top
                xy[i][0] = colCol.ints()[i] * PIXEL;
                xy[i][1] = -rowCol.ints()[i] * PIXEL;
            }
            return xy;
        }
        NeuralGraph.Column layerCol = g.nodeColumns().get(Names.LAYER);
        if (layerCol == null || layerCol.type() != Integer.class) {
            Random r = new Random(42);
            for (float[] p : xy) { p[0] = (r.nextFloat() - 0.5f) * SPAN; p[1] = (r.nextFloat() - 0.5f) * SPAN; }
            return xy;
        }
        int[] layer = layerCol.ints();
        if (java.util.Arrays.stream(layer).distinct().count() == 1) {
            for (int i = 0; i < xy.length; i++) {
                double a = 2 * Math.PI * i / xy.length;
                xy[i][0] = (float) (SPAN / 2 * Math.cos(a));
                xy[i][1] = (float) (SPAN / 2 * Math.sin(a));
            }
            return xy;
        }
        int maxLayer = 0;
        for (int l : layer) maxLayer = Math.max(maxLayer, l);
        int[] count = new int[maxLayer + 1];
        for (int l : layer) count[l]++;
        int[] seen = new int[maxLayer + 1];
        for (int i = 0; i < layer.length; i++) {
            int l = layer[i];
            float step = count[l] > 1 ? SPAN / (count[l] - 1) : 0;
            xy[i][0] = (l - maxLayer / 2f) * LAYER_GAP;
            xy[i][1] = count[l] > 1 ? SPAN / 2 - seen[l]++ * step : 0;
        }
        return xy;
    }
}
