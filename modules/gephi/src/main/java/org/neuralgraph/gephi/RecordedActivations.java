package org.neuralgraph.gephi;

/**
 * Activations recorded with a workspace by an importer (placed in the workspace's lookup): the |D| x N matrix F of
 * Mostafa and Mondal, Section 5.2 (rows: samples, columns: neurons), the Gephi node id of each column, its layer, and the
 * class label of each row. The entropy statistic reads it; without it the statistic says that none were recorded.
 */
public final class RecordedActivations {

    private final float[] values;
    private final int rows;
    private final String[] nodeIds;
    private final int[] layer;
    private final int[] rowClass;

    /**
     * @param values   row-major {@code rows x nodeIds.length}, post-activation outputs (>= 0 after ReLU; signed for a transformer's layers)
     * @param nodeIds  the node of each column
     * @param layer    the layer of each column
     * @param rowClass the class of each row (sample)
     */
    public RecordedActivations(float[] values, int rows, String[] nodeIds, int[] layer, int[] rowClass) {
        if ((long) rows * nodeIds.length != values.length || layer.length != nodeIds.length || rowClass.length != rows) {
            throw new IllegalArgumentException("recorded activations: " + values.length + " values for " + rows + " rows x "
                    + nodeIds.length + " neurons (" + layer.length + " layers, " + rowClass.length + " row classes)");
        }
        this.values = values;
        this.rows = rows;
        this.nodeIds = nodeIds.clone();
        this.layer = layer.clone();
        this.rowClass = rowClass.clone();
    }

    /**
     * The hidden layers of one model side by side (columns of layer 1, then layer 2, ...), node ids {@code L<layer>N<i>}
     * as the activation pattern and weight graphs name them. All layers must cover the same samples.
     */
    public static RecordedActivations of(java.util.List<org.neuralgraph.core.activation.LayerActivations> layers) {
        int rows = layers.get(0).samples(), cols = 0;
        for (org.neuralgraph.core.activation.LayerActivations a : layers) {
            if (a.samples() != rows) throw new IllegalArgumentException("layers recorded on different samples: " + rows + " and " + a.samples());
            cols += a.neurons();
        }
        float[] v = new float[Math.multiplyExact(rows, cols)];
        String[] ids = new String[cols];
        int[] layer = new int[cols];
        int offset = 0;
        for (org.neuralgraph.core.activation.LayerActivations a : layers) {
            int n = a.neurons();
            for (int q = 0; q < n; q++) {
                ids[offset + q] = "L" + a.layer() + "N" + q;
                layer[offset + q] = a.layer();
            }
            for (int d = 0; d < rows; d++) System.arraycopy(a.values(), d * n, v, d * cols + offset, n);
            offset += n;
        }
        return new RecordedActivations(v, rows, ids, layer, layers.get(0).labels());
    }

    public float[] values() { return values; }
    public int rows() { return rows; }
    public int columns() { return nodeIds.length; }
    public String nodeId(int column) { return nodeIds[column]; }
    public int layer(int column) { return layer[column]; }
    public int rowClass(int row) { return rowClass[row]; }
}
