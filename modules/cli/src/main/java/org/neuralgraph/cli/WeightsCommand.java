package org.neuralgraph.cli;

import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.WeightGraphKind;
import org.neuralgraph.pipeline.study.Study;
import org.neuralgraph.pipeline.study.WeightGraphStudy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code neuralgraph weights}: the weight-graph study of Darnell and Leonard (Sections 3-4). Trains (or loads) a model,
 * turns every checkpoint into its weight graph, runs Gephi's statistics, modularity over resolutions and ForceAtlas2 in
 * one workspace per checkpoint, and writes GEXF, PDF, SVG, a Gephi project and a report comparing the untrained with the
 * trained network.
 */
@Command(name = "weights", mixinStandardHelpOptions = true, modelTransformer = WeightsCommand.Options.class,
        description = {"Weight graphs of a network over training, analysed and drawn by Gephi (Darnell and Leonard, Sections 3-4).",
                "Writes into --out: run/ (checkpoints), graphs/ (GEXF, PDF, SVG per checkpoint), neuralgraph.gephi "
                        + "(one workspace per checkpoint), report.json, report.md, metrics.csv, modularity.csv."})
final class WeightsCommand extends StudyCommand implements ModelOptions.Defaults {

    private static final int CHECKPOINTS = 5;
    @Override public String defaultModel() { return "mlp-seed000"; }
    @Override public String defaultCheckpoints() { return CHECKPOINTS + ", or epochs + 1 when there are fewer epochs"; }


    /** The weight graph's parameters as options ({@code --sparsify}). */
    static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return KindOptions.add(spec, GraphKinds.get(WeightGraphKind.ID).parameters());
        }
    }

    @Mixin
    ModelOptions model;

    @Option(names = "--resolutions", split = ",", paramLabel = "R",
            description = "Gephi Modularity resolutions (Gephi's convention; default 0.2,0.4,...,2.0).")
    double[] resolutions = new WeightGraphStudy.Settings().resolutions;

    @Option(names = "--colour-resolution", defaultValue = "1.0",
            description = "Resolution whose communities colour the nodes and fill modularity_class (default: ${DEFAULT-VALUE}).")
    double colourResolution;

    @Mixin
    CommunitiesOption communities;

    @Mixin
    DrawingOptions drawing;

    @Mixin
    DynamicOption dynamic;

    @Option(names = "--stream", description = "For models too large for Gephi (100 million weights): stream the weight graph of the "
            + "model's last checkpoint without holding it and write degree and strength distributions (nodes.csv, "
            + "degree-distribution.csv, strength-distribution.csv), per-layer weight statistics (layers.csv, report.json) and "
            + "the backbone --sparsify keeps (auto or disparity:A; into Gephi and --formats when at most 1,000,000 edges). "
            + "No Gephi statistics or modularity.")
    boolean stream;

    @Option(names = "--engine", defaultValue = WeightsEngine.MEMORY, paramLabel = "NAME",
            description = "Where the edge-level work runs: memory (this JVM, default) or spark (Apache Spark: a Parquet edge "
                    + "table, degrees, strengths, per-layer statistics, the disparity backbone and components; needs "
                    + "bin/neuralgraph-spark, see docs/spark.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master (default local[*], or the one spark-submit gives): local[N], "
                    + "spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Option(names = "--table", paramLabel = "DIR",
            description = "With --engine spark: where the Parquet tables go, a directory or a URL every executor reads "
                    + "(hdfs://..., s3a://...; default OUT/table).")
    String table;

    @Option(names = "--alpha", defaultValue = "0.05",
            description = "With --engine spark: significance level of the disparity backbone (Serrano et al. 2009; default: ${DEFAULT-VALUE}).")
    double alpha;

    @Override
    Study study() {
        if (stream) {
            if (!engine.equals(WeightsEngine.MEMORY)) throw new IllegalArgumentException("--stream runs in this JVM; --engine " + engine + " is another engine: choose one");
            return new org.neuralgraph.pipeline.study.WeightStreamStudy(model.request(defaultModel(), 1),
                    GraphKinds.get(WeightGraphKind.ID).values(KindOptions.given(spec, GraphKinds.get(WeightGraphKind.ID).parameters())),
                    drawing.formats(), commandText());
        }
        WeightGraphStudy.Settings s = new WeightGraphStudy.Settings();
        s.resolutions = resolutions;
        s.colourResolution = colourResolution;
        s.communities = communities.algorithm();
        s.colourByLayer = drawing.byLayer();
        s.graph = GraphKinds.get(WeightGraphKind.ID).values(KindOptions.given(spec, GraphKinds.get(WeightGraphKind.ID).parameters()));
        s.layoutIterations = drawing.layoutIterations(0);
        s.formats = drawing.formats();
        s.seed = model.seed;
        s.dynamic = dynamic.enabled;
        s.command = commandText();
        if (engine.equals(WeightsEngine.MEMORY)) {
            for (String o : new String[]{"--master", "--table", "--alpha"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) throw new IllegalArgumentException(o + " needs --engine spark");
            }
            return new WeightGraphStudy(model.request(defaultModel(), CHECKPOINTS), s);
        }
        WeightsEngine e = WeightsEngine.find(engine);
        WeightsEngine.Options o = new WeightsEngine.Options();
        o.master = master;
        o.table = table;
        o.alpha = alpha;
        return e.study(model.request(defaultModel(), CHECKPOINTS), s, o);
    }
}
