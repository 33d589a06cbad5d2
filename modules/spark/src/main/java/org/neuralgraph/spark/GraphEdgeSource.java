package org.neuralgraph.spark;

import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;

import java.io.IOException;

/**
 * Writes a weight graph built in the driver (the weights study's own {@code WeightGraphKind}: any chain or DAG the
 * in-memory path reads) into an {@link EdgeTable}, row for row: the Spark engine then starts from exactly the edges
 * the in-memory engine has.
 */
final class GraphEdgeSource {

    private GraphEdgeSource() { }

    static void write(NeuralGraph g, EdgeTable table) throws IOException {
        int[] layer = g.nodeColumns().containsKey(Names.LAYER) ? g.nodeColumns().get(Names.LAYER).ints() : new int[g.nodeCount()];
        String[] layerName = g.nodeColumns().containsKey(Names.LAYER_NAME) ? g.nodeColumns().get(Names.LAYER_NAME).strings() : null;
        int[] index = g.nodeColumns().containsKey("index") ? g.nodeColumns().get("index").ints() : null;
        double[] bias = g.nodeColumns().containsKey("bias") ? g.nodeColumns().get("bias").doubles() : null;
        for (int v = 0; v < g.nodeCount(); v++) {
            table.node(v, g.nodeId(v), g.nodeLabel(v), layer[v], layerName == null ? "" : layerName[v], index == null ? v : index[v],
                    bias == null ? Double.NaN : bias[v]);
        }
        double[] value = g.edgeColumns().containsKey(Names.VALUE) ? g.edgeColumns().get(Names.VALUE).doubles() : g.weights();
        String[] kind = g.edgeColumns().containsKey(DagWeightGraph.KIND) ? g.edgeColumns().get(DagWeightGraph.KIND).strings() : null;
        for (int e = 0; e < g.edgeCount(); e++) {
            table.edge(layer[g.target(e)], g.source(e), g.target(e), g.weight(e), value[e], kind == null ? DagWeightGraph.WEIGHT : kind[e]);
        }
    }
}
