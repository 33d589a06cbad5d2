package org.neuralgraph.cli;

import org.neuralgraph.core.activation.ActivationPatternGraph;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.stats.ActivationEntropy;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GraphExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph activations}: seed 001's study in one command. Trains (or loads) a model with checkpoints,
 * builds the activation pattern graph of every hidden dense layer at every checkpoint, analyses it in Gephi and in
 * plain Java, and writes Tables 2-6, their correlations with accuracy, Fig. 1-style charts and a report that sets
 * our correlations beside the paper's.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = {"Activation pattern graphs over training, their communities, modularities and entropy, correlated "
                + "with accuracy (seed 001). Default: the paper's MLP 784-512-512-10 for 20 epochs on the shipped MNIST sample.",
                "Writes into --out: run/, tables/ (CSV), charts/ (PNG), graphs/ (GEXF, PDF, SVG), neuralgraph.gephi, report.md, report.json.",
                "Fashion-MNIST: --data /usr/share/datasets/fashion-mnist; the random-label control: --mixed."})
final class ActivationsCommand implements Callable<Integer> {

    @Mixin
    ModelSource source;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--neurons-per-class", paramLabel = "S", defaultValue = "" + ActivationPatternGraph.DEFAULT_S,
            description = "S, the most active neurons taken per class (Eq. 7; the paper: 50, also 25 and 100) (default: ${DEFAULT-VALUE}).")
    int neuronsPerClass;

    @Option(names = "--resolution", defaultValue = "0.5",
            description = "Resolution of Gephi's Louvain Modularity, Gephi's convention (the paper: 0.5) (default: ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--bins", defaultValue = "" + ActivationEntropy.DEFAULT_BINS,
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
            description = "Drawings of the first trained and the last checkpoint: pdf, svg, png (png needs a display) (default: pdf,svg).")
    List<String> drawings = java.util.Arrays.asList("pdf", "svg");

    @Option(names = "--draw-every-checkpoint", description = "Draw every checkpoint, not only the first trained and the last.")
    boolean drawEvery;

    @Mixin
    DynamicOption dynamic;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        source.withDefaults("mlp-512", 21);
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        ActivationPatternStudy.Settings s = settings();
        if (source.trains()) checkWidth(source.spec());
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            TrainingRun run = source.run(dir.dir().resolve("run"), progress);
            if (run.manifest() != null) {
                if (run.manifest().shuffledLabels != source.mixed) {
                    throw new IllegalArgumentException("--model " + source.model + " was trained " + (run.manifest().shuffledLabels ? "with" : "without")
                            + " shuffled labels; record it on the same labels (" + (run.manifest().shuffledLabels ? "add" : "drop") + " --mixed, --seed "
                            + run.manifest().seed + ")");
                }
                s.seed = run.manifest().seed;
            }
            TrainTestData data = source.data();
            s.data = data.description();
            ActivationPatternStudy.Result result = ActivationPatternStudy.run(run, data.train(), s, dir.dir(), progress);
            ActivationStudyReport report = new ActivationStudyReport(run, s, result);
            report.write(dir.dir());
            dir.commit();
            progress.close();
            ReportText.printOutcome(stdout, report.summary(), result.notes, dir.target(), "report.md", "tables", "neuralgraph.gephi");
            return 0;
        }
    }

    /** S must fit every hidden dense layer: said before training rather than after. */
    private void checkWidth(org.neuralgraph.dl4j.ModelSpec m) {
        for (org.neuralgraph.dl4j.ModelSpec.LayerSpec l : m.layers) {
            if (l.type.equals("dense") && l.units < neuronsPerClass) {
                throw new IllegalArgumentException("--neurons-per-class " + neuronsPerClass + " is more than the " + l.units
                        + " neurons of a hidden layer of " + m + "; choose at most " + l.units);
            }
        }
    }

    private ActivationPatternStudy.Settings settings() {
        ActivationPatternStudy.Settings s = new ActivationPatternStudy.Settings();
        if (neuronsPerClass < 1) throw new IllegalArgumentException("--neurons-per-class must be >= 1, got " + neuronsPerClass);
        if (!(resolution > 0) || Double.isInfinite(resolution)) throw new IllegalArgumentException("--resolution must be > 0, got " + resolution);
        if (bins < 1) throw new IllegalArgumentException("--bins must be >= 1, got " + bins);
        if (klbIterations < 1) throw new IllegalArgumentException("--klb-iterations must be >= 1, got " + klbIterations);
        if (layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + layoutIterations);
        s.neuronsPerClass = neuronsPerClass;
        s.resolution = resolution;
        s.bins = bins;
        s.klbIterations = klbIterations;
        s.layoutIterations = layoutIterations;
        s.correlateUntrained = correlateUntrained;
        s.drawEveryCheckpoint = drawEvery;
        s.drawings = WeightsCommand.formats("--drawings", drawings);
        s.drawings.remove(GraphExporter.Format.GEXF); // written for every graph anyway
        s.seed = source.seed;
        s.mixed = source.mixed;
        s.dynamic = dynamic.enabled;
        s.command = "neuralgraph activations " + String.join(" ", CommandLineText.args());
        return s;
    }
}
