package org.neuralgraph.cli;

import org.neuralgraph.pipeline.kind.FeatureMapKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.Parameter;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.study.FeatureMapStudy;
import org.neuralgraph.pipeline.study.Study;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code neuralgraph featuremaps}: the CNN study of Darnell and Leonard in one command. Trains (or loads) a LeNet with a
 * checkpoint after every epoch, turns the composite feature maps of one convolution layer into graphs and checks the
 * paper's claims about them (Figs. 5-8).
 */
@Command(name = "featuremaps", mixinStandardHelpOptions = true, modelTransformer = FeatureMapsCommand.Options.class,
        description = {"Feature-map graphs of a CNN over training (Darnell and Leonard, Section 4): value adjacency of the composite map at "
                + "every checkpoint, spatial adjacency per class before and after training. Default: LeNet for 10 epochs on the shipped MNIST sample.",
                "Also (Fig. 6) --runs fresh runs stopped early: spatial average degree against accuracy; and the value graphs at several offsets.",
                "Writes into --out: run/, maps/ (PNG), tables/ (CSV), charts/ (PNG), graphs/ (GEXF), neuralgraph.gephi, report.md, report.json."})
final class FeatureMapsCommand extends StudyCommand implements ModelOptions.Defaults {

    @Override public String defaultModel() { return "lenet"; }
    @Override public String defaultCheckpoints() { return "epochs + 1, one after every epoch, for a model trained here"; }


    /** The feature-map graph's parameters but the class and the edges, which the study chooses for each graph. */
    static List<Parameter> parameters() {
        return GraphKinds.get(FeatureMapKind.ID).parameters().stream()
                .filter(p -> !p.name().equals("class") && !p.name().equals("adjacency")).collect(Collectors.toList());
    }

    /** {@code --layer}, {@code --channel}, {@code --percent}, {@code --darkest}, {@code --offset-fraction}, {@code --weight-cap}. */
    static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return KindOptions.add(spec, parameters());
        }
    }

    @Mixin
    ModelOptions model;

    @Option(names = "--runs", defaultValue = "10", description = "Fig. 6: fresh runs stopped after log-spaced numbers of mini-batches, "
            + "for average degree against accuracy; 0 for none (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--run-epochs", defaultValue = "2", description = "Fig. 6: epochs of the longest of those runs (default: ${DEFAULT-VALUE}).")
    double runEpochs;

    @Mixin
    DynamicOption dynamic;

    @Override
    Study study() throws Exception {
        ModelRequest request = model.request(defaultModel(), 2);
        // by default a checkpoint after every epoch, as Figs. 7-8
        if (!model.checkpointsGiven() && request.trains()) request.checkpoints = request.spec().epochs + 1;
        FeatureMapStudy.Settings s = new FeatureMapStudy.Settings();
        s.graph = GraphKinds.get(FeatureMapKind.ID).values(KindOptions.given(spec, parameters()));
        s.runs = runs;
        s.runEpochs = runEpochs;
        s.dynamic = dynamic.enabled;
        s.seed = model.seed;
        s.command = commandText();
        return new FeatureMapStudy(request, s);
    }
}
