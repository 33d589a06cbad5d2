package org.neuralgraph.gephi;

/**
 * Test only: Gephi's figures with chosen values, so that the study reports' tests can build a result by hand without
 * running Gephi. It sits in the package of {@link GraphMetrics} and {@link ModularitySweep} to reach their
 * package-private constructors, which keep the main code's surface closed; the pipeline's test jar leaves it out.
 */
public final class GephiFixtures {

    private GephiFixtures() { }

    /** Figures as {@link GephiMetrics} would give them; the largest component is all nodes when there is one component. */
    public static GraphMetrics metrics(int nodes, int edges, double averageDegree, double averageWeightedDegree, double averageClustering,
                                       double diameter, double averagePathLength, int components) {
        GraphMetrics m = new GraphMetrics();
        m.nodes = nodes;
        m.edges = edges;
        m.averageDegree = averageDegree;
        m.averageWeightedDegree = averageWeightedDegree;
        m.averageClustering = averageClustering;
        m.diameter = diameter;
        m.averagePathLength = averagePathLength;
        m.components = components;
        m.largestComponent = components == 1 ? nodes : nodes / Math.max(1, components);
        return m;
    }

    /** One row of a modularity sweep. */
    public static ModularitySweep.Result modularity(double resolution, double modularity, int communities) {
        return new ModularitySweep.Result(resolution, modularity, communities);
    }
}
