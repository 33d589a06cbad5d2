package org.neuralgraph.cli;

import com.google.gson.GsonBuilder;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.stats.SmallWorld;
import org.neuralgraph.gephi.CommunityQuality;
import org.neuralgraph.gephi.SmallWorldCoefficients;
import org.openide.util.Lookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph stats}: the project's statistics on any graph file Gephi opens (GEXF, GraphML, ...), as
 * JSON on standard output: overlapping modularity of a cover column and the small-world coefficients.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Overlapping modularity (Shen, Chen, Kernighan-Lin) and small-world coefficients of a graph file, as JSON.")
final class StatsCommand implements Callable<Integer> {

    @Option(names = "--graph", required = true, paramLabel = "FILE", description = "A graph file Gephi can open (GEXF, GraphML, GML, ...).")
    Path graph;

    @Option(names = "--cover", paramLabel = "COLUMN",
            description = "Node column holding the cover: a partition (e.g. modularity_class) or communities separated by | (e.g. 3|7). "
                    + "Without it the cover is detected by COPRA label propagation.")
    String cover;

    @Option(names = "--resolution", defaultValue = "1.0",
            description = "Resolution of the no-overlap modularity, reported in Gephi's and networkx's conventions (default: ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--copra-v", defaultValue = "2", description = "COPRA: the most communities per node (default: ${DEFAULT-VALUE}).")
    int copraV;

    @Option(names = "--niter", defaultValue = "5", description = "Swaps per edge for the small-world references (default: ${DEFAULT-VALUE}).")
    int niter;

    @Option(names = "--nrand", defaultValue = "5", description = "Number of references (default: ${DEFAULT-VALUE}).")
    int nrand;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the references and the bisection (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-small-world", description = "Skip sigma and omega.")
    boolean noSmallWorld;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(graph)) throw new IOException(graph + ": no such graph file");
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        Workspace ws = pc.getCurrentWorkspace();
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container c = ic.importFile(graph.toFile());
        if (c == null) throw new IOException(graph + ": Gephi has no importer for this file");
        ic.process(c, new DefaultProcessor(), ws);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("graph", graph.toString());
        out.put("nodes", gm.getGraph().getNodeCount());
        out.put("edges", gm.getGraph().getEdgeCount());
        out.put("seed", seed);
        {
            CommunityQuality q = new CommunityQuality();
            q.setCoverColumn(cover == null ? "" : cover);
            q.setCopraV(copraV);
            q.setResolution(resolution);
            q.setSeed(seed);
            q.execute(gm);
            if (q.getResults() == null) throw new IllegalArgumentException("--cover " + cover + ": " + q.getReport().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
            out.put("community_quality", q.getResults());
        }
        if (!noSmallWorld) {
            SmallWorldCoefficients s = new SmallWorldCoefficients();
            s.getParameters().setNiter(niter);
            s.getParameters().setNrand(nrand);
            s.getParameters().setSeed(seed);
            s.execute(gm);
            SmallWorld.Result r = s.getResult();
            if (r == null) throw new IllegalArgumentException("small-world: " + s.getReport().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
            Map<String, Object> sw = new LinkedHashMap<>();
            sw.put("definitions", "networkx 2.8 sigma (transitivity) and omega (average clustering), largest component");
            sw.put("niter", niter);
            sw.put("nrand", nrand);
            sw.put("component_nodes", r.componentNodes);
            sw.put("sigma", r.sigma);
            sw.put("omega", r.omega);
            sw.put("transitivity", r.transitivity);
            sw.put("average_clustering", r.averageClustering);
            sw.put("average_path_length", r.pathLength);
            sw.put("C_over_Cr", r.normalisedClustering());
            sw.put("L_over_Lr", r.normalisedPathLength());
            out.put("small_world", sw);
        }
        spec.commandLine().getOut().println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(out));
        return 0;
    }
}
