package org.neuralgraph.render;

import org.neuralgraph.core.graph.NodeLayout;
import java.util.List;

/**
 * One frame of an animation over a {@link NodeLayout}: which nodes are present, the edges present with their
 * weights (finite, {@code >= 0}), a title and caption lines such as {@code "epoch 5"} and
 * {@code "test accuracy 0.912"}. Immutable.
 */
public final class AnimationFrame {

    private final boolean[] present;
    private final int[] source;
    private final int[] target;
    private final double[] weight;
    private final String title;
    private final List<String> caption;
    /** This frame's node colours (0xRRGGBB), or null for the layout's. */
    private final int[] rgb;

    /**
     * @param present one flag per node of the layout
     * @param source  edge sources, node indices
     * @param target  edge targets, node indices
     * @param weight  edge weights, finite and {@code >= 0}
     */
    public AnimationFrame(boolean[] present, int[] source, int[] target, double[] weight, String title, List<String> caption) {
        int m = source.length;
        if (target.length != m) throw new IllegalArgumentException("target has " + target.length + " values for " + m + " sources");
        if (weight.length != m) throw new IllegalArgumentException("weight has " + weight.length + " values for " + m + " edges");
        for (int e = 0; e < m; e++) {
            if (source[e] < 0 || source[e] >= present.length || target[e] < 0 || target[e] >= present.length) {
                throw new IllegalArgumentException("source, target: edge " + e + " (" + source[e] + "->" + target[e]
                        + ") names a node outside 0.." + (present.length - 1));
            }
            if (!(weight[e] >= 0) || Double.isInfinite(weight[e])) {
                throw new IllegalArgumentException("weight: edge " + e + " has weight " + weight[e] + "; weights must be finite and >= 0");
            }
        }
        this.present = present.clone();
        this.source = source.clone();
        this.target = target.clone();
        this.weight = weight.clone();
        this.title = title == null ? "" : title;
        this.caption = List.copyOf(caption);
        this.rgb = null;
    }

    private AnimationFrame(AnimationFrame f, int[] rgb) {
        this.present = f.present;
        this.source = f.source;
        this.target = f.target;
        this.weight = f.weight;
        this.title = f.title;
        this.caption = f.caption;
        this.rgb = rgb;
    }

    /**
     * This frame with its own node colours (0xRRGGBB, one per node), which override the layout's: a node whose
     * community changes between checkpoints changes colour in the animation.
     */
    public AnimationFrame withNodeColours(int[] rgb) {
        if (rgb.length != present.length) {
            throw new IllegalArgumentException(rgb.length + " node colours for " + present.length + " nodes");
        }
        return new AnimationFrame(this, rgb.clone());
    }

    /** The node's colour in this frame, or {@code fallback} (the layout's) when the frame has none of its own. */
    public int rgb(int node, int fallback) { return rgb == null ? fallback : rgb[node]; }

    public int nodeCount() { return present.length; }
    public boolean present(int node) { return present[node]; }
    public int edgeCount() { return source.length; }
    public int source(int edge) { return source[edge]; }
    public int target(int edge) { return target[edge]; }
    public double weight(int edge) { return weight[edge]; }
    public String title() { return title; }
    public List<String> caption() { return caption; }

    /** The largest edge weight over all frames (0 without edges): the weight drawn at full strength. */
    public static double maxWeight(List<AnimationFrame> frames) {
        double max = 0;
        for (AnimationFrame f : frames) for (double w : f.weight) max = Math.max(max, w);
        return max;
    }
}
