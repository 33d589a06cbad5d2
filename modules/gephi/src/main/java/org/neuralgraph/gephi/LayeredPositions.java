package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.NeuralGraph;

import java.util.Random;

/**
 * Starting positions: layers from left to right (by the node column {@code layer}), the nodes of a layer spread
 * vertically and centred on y = 0, so a layered network reads as the textbook drawing before any layout runs.
 * A graph without a {@code layer} column gets random positions from a fixed seed.
 */
public final class LayeredPositions {

    /** Horizontal distance between layers and vertical space per node of the largest layer. */
    static final float LAYER_GAP = 400f;
    static final float SPAN = 1200f;

    private LayeredPositions() { }

    /** Returns {x, y} per node. */
    public static float[][] compute(NeuralGraph g) {
        float[][] xy = new float[g.nodeCount()][2];
        NeuralGraph.Column layerCol = g.nodeColumns().get("layer");
        if (layerCol == null || layerCol.type() != Integer.class) {
            Random r = new Random(42);
            for (float[] p : xy) { p[0] = (r.nextFloat() - 0.5f) * SPAN; p[1] = (r.nextFloat() - 0.5f) * SPAN; }
            return xy;
        }
        int[] layer = layerCol.ints();
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
