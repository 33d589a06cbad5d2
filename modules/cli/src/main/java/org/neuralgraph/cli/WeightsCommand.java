package org.neuralgraph.cli;

import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.core.weights.Sparsification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph weights}: the MLP study of seed 000 (Sections 3-4). Trains (or loads) a model, turns every
 * checkpoint into its weight graph, runs Gephi's statistics, modularity over resolutions and ForceAtlas2 in one
 * workspace per checkpoint, and writes GEXF, PDF, SVG, a Gephi project and a report comparing the untrained with
 * the trained network.
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = {"Weight graphs of a trained network, analysed and drawn by Gephi (seed 000, Sections 3-4).",
                "Writes into --out: run/ (checkpoints), graphs/ (GEXF, PDF, SVG per checkpoint), neuralgraph.gephi "
                        + "(one workspace per checkpoint), report.json, report.md, metrics.csv, modularity.csv."})
final class WeightsCommand implements Callable<Integer> {

    @Mixin
    ModelSource source;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--resolutions", split = ",", paramLabel = "R",
            description = "Gephi Modularity resolutions (Gephi's convention; default 0.2,0.4,...,2.0).")
    double[] resolutions = ModularitySweep.DEFAULT_RESOLUTIONS.clone();

    @Option(names = "--colour-resolution", defaultValue = "1.0",
            description = "Resolution whose communities colour the nodes and fill modularity_class (default: ${DEFAULT-VALUE}).")
    double colourResolution;

    @Option(names = "--colour-by", defaultValue = "community", description = "community or layer (default: ${DEFAULT-VALUE}).")
    String colourBy;

    @Option(names = "--sparsify", defaultValue = "none",
            description = "Which weights become edges: none, percentile:P or top-k:K (default: ${DEFAULT-VALUE}).")
    String sparsify;

    @Option(names = "--layout-iterations", defaultValue = "300",
            description = "ForceAtlas2 iterations from the layered start; 0 keeps layers left to right (default: ${DEFAULT-VALUE}).")
    int layoutIterations;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Files per checkpoint: gexf, pdf, svg, png (png needs a display) (default: gexf,pdf,svg).")
    List<String> formats = java.util.Arrays.asList("gexf", "pdf", "svg");

    @Mixin
    DynamicOption dynamic;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        source.withDefaults("mlp-seed000", 5);
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        WeightGraphStudy.Settings s = new WeightGraphStudy.Settings();
        s.resolutions = resolutions;
        s.colourResolution = colourResolution;
        if (!colourBy.equals("community") && !colourBy.equals("layer")) {
            throw new IllegalArgumentException("--colour-by must be community or layer, got " + colourBy);
        }
        s.colourByLayer = colourBy.equals("layer");
        s.sparsification = parseSparsification(sparsify);
        s.layoutIterations = layoutIterations;
        if (layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + layoutIterations);
        s.formats = formats("--formats", formats);
        s.seed = source.seed;
        s.dynamic = dynamic.enabled;
        s.command = "neuralgraph weights " + String.join(" ", CommandLineText.args());
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            TrainingRun run = source.run(dir.dir().resolve("run"), progress);
            WeightGraphStudy.Result result = WeightGraphStudy.run(run, s, dir.dir(), progress);
            dir.commit();
            progress.close();
            ReportText.printOutcome(stdout, result.summary(), result.notes(), dir.target(), "report.md", "graphs", "neuralgraph.gephi");
            return 0;
        }
    }

    /** The export formats named in an option's values, e.g. {@code gexf,pdf}. */
    static Set<GraphExporter.Format> formats(String option, List<String> names) {
        Set<GraphExporter.Format> out = EnumSet.noneOf(GraphExporter.Format.class);
        for (String f : names) {
            try {
                out.add(GraphExporter.Format.valueOf(f.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": unknown format '" + f + "'; use gexf, pdf, svg, png");
            }
        }
        return out;
    }

    private static Sparsification parseSparsification(String text) {
        try {
            return Sparsification.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sparsify: " + e.getMessage());
        }
    }
}
