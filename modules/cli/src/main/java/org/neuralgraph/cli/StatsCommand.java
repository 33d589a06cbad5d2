package org.neuralgraph.cli;

import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.pipeline.report.Json;
import org.neuralgraph.pipeline.study.GraphFileStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        GraphFileStats.Settings s = new GraphFileStats.Settings();
        s.cover = cover;
        s.resolution = resolution;
        s.copraV = copraV;
        s.niter = niter;
        s.nrand = nrand;
        s.seed = seed;
        s.smallWorld = !noSmallWorld;
        GephiProject project = GephiProject.fresh();
        QuietLogging.reapply();
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().getOut().println(Json.write(GraphFileStats.of(graph, s, project, w -> err.println("neuralgraph: warning: " + w))));
        return 0;
    }
}
