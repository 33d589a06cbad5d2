package org.neuralgraph.core.stats;

/**
 * Newman's modularity of a partition (Mostafa and Mondal, Eq. 2), weighted, at a resolution, in the two conventions users
 * meet:
 * <ul>
 *   <li>{@link Convention#REICHARDT_BORNHOLDT} (networkx, igraph): Q = sum_c [L_c/m - gamma (d_c/2m)^2];</li>
 *   <li>{@link Convention#GEPHI} (Gephi's Modularity statistic): Q = sum_c [gamma L_c/m - (d_c/2m)^2].</li>
 * </ul>
 * L_c is the weight of the edges inside community c (a self-loop counts once), d_c the sum of the strengths of
 * its nodes, m the total edge weight. Both agree at gamma = 1. Gephi's 0.5 (the setting of Mostafa and Mondal's Table 3) is
 * therefore not networkx's 0.5. A node with community -1 belongs to no community and adds to no term; directed
 * edges count as undirected (see {@link UndirectedWeights}).
 */
public final class PartitionModularity {

    /** Where the resolution multiplies. */
    public enum Convention { REICHARDT_BORNHOLDT, GEPHI }

    private PartitionModularity() { }

    /**
     * @param community community index of each node (>= 0), or -1 for none
     * @throws IllegalArgumentException when the graph has zero total weight or the array length is wrong
     */
    public static double of(UndirectedWeights g, int[] community, double resolution, Convention convention) {
        g.requirePositiveWeight("modularity");
        if (community.length != g.n) throw new IllegalArgumentException("partition has " + community.length + " entries for " + g.n + " nodes");
        if (!(resolution > 0)) throw new IllegalArgumentException("resolution must be > 0, got " + resolution);
        int c = 0;
        for (int x : community) c = Math.max(c, x + 1);
        double[] internal = new double[c]; // sum over ordered pairs inside c of A_vw = 2 L_c
        double[] degree = new double[c];
        for (int v = 0; v < g.n; v++) {
            int cv = community[v];
            if (cv < 0) continue;
            degree[cv] += g.strength[v];
            for (int i = g.start[v]; i < g.start[v + 1]; i++) if (community[g.adj[i]] == cv) internal[cv] += g.weight[i];
        }
        double q = 0;
        for (int k = 0; k < c; k++) {
            double lIn = internal[k] / g.twoM;          // L_c / m
            double null_ = (degree[k] / g.twoM) * (degree[k] / g.twoM);
            q += convention == Convention.GEPHI ? resolution * lIn - null_ : lIn - resolution * null_;
        }
        return q;
    }
}
