package org.neuralgraph.pipeline.study;

import org.gephi.graph.api.GraphModel;
import org.neuralgraph.core.stats.SmallWorld;
import org.neuralgraph.gephi.CommunityQuality;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphFileImport;
import org.neuralgraph.gephi.SmallWorldCoefficients;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The project's statistics on any graph file Gephi opens (GEXF, GraphML, ...): overlapping modularity of a cover column
 * ({@link CommunityQuality}) and the small-world coefficients ({@link SmallWorldCoefficients}), as a map for JSON.
 */
public final class GraphFileStats {

    /** What the command line sets. */
    public static final class Settings {
        /** Node column holding the cover, or null to detect one by COPRA label propagation. */
        public String cover;
        public double resolution = 1.0;
        public int copraV = 2;
        public int niter = 5;
        public int nrand = 5;
        public long seed = 42;
        public boolean smallWorld = true;
    }

    private GraphFileStats() { }

    /**
     * @param warnings receives one sentence for each guess the result rests on (nodes Gephi created for edges naming
     *                 undeclared ids, nodes without a value in the cover column)
     * @throws IOException              naming the file when Gephi cannot read it or it holds no node
     * @throws IllegalArgumentException naming --cover, or the small-world statistic's reason, when a statistic is refused
     */
    public static Map<String, Object> of(Path graph, Settings s, GephiProject project, Consumer<String> warnings) throws IOException {
        GraphFileImport opened = project.openFile(graph);
        GraphModel gm = project.graphModel(opened.workspace);
        if (gm.getGraph().getNodeCount() == 0) throw new IOException(graph + ": the graph has no nodes; nothing to measure");
        if (!opened.undeclaredNodes.isEmpty()) warnings.accept(opened.undeclaredNodesWarning(graph));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("graph", graph.toString());
        out.put("nodes", gm.getGraph().getNodeCount());
        out.put("edges", gm.getGraph().getEdgeCount());
        out.put("undeclared_nodes_created", opened.undeclaredNodes.size());
        out.put("edges_to_undeclared_nodes", opened.edgesToUndeclaredNodes);
        out.put("seed", s.seed);
        CommunityQuality q = new CommunityQuality();
        q.setCoverColumn(s.cover == null ? "" : s.cover);
        q.setCopraV(s.copraV);
        q.setResolution(s.resolution);
        q.setSeed(s.seed);
        q.execute(gm);
        if (q.getResults() == null) throw new IllegalArgumentException("--cover " + s.cover + ": " + (q.getError() != null ? q.getError() : plain(q.getReport())));
        int without = (Integer) q.getResults().get("nodes_without_cover");
        if (without > 0 && s.cover != null) {
            warnings.accept(graph + ": " + without + " of " + gm.getGraph().getNodeCount() + " nodes have no value in the cover column '" + s.cover
                    + "'; they belong to no community and add nothing to the modularities");
        }
        out.put("community_quality", q.getResults());
        if (s.smallWorld) {
            SmallWorldCoefficients sw = new SmallWorldCoefficients();
            sw.getParameters().setNiter(s.niter);
            sw.getParameters().setNrand(s.nrand);
            sw.getParameters().setSeed(s.seed);
            sw.execute(gm);
            SmallWorld.Result r = sw.getResult();
            if (r == null) throw new IllegalArgumentException("small-world: " + plain(sw.getReport()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("definitions", "networkx 2.8 sigma (transitivity) and omega (average clustering), largest component");
            m.put("niter", s.niter);
            m.put("nrand", s.nrand);
            m.put("component_nodes", r.componentNodes);
            m.put("sigma", r.sigma);
            m.put("omega", r.omega);
            m.put("transitivity", r.transitivity);
            m.put("average_clustering", r.averageClustering);
            m.put("average_path_length", r.pathLength);
            m.put("C_over_Cr", r.normalisedClustering());
            m.put("L_over_Lr", r.normalisedPathLength());
            out.put("small_world", m);
        }
        return out;
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }
}
