package org.neuralgraph.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;

import java.util.Iterator;

/**
 * The backbone brought back to the driver as a {@link NeuralGraph} with the weight graph's node columns ({@code layer},
 * {@code layer_name}, {@code index}, {@code bias}) and edge columns ({@code value}, {@code kind}, plus {@code alpha}), so
 * that the usual path (Gephi workspace, styles, GEXF and figures) takes it as it takes any weight graph. Every node of
 * the table is kept, also those the backbone leaves without an edge, so the layers keep their places in the drawing.
 */
final class BackboneGraph {

    private BackboneGraph() { }

    static NeuralGraph collect(Dataset<Row> nodes, Dataset<Row> backbone, long nodeCount, long edgeCount) {
        int n = Math.toIntExact(nodeCount), m = Math.toIntExact(edgeCount);
        NeuralGraph.Builder b = new NeuralGraph.Builder(true).capacity(n, m);
        int[] layer = new int[n], index = new int[n];
        String[] layerName = new String[n];
        double[] bias = new double[n];
        Iterator<Row> it = nodes.select("id", "node_id", "label", "layer", "layer_name", "index", "bias").orderBy("id").toLocalIterator();
        for (int v = 0; it.hasNext(); v++) {
            Row r = it.next();
            if (r.getInt(0) != v) throw new IllegalStateException("node table: ids are not 0.." + (n - 1) + " (found " + r.getInt(0) + " at " + v + ")");
            b.addNode(r.getString(1), r.getString(2));
            layer[v] = r.getInt(3);
            layerName[v] = r.getString(4);
            index[v] = r.getInt(5);
            bias[v] = r.getDouble(6);
        }
        double[] value = new double[m], alpha = new double[m];
        String[] kind = new String[m];
        Iterator<Row> edges = backbone.select("src", "dst", "weight", "value", "kind", "alpha").orderBy("src", "dst").toLocalIterator();
        for (int e = 0; edges.hasNext(); e++) {
            Row r = edges.next();
            b.addEdge(r.getInt(0), r.getInt(1), r.getDouble(2));
            value[e] = r.getDouble(3);
            kind[e] = r.getString(4);
            alpha[e] = r.getDouble(5);
        }
        return b.nodeColumn(Names.LAYER, Column.ofInts("Layer", layer))
                .nodeColumn(Names.LAYER_NAME, Column.ofStrings("Layer name", layerName))
                .nodeColumn("index", Column.ofInts("Index in layer", index))
                .nodeColumn("bias", Column.ofDoubles("Bias", bias))
                .edgeColumn(Names.VALUE, Column.ofDoubles("Weight (signed)", value))
                .edgeColumn(DagWeightGraph.KIND, Column.ofStrings("Edge kind", kind))
                .edgeColumn("alpha", Column.ofDoubles("Disparity alpha", alpha))
                .build();
    }
}
