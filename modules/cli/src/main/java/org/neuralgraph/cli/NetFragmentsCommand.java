package org.neuralgraph.cli;

import org.neuralgraph.dl4j.ActivationMaximisation;
import org.neuralgraph.dl4j.NetFragmentModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph netfragments}: seed 003's study in one command: the eleven models of Table 4.1 on the ten 9x9
 * digits, neuron-class and contribution graphs, activation maximisation, the paper's findings checked.
 */
@Command(name = "netfragments", mixinStandardHelpOptions = true,
        description = {"Net fragments (seed 003): trains the eleven models of Table 4.1 on the ten 9x9 digits, builds the neuron-class "
                + "graph of the 12 head neurons after every epoch and the contribution graph of one digit, finds the input that maximises "
                + "each class, and checks the paper's findings.",
                "Writes into --out: runs/, activations/, graphs/ (GEXF), pictures/ (PNG), tables/ (CSV), neuralgraph.gephi, report.md, report.json."})
final class NetFragmentsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--models", split = ",", description = "Models of Table 4.1 to train, 1-11 (default: all).")
    List<Integer> models;

    @Option(names = "--repeats", defaultValue = "1000", description = "Copies of each digit in an epoch (the paper does not say; default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (the paper: 10) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights and the sample order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--input-digit", defaultValue = "8", description = "Digit whose contribution graph is built (default: ${DEFAULT-VALUE}).")
    int inputDigit;

    @Option(names = "--max-steps", defaultValue = "" + ActivationMaximisation.DEFAULT_STEPS, description = "Activation maximisation: gradient steps (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-rate", defaultValue = "" + ActivationMaximisation.DEFAULT_LEARNING_RATE, description = "Activation maximisation: step size (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Option(names = "--max-l2", defaultValue = "" + ActivationMaximisation.DEFAULT_LAMBDA, description = "Activation maximisation: L2 weight lambda (default: ${DEFAULT-VALUE}).")
    double maxL2;

    @Mixin
    DynamicOption dynamic;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        NetFragmentStudy.Settings s = settings();
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            NetFragmentStudy.Result result = NetFragmentStudy.run(s, dir.dir(), progress);
            NetFragmentReport report = new NetFragmentReport(s, result);
            report.write(dir.dir());
            dir.commit();
            progress.close();
            ReportText.printOutcome(stdout, report.summary(), result.notes, dir.target(), "report.md", "neuralgraph.gephi");
            return 0;
        }
    }

    private NetFragmentStudy.Settings settings() {
        NetFragmentStudy.Settings s = new NetFragmentStudy.Settings();
        if (models != null) {
            if (models.isEmpty()) throw new IllegalArgumentException("--models is empty");
            s.models = new int[models.size()];
            for (int i = 0; i < s.models.length; i++) {
                int m = models.get(i);
                if (m < 1 || m > NetFragmentModels.COUNT) throw new IllegalArgumentException("--models: " + m + " is not a model of Table 4.1 (1-11)");
                s.models[i] = m;
            }
        }
        if (repeats < 1 || repeats > 100_000) throw new IllegalArgumentException("--repeats must be in [1, 100000], got " + repeats);
        if (epochs < 1 || epochs > 1000) throw new IllegalArgumentException("--epochs must be in [1, 1000], got " + epochs);
        if (inputDigit < 0 || inputDigit > 9) throw new IllegalArgumentException("--input-digit must be 0-9, got " + inputDigit);
        s.repeats = repeats;
        s.epochs = epochs;
        s.seed = seed;
        s.inputDigit = inputDigit;
        s.dynamic = dynamic.enabled;
        try {
            s.maximisation = new ActivationMaximisation(maxSteps, maxRate, maxL2, ActivationMaximisation.DEFAULT_START_NOISE, seed);
        } catch (IllegalArgumentException e) { // its names: steps, learningRate, lambda
            throw new IllegalArgumentException("--max-steps, --max-rate, --max-l2: " + e.getMessage());
        }
        s.command = "neuralgraph netfragments " + String.join(" ", CommandLineText.args());
        return s;
    }
}
