package org.neuralgraph.gephi;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures Gephi's own statistics computed for one graph (see {@link GephiMetrics}). */
public final class GraphMetrics {
    int nodes;
    int edges;
    double averageDegree;
    double averageWeightedDegree;
    double averageClustering;
    double diameter;
    double averagePathLength;
    int components;
    int largestComponent;

    GraphMetrics() { }

    public int nodes() { return nodes; }
    public int edges() { return edges; }
    /** Gephi's Degree: for a directed graph, edges / nodes (mean in-degree = mean out-degree). */
    public double averageDegree() { return averageDegree; }
    /** Gephi's WeightedDegree: for a directed graph, the sum of |w| over edges / nodes. */
    public double averageWeightedDegree() { return averageWeightedDegree; }
    /** Gephi's ClusteringCoefficient on the undirected view, averaged over nodes. */
    public double averageClustering() { return averageClustering; }
    /** Gephi's GraphDistance: the longest shortest path, following edge direction. */
    public double diameter() { return diameter; }
    /** Gephi's GraphDistance: the mean shortest path length over reachable ordered pairs. */
    public double averagePathLength() { return averagePathLength; }
    /** Gephi's ConnectedComponents: number of weakly connected components. */
    public int components() { return components; }
    /** Nodes in the largest weakly connected component. */
    public int largestComponent() { return largestComponent; }

    /** The figures by name, in report order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", nodes);
        m.put("edges", edges);
        m.put("average_degree", averageDegree);
        m.put("average_weighted_degree", averageWeightedDegree);
        m.put("clustering_coefficient", averageClustering);
        m.put("diameter", diameter);
        m.put("average_path_length", averagePathLength);
        m.put("connected_components", components);
        m.put("largest_component", largestComponent);
        return m;
    }
}
