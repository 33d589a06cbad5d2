package org.neuralgraph.core.stats;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.PartitionModularity.Convention;

import java.util.Arrays;
import java.util.Random;

/**
 * Communities that maximise Newman's modularity (Newman 2006), found by the Leiden algorithm (Traag, Waltman and van Eck,
 * "From Louvain to Leiden: guaranteeing well-connected communities", Sci. Rep. 9:5233, 2019) as CWTS's
 * {@code networkanalysis} 1.3.0 implements it, the library behind Gephi's Leiden plugin. Leiden refines Louvain's
 * (Blondel et al. 2008) communities before aggregating them, so every community it returns is connected.
 *
 * <p>The graph is the undirected weighted view of {@link UndirectedWeights}, as Gephi's Modularity treats a directed graph:
 * u→v and v→u add up, weights are the edge weights (a weight graph's |w|).
 *
 * <p>Resolution, in the two conventions of {@link PartitionModularity}:
 * <ul>
 *   <li>{@link Convention#REICHARDT_BORNHOLDT} (networkx, igraph {@code community_leiden(objective_function="modularity",
 *       resolution=γ)}): maximise Σ_c [L_c/m − γ (d_c/2m)²];</li>
 *   <li>{@link Convention#GEPHI} (Gephi's Modularity): maximise Σ_c [γ L_c/m − (d_c/2m)²] = γ · Σ_c [L_c/m − (1/γ)(d_c/2m)²],
 *       the same optimum as Reichardt–Bornholdt at 1/γ. So Gephi's γ = 0.5 is networkx's 2.0, and the two agree at 1.</li>
 * </ul>
 * networkanalysis optimises the constant Potts model Σ_c [2 L_c − ρ D_c²] over node weights D; with node weights set to
 * the strengths k_v (so D_c = d_c) and ρ = γ_RB / 2m that is 2m times the Reichardt–Bornholdt modularity, exactly what
 * its own command line does for {@code --quality-function Modularity}. Self-loops are left out of its network: a node's
 * self-loop always lies inside its community, so it shifts Q by a constant and does not change the optimum; it stays in
 * the strengths and in the reported Q.
 *
 * <p>Seeded: the seed starts the {@link Random} that networkanalysis draws every random choice from, so one seed gives one
 * partition. Communities are numbered by size, largest first. The reported modularity is computed by
 * {@link PartitionModularity} from the returned membership, not taken from the library.
 */
public final class LeidenCommunities {

    /** Iterations of the Leiden algorithm (each: local moving, refinement, aggregation until nothing moves). */
    public static final int DEFAULT_ITERATIONS = 2;
    /** The randomness θ of the refinement phase (networkanalysis and igraph default; Traag et al. use 0.01). */
    public static final double DEFAULT_RANDOMNESS = LeidenAlgorithm.DEFAULT_RANDOMNESS;
    /** Runs from singletons, each drawing on from the same seeded generator; the best quality is kept (CWTS's --random-starts). */
    public static final int DEFAULT_RANDOM_STARTS = 1;

    private double resolution = 1.0;
    private Convention convention = Convention.GEPHI;
    private long seed;
    private int iterations = DEFAULT_ITERATIONS;
    private double randomness = DEFAULT_RANDOMNESS;
    private int randomStarts = DEFAULT_RANDOM_STARTS;

    /** What one run found. */
    public static final class Result {
        private final int[] membership;
        private final int communities;
        private final double modularity;
        private final double modularityAtResolution;

        Result(int[] membership, int communities, double modularity, double modularityAtResolution) {
            this.membership = membership;
            this.communities = communities;
            this.modularity = modularity;
            this.modularityAtResolution = modularityAtResolution;
        }

        /** Community of each node, 0 for the largest. */
        public int[] membership() { return membership.clone(); }
        public int communities() { return communities; }
        /** Newman's Q (resolution 1) of the partition: the figure Gephi's report calls "Modularity". */
        public double modularity() { return modularity; }
        /** Q at the resolution and in the convention the run was given. */
        public double modularityAtResolution() { return modularityAtResolution; }
        /** Number of nodes in each community, largest first. */
        public int[] sizes() {
            int[] s = new int[communities];
            for (int c : membership) s[c]++;
            return s;
        }
    }

    /** Resolution γ in {@code convention}; must be a finite number > 0. */
    public LeidenCommunities resolution(double gamma, Convention convention) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("resolution must be a number > 0, got " + gamma);
        this.resolution = gamma;
        this.convention = convention;
        return this;
    }

    public LeidenCommunities seed(long seed) { this.seed = seed; return this; }

    /** Iterations >= 1, or 0 to iterate until an iteration changes nothing (igraph's negative {@code n_iterations}). */
    public LeidenCommunities iterations(int iterations) {
        if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0 (0: until stable), got " + iterations);
        this.iterations = iterations;
        return this;
    }

    /** Randomness θ > 0 of the refinement. */
    public LeidenCommunities randomness(double theta) {
        if (!(theta > 0) || Double.isInfinite(theta)) throw new IllegalArgumentException("randomness must be a number > 0, got " + theta);
        this.randomness = theta;
        return this;
    }

    /** Random starts >= 1: Leiden runs that many times from singletons and keeps the partition of highest quality. */
    public LeidenCommunities randomStarts(int starts) {
        if (starts < 1) throw new IllegalArgumentException("random starts must be >= 1, got " + starts);
        this.randomStarts = starts;
        return this;
    }

    public int randomStarts() { return randomStarts; }
    public double resolution() { return resolution; }
    public Convention convention() { return convention; }
    public long seed() { return seed; }
    public int iterations() { return iterations; }
    public double randomness() { return randomness; }

    /** γ in networkx/igraph's convention (Reichardt–Bornholdt). */
    public double reichardtBornholdtResolution() { return toReichardtBornholdt(resolution, convention); }
    /** γ in Gephi's convention. */
    public double gephiResolution() { return 1.0 / toReichardtBornholdt(resolution, convention); }

    /** Gephi's γ is Reichardt–Bornholdt's 1/γ (same optimum); Reichardt–Bornholdt's stays. */
    public static double toReichardtBornholdt(double gamma, Convention convention) {
        return convention == Convention.GEPHI ? 1.0 / gamma : gamma;
    }

    public Result run(UndirectedWeights g) {
        return run(g, ProgressMonitor.NONE);
    }

    /**
     * Runs Leiden on {@code g}; the monitor sees one step per iteration and can cancel between iterations.
     *
     * @throws IllegalArgumentException when the graph has zero total weight (modularity is undefined)
     */
    public Result run(UndirectedWeights g, ProgressMonitor monitor) {
        g.requirePositiveWeight("Leiden communities");
        Network network = network(g);
        double gammaRb = reichardtBornholdtResolution();
        LeidenAlgorithm leiden = new LeidenAlgorithm(gammaRb / g.twoM, 1, randomness, new Random(seed));
        Clustering best = null;
        double bestQuality = Double.NEGATIVE_INFINITY;
        monitor.start("Leiden communities", (long) randomStarts * Math.max(iterations, 1));
        int step = 0;
        for (int start = 0; start < randomStarts; start++) {
            Clustering clustering = new Clustering(g.n);
            if (iterations > 0) {
                for (int i = 0; i < iterations; i++) {
                    monitor.checkCancelled();
                    leiden.improveClustering(network, clustering);
                    monitor.progress(++step, "start " + (start + 1) + ", iteration " + (i + 1));
                }
            } else {
                boolean changed = true;
                while (changed) {
                    monitor.checkCancelled();
                    changed = leiden.improveClustering(network, clustering);
                }
                monitor.progress(++step, "start " + (start + 1) + " stable");
            }
            double quality = leiden.calcQuality(network, clustering);
            if (quality > bestQuality) {
                best = clustering;
                bestQuality = quality;
            }
        }
        Clustering clustering = best;
        clustering.orderClustersByNNodes();
        int[] membership = clustering.getClusters();
        double q = PartitionModularity.of(g, membership, 1.0, Convention.REICHARDT_BORNHOLDT);
        double qAt = PartitionModularity.of(g, membership, resolution, convention);
        return new Result(membership, clustering.getNClusters(), q, qAt);
    }

    /**
     * networkanalysis's network: node weights = strengths, each neighbour once per node in increasing order (parallel
     * entries merged), no self-loops.
     */
    static Network network(UndirectedWeights g) {
        long[] first = new long[g.n + 1];
        int total = 0;
        int[] nbr = new int[g.adj.length];
        double[] w = new double[g.adj.length];
        long[] keyed = new long[0];
        for (int v = 0; v < g.n; v++) {
            first[v] = total;
            int from = g.start[v], to = g.start[v + 1], len = to - from;
            if (keyed.length < len) keyed = new long[Math.max(len, keyed.length * 2)];
            // sort this node's entries by neighbour, keeping the entry index in the low bits
            for (int i = 0; i < len; i++) keyed[i] = ((long) g.adj[from + i] << 32) | (i & 0xffffffffL);
            Arrays.sort(keyed, 0, len);
            int last = -1;
            for (int i = 0; i < len; i++) {
                int u = (int) (keyed[i] >>> 32);
                if (u == v) continue;
                double x = g.weight[from + (int) keyed[i]];
                if (u == last) {
                    w[total - 1] += x;
                } else {
                    nbr[total] = u;
                    w[total++] = x;
                    last = u;
                }
            }
        }
        first[g.n] = total;
        LargeIntArray neighbours = new LargeIntArray(Arrays.copyOf(nbr, total));
        LargeDoubleArray weights = new LargeDoubleArray(Arrays.copyOf(w, total));
        return new Network(g.strength.clone(), first, neighbours, weights, false);
    }
}
