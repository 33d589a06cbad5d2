package org.neuralgraph.cli;

import org.neuralgraph.pipeline.kind.ContributionKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.NeuronClassKind;
import org.neuralgraph.pipeline.study.NetFragmentStudy;
import org.neuralgraph.pipeline.study.Study;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code neuralgraph netfragments}: the net-fragment study in one command: the eleven models of its Table 4.1 on the ten
 * 9x9 digits, neuron-class and contribution graphs, activation maximisation, the paper's findings checked.
 */
@Command(name = "netfragments", mixinStandardHelpOptions = true, modelTransformer = NetFragmentsCommand.Options.class,
        description = {"Net fragments (\"Preliminary Study 4\"): trains the eleven models of Table 4.1 on the ten 9x9 digits, builds the "
                + "neuron-class graph of the 12 head neurons after every epoch and the contribution graph of one digit, finds the input that "
                + "maximises each class, and checks the paper's findings.",
                "Writes into --out: runs/, activations/, graphs/ (GEXF), pictures/ (PNG), tables/ (CSV), neuralgraph.gephi, report.md, report.json."})
final class NetFragmentsCommand extends StudyCommand {

    /** {@code --input-digit} (the contribution graph's) and {@code --max-steps}, {@code --max-rate}, {@code --max-l2} (the neuron-class graph's). */
    static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            KindOptions.add(spec, GraphKinds.get(ContributionKind.ID).parameters());
            return KindOptions.add(spec, GraphKinds.get(NeuronClassKind.ID).parameters());
        }
    }

    @Option(names = "--models", split = ",", description = "Models of Table 4.1 to train, 1-11 (default: all).")
    List<Integer> models;

    @Option(names = "--repeats", defaultValue = "1000", description = "Copies of each digit in an epoch (the paper does not say; default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (the paper: 10) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights, the sample order and the activation "
            + "maximisation's start (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DynamicOption dynamic;

    @Override
    Study study() {
        NetFragmentStudy.Settings s = new NetFragmentStudy.Settings();
        if (models != null) s.models = models.stream().mapToInt(Integer::intValue).toArray();
        s.repeats = repeats;
        s.epochs = epochs;
        s.seed = seed;
        s.contribution = GraphKinds.get(ContributionKind.ID).values(KindOptions.given(spec, GraphKinds.get(ContributionKind.ID).parameters()));
        s.neuronClass = GraphKinds.get(NeuronClassKind.ID).values(KindOptions.given(spec, GraphKinds.get(NeuronClassKind.ID).parameters()));
        s.dynamic = dynamic.enabled;
        s.command = commandText();
        return new NetFragmentStudy(s);
    }
}
