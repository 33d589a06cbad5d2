package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.statistics.plugin.Modularity;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.LeidenCommunities;
import org.neuralgraph.core.stats.PartitionModularity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gephi's own Louvain {@link Modularity}, weighted, at several resolutions (Darnell and Leonard, Fig. 2: modularity of the
 * trained and untrained MLP "for a range of resolutions").
 *
 * <p>Conventions, stated in every report:
 * <ul>
 *   <li>Gephi's resolution γ multiplies the internal term, Q = Σ_c [γ·L_c/W − (d_c/2W)²]; networkx and
 *       Reichardt–Bornholdt put γ on the null-model term instead, so Gephi's 0.5 is not networkx's 0.5.</li>
 *   <li>Directed edges are treated as undirected (Gephi's Modularity runs on the undirected view).</li>
 *   <li>Gephi randomises the node order with an unseeded random generator when "randomize" is on, which
 *       makes results differ from run to run; it is switched off here so the same graph gives the same
 *       communities.</li>
 * </ul>
 * The modularity reported at each resolution is Gephi's {@code getModularity()}: the standard modularity
 * (γ = 1) of the partition found at that resolution, the figure Gephi's own report shows as "Modularity".
 * The column {@code modularity_class} of the workspace keeps the communities at one chosen resolution.
 */
public final class ModularitySweep {

    /** The default resolutions 0.2, 0.4, ..., 2.0. */
    public static final double[] DEFAULT_RESOLUTIONS = {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0};

    /** Q and number of communities at one resolution. */
    public static final class Result {
        private final double resolution;
        private final double modularity;
        private final int communities;

        Result(double resolution, double modularity, int communities) {
            this.resolution = resolution;
            this.modularity = modularity;
            this.communities = communities;
        }

        public double resolution() { return resolution; }
        public double modularity() { return modularity; }
        public int communities() { return communities; }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("resolution", resolution);
            m.put("modularity", modularity);
            m.put("communities", communities);
            return m;
        }
    }

    private ModularitySweep() { }

    /**
     * Runs Modularity at each resolution and leaves the communities of {@code keepResolution} in the column
     * {@code modularity_class} (it must be one of the resolutions).
     */
    public static List<Result> run(GraphModel gm, double[] resolutions, double keepResolution, ProgressMonitor monitor) {
        return run(gm, resolutions, keepResolution, CommunityAlgorithm.LOUVAIN, 0, monitor);
    }

    /**
     * As {@link #run(GraphModel, double[], double, ProgressMonitor)} with {@code algorithm} (AUTO resolved on the graph's
     * edge count): Gephi's Louvain, or {@link LeidenCommunities} at the same resolutions in Gephi's convention, seeded by
     * {@code seed}, on the same undirected weighted view. Either way the modularity reported is Newman's Q (γ = 1) of the
     * partition and the column {@code modularity_class} (Integer, Gephi's id and title) keeps the communities of
     * {@code keepResolution}.
     */
    public static List<Result> run(GraphModel gm, double[] resolutions, double keepResolution, CommunityAlgorithm algorithm,
                                   long seed, ProgressMonitor monitor) {
        if (resolutions.length == 0) throw new IllegalArgumentException("resolutions: give at least one");
        int keepIndex = -1;
        for (int i = 0; i < resolutions.length; i++) {
            if (!(resolutions[i] > 0) || Double.isInfinite(resolutions[i])) {
                throw new IllegalArgumentException("resolutions: each must be > 0, got " + resolutions[i]);
            }
            if (Math.abs(resolutions[i] - keepResolution) < 1e-9) keepIndex = i;
        }
        if (keepIndex < 0) throw new IllegalArgumentException("the colour resolution " + keepResolution + " is not among the resolutions");
        if (algorithm.resolve(gm.getGraphVisible().getEdgeCount()) == CommunityAlgorithm.LEIDEN) {
            return leiden(gm, resolutions, keepIndex, seed, monitor);
        }
        monitor.start("modularity", resolutions.length);
        List<Result> out = new ArrayList<>();
        Map<Node, Object> kept = new java.util.HashMap<>();
        for (int i = 0; i < resolutions.length; i++) {
            monitor.checkCancelled();
            Modularity m = new Modularity();
            m.setUseWeight(true);
            m.setRandom(false);
            m.setResolution(resolutions[i]);
            m.execute(gm);
            Column col = gm.getNodeTable().getColumn(Modularity.MODULARITY_CLASS);
            Set<Object> classes = new HashSet<>();
            for (Node n : gm.getGraph().getNodes()) {
                Object c = n.getAttribute(col);
                classes.add(c);
                if (i == keepIndex) kept.put(n, c);
            }
            out.add(new Result(resolutions[i], m.getModularity(), classes.size()));
            monitor.progress(i + 1, String.format(java.util.Locale.ROOT, "resolution %.2f: Q=%.3f", resolutions[i], m.getModularity()));
        }
        Column col = gm.getNodeTable().getColumn(Modularity.MODULARITY_CLASS);
        for (Map.Entry<Node, Object> e : kept.entrySet()) e.getKey().setAttribute(col, e.getValue());
        return out;
    }

    private static List<Result> leiden(GraphModel gm, double[] resolutions, int keepIndex, long seed, ProgressMonitor monitor) {
        GraphArrays a = GraphArrays.of(gm);
        monitor.start("Leiden modularity", resolutions.length);
        List<Result> out = new ArrayList<>();
        int[] kept = null;
        for (int i = 0; i < resolutions.length; i++) {
            monitor.checkCancelled();
            LeidenCommunities.Result r = new LeidenCommunities().resolution(resolutions[i], PartitionModularity.Convention.GEPHI)
                    .seed(seed).run(a.weights);
            if (i == keepIndex) kept = r.membership();
            out.add(new Result(resolutions[i], r.modularity(), r.communities()));
            monitor.progress(i + 1, String.format(java.util.Locale.ROOT, "Leiden, resolution %.2f: Q=%.3f", resolutions[i], r.modularity()));
        }
        writeClasses(gm, a.nodes, kept, Modularity.MODULARITY_CLASS, "Modularity Class");
        return out;
    }

    /** Writes a community per node into an Integer column (made, or remade when it holds another type). */
    static void writeClasses(GraphModel gm, Node[] nodes, int[] membership, String id, String title) {
        Column col = gm.getNodeTable().getColumn(id);
        if (col != null && col.getTypeClass() != Integer.class) {
            gm.getNodeTable().removeColumn(col);
            col = null;
        }
        if (col == null) col = gm.getNodeTable().addColumn(id, title, Integer.class, 0);
        gm.getGraph().writeLock();
        try {
            for (int v = 0; v < nodes.length; v++) nodes[v].setAttribute(col, membership[v]);
        } finally {
            gm.getGraph().writeUnlock();
        }
    }
}
