package org.neuralgraph.core.mapper;

import org.neuralgraph.core.graph.NeuralGraph;

/**
 * Test only: a Mapper result with chosen figures, so that the Mapper report's tests can build a result by hand. It
 * sits in the package of {@link MapperResult} to reach its package-private constructor; the pipeline's test jar leaves
 * it out.
 */
public final class MapperFixtures {

    private MapperFixtures() { }

    /**
     * A result over {@code graph} (each node one point of its own, means of 25 zeros) with these components, first
     * Betti number and lens circle (null: the lens is not 2-D).
     */
    public static MapperResult result(NeuralGraph graph, int components, int betti1, LensCircle circle) {
        int n = graph.nodeCount();
        int[][] members = new int[n][];
        double[][] means = new double[n][25];
        int[] elements = new int[n], points = new int[n];
        double[][] lens = new double[n][2];
        for (int i = 0; i < n; i++) {
            members[i] = new int[]{i};
            elements[i] = 1;
            points[i] = i;
        }
        return new MapperResult(graph, members, means, elements, points, lens, components, betti1, new int[0], betti1, circle);
    }
}
