package org.neuralgraph.cli;

import org.neuralgraph.pipeline.GraphJob;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.study.GraphStudy;
import org.neuralgraph.pipeline.study.Study;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code neuralgraph graph KIND}: any graph kind of the registry ({@link GraphKinds}) for every checkpoint of a model,
 * analysed and drawn by Gephi ({@link GraphStudy}). One subcommand per kind, its options made from the kind's parameters;
 * a kind added to the registry appears here without a change to the command line.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"One graph kind of a model at every checkpoint, analysed and drawn by Gephi.",
                "Writes into --out: run/ (when trained), graphs/ (GEXF, PDF, SVG per checkpoint), neuralgraph.gephi, report.json, report.md, metrics.csv."})
final class GraphCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a kind: the usage, which lists the kinds. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** This command with one subcommand per registered graph kind. */
    static CommandLine withKinds() {
        CommandLine graph = new CommandLine(new GraphCommand());
        for (GraphKind kind : GraphKinds.all()) {
            CommandLine sub = new CommandLine(new KindCommand(kind));
            KindOptions.add(sub.getCommandSpec(), kind.parameters());
            sub.getCommandSpec().usageMessage().description(kind.title() + ": " + kind.description() + "."
                    + (kind.reference().isEmpty() ? "" : " (" + kind.reference() + ")"));
            graph.addSubcommand(kind.id(), sub);
        }
        return graph;
    }

    /** One kind's subcommand. */
    @Command(mixinStandardHelpOptions = true)
    static final class KindCommand extends StudyCommand implements ModelOptions.Defaults {

        private static final int CHECKPOINTS = 2;
        @Override public String defaultModel() { return kind.defaultModel(); }
        @Override public String defaultCheckpoints() { return Integer.toString(CHECKPOINTS); }


        private final GraphKind kind;

        KindCommand(GraphKind kind) {
            this.kind = kind;
        }

        @Mixin
        ModelOptions model;

        @Mixin
        CommunitiesOption communities;

        @Mixin
        DrawingOptions drawing;

        @Mixin
        DynamicOption dynamic;

        @Override
        Study study() {
            GraphStudy.Settings s = new GraphStudy.Settings();
            s.layoutIterations = drawing.layoutIterations(kind.layoutIterations());
            s.formats = drawing.formats();
            s.colourByLayer = drawing.byLayer();
            s.dynamic = dynamic.enabled;
            s.communities = communities.algorithm();
            s.command = commandText();
            GraphJob job = new GraphJob(model.request(defaultModel(), CHECKPOINTS), kind, kind.values(KindOptions.given(spec, kind.parameters())), -1);
            return new GraphStudy(job, s);
        }
    }
}
