package org.neuralgraph.cli;

import org.neuralgraph.pipeline.kind.ActivationPatternKind;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.Parameter;
import org.neuralgraph.pipeline.study.ActivationPatternStudy;
import org.neuralgraph.pipeline.study.GraphFiles;
import org.neuralgraph.pipeline.study.Study;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code neuralgraph activations}: the study of Mostafa and Mondal in one command. Trains (or loads) a model with
 * checkpoints, builds the activation pattern graph of every hidden dense layer at every checkpoint, analyses it in
 * Gephi and in plain Java, and writes Tables 2-6, their correlations with accuracy, Fig. 1-style charts and a report
 * that sets our correlations beside the paper's.
 */
@Command(name = "activations", mixinStandardHelpOptions = true, modelTransformer = ActivationsCommand.Options.class,
        description = {"Activation pattern graphs over training, their communities, modularities and entropy, correlated with accuracy "
                + "(Mostafa and Mondal). Default: the paper's MLP 784-512-512-10 for 20 epochs on the shipped MNIST sample.",
                "Writes into --out: run/, tables/ (CSV), charts/ (PNG), graphs/ (GEXF, PDF, SVG), neuralgraph.gephi, report.md, report.json.",
                "Fashion-MNIST: --data /usr/share/datasets/fashion-mnist; the random-label control: --mixed."})
final class ActivationsCommand extends StudyCommand implements ModelOptions.Defaults {

    private static final int CHECKPOINTS = 21;
    @Override public String defaultModel() { return "mlp-512"; }
    @Override public String defaultCheckpoints() { return CHECKPOINTS + ", or epochs + 1 when there are fewer epochs"; }


    /** S, the activation pattern graph's parameter (the study takes every layer). */
    static List<Parameter> parameters() {
        GraphKind kind = GraphKinds.get(ActivationPatternKind.ID);
        for (Parameter p : kind.parameters()) if (p.name().equals("neurons-per-class")) return Collections.singletonList(p);
        throw new IllegalStateException("the activation pattern graph has no parameter neurons-per-class");
    }

    /** {@code --neurons-per-class}. */
    static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return KindOptions.add(spec, parameters());
        }
    }

    @Mixin
    ModelOptions model;

    @Option(names = "--resolution", defaultValue = "0.5",
            description = "Resolution of Gephi's Louvain Modularity, Gephi's convention (the paper: 0.5) (default: ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--bins", defaultValue = "" + org.neuralgraph.core.stats.ActivationEntropy.DEFAULT_BINS,
            description = "R, the histogram bins of the activation entropy (Section 5.2 gives none) (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--klb-iterations", defaultValue = "10", description = "Kernighan-Lin passes (networkx's default) (default: ${DEFAULT-VALUE}).")
    int klbIterations;

    @Option(names = "--correlate-untrained", description = "Include the untrained network (epoch 0) in the correlations; "
            + "the paper's G(1)..G(20) start after the first epoch.")
    boolean correlateUntrained;

    @Option(names = "--layout-iterations", defaultValue = "300", description = "ForceAtlas2 iterations per graph (default: ${DEFAULT-VALUE}).")
    int layoutIterations;

    @Option(names = "--drawings", split = ",", paramLabel = "FORMAT",
            description = "Files of the first trained and the last checkpoint besides GEXF: pdf, svg, png, graphml, csv (default: pdf,svg).")
    List<String> drawings = Arrays.asList("pdf", "svg");

    @Option(names = "--draw-every-checkpoint", description = "Draw every checkpoint, not only the first trained and the last.")
    boolean drawEvery;

    @Mixin
    DynamicOption dynamic;

    @Override
    Study study() {
        ActivationPatternStudy.Settings s = new ActivationPatternStudy.Settings();
        s.graph = GraphKinds.get(ActivationPatternKind.ID).values(KindOptions.given(spec, parameters()));
        s.resolution = resolution;
        s.bins = bins;
        s.klbIterations = klbIterations;
        s.layoutIterations = layoutIterations;
        s.correlateUntrained = correlateUntrained;
        s.drawEveryCheckpoint = drawEvery;
        s.drawings = GraphFiles.parse("--drawings", drawings);
        s.drawings.remove(GraphFiles.Format.GEXF); // written for every graph anyway
        s.seed = model.seed;
        s.dynamic = dynamic.enabled;
        s.command = commandText();
        return new ActivationPatternStudy(model.request(defaultModel(), CHECKPOINTS), s);
    }
}
