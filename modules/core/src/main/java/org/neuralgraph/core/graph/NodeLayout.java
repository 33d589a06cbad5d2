package org.neuralgraph.core.graph;

/**
 * Where and how a graph's nodes are drawn: positions in Gephi coordinates (y grows upwards), colours
 * ({@code 0xRRGGBB}) and sizes (radius in the units of the positions, as Gephi's node size). An animation keeps one
 * layout for every frame, which is what stops the picture from jumping between frames.
 */
public final class NodeLayout {

    private final float[] x;
    private final float[] y;
    private final int[] rgb;
    private final float[] size;

    public NodeLayout(float[] x, float[] y, int[] rgb, float[] size) {
        int n = x.length;
        if (y.length != n) throw new IllegalArgumentException("y has " + y.length + " values for " + n + " x values");
        if (rgb.length != n) throw new IllegalArgumentException("rgb has " + rgb.length + " values for " + n + " nodes");
        if (size.length != n) throw new IllegalArgumentException("size has " + size.length + " values for " + n + " nodes");
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(x[i]) || !Float.isFinite(y[i])) {
                throw new IllegalArgumentException("x, y: node " + i + " is at (" + x[i] + ", " + y[i] + "); positions must be finite");
            }
            if (!(size[i] >= 0) || !Float.isFinite(size[i])) {
                throw new IllegalArgumentException("size: node " + i + " has size " + size[i] + "; sizes must be finite and >= 0");
            }
        }
        this.x = x.clone();
        this.y = y.clone();
        this.rgb = rgb.clone();
        this.size = size.clone();
    }

    public int nodeCount() { return x.length; }
    public float x(int node) { return x[node]; }
    public float y(int node) { return y[node]; }
    /** Colour as {@code 0xRRGGBB}. */
    public int rgb(int node) { return rgb[node]; }
    /** Radius in the units of the positions. */
    public float size(int node) { return size[node]; }
}
