package org.neuralgraph.gephi;

import java.util.Locale;

/**
 * Which modularity optimiser finds a graph's communities: Gephi's own Louvain (Blondel et al. 2008, Gephi's Modularity
 * statistic) or Leiden (Traag, Waltman and van Eck 2019, {@link org.neuralgraph.core.stats.LeidenCommunities}), or
 * {@link #AUTO}: Leiden above {@link #AUTO_LEIDEN_ABOVE_EDGES} edges, where Gephi's Modularity takes 15-19 s on the
 * 668,672 edges of 784-512-512-10 (docs/benchmarks.md), Louvain otherwise so that small graphs keep Gephi's figures.
 */
public enum CommunityAlgorithm {
    LOUVAIN, LEIDEN, AUTO;

    /** AUTO picks Leiden for graphs with more edges than this. */
    public static final int AUTO_LEIDEN_ABOVE_EDGES = 100_000;

    /** The algorithm for a graph of {@code edges} edges: LOUVAIN or LEIDEN. */
    public CommunityAlgorithm resolve(long edges) {
        if (this != AUTO) return this;
        return edges > AUTO_LEIDEN_ABOVE_EDGES ? LEIDEN : LOUVAIN;
    }

    /** One sentence for a report: what ran on a graph of {@code edges} edges and why. */
    public String why(long edges) {
        CommunityAlgorithm used = resolve(edges);
        String name = used.title();
        if (this != AUTO) return name + ", as asked (--communities " + id() + ")";
        return name + ", chosen by --communities auto: the graph has " + edges + " edges, "
                + (used == LEIDEN ? "more" : "not more") + " than " + AUTO_LEIDEN_ABOVE_EDGES;
    }

    /** "Gephi's Louvain" or "Leiden". */
    public String title() {
        switch (this) {
            case LOUVAIN: return "Gephi's Louvain (Modularity statistic)";
            case LEIDEN: return "Leiden (CWTS networkanalysis)";
            default: return "automatic";
        }
    }

    /** The command-line spelling. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** @throws IllegalArgumentException naming the option when {@code s} is not louvain, leiden or auto */
    public static CommunityAlgorithm parse(String s) {
        for (CommunityAlgorithm a : values()) if (a.id().equals(s)) return a;
        throw new IllegalArgumentException("--communities must be louvain, leiden or auto, got " + s);
    }
}
