package org.neuralgraph.cli;

import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.featuremap.FeatureMapGraph;
import org.neuralgraph.dl4j.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph featuremaps}: seed 000's CNN study in one command. Trains (or loads) a LeNet with a checkpoint
 * after every epoch, turns the composite feature maps of one convolution layer into graphs and checks the paper's
 * claims about them (Figs. 5, 7-8).
 */
@Command(name = "featuremaps", mixinStandardHelpOptions = true,
        description = {"Feature-map graphs of a CNN over training (seed 000, Section 4): value adjacency of the composite map at every "
                + "checkpoint, spatial adjacency per class before and after training. Default: LeNet for 10 epochs on the shipped MNIST sample.",
                "Also (Fig. 6) --runs fresh runs stopped early: spatial average degree against accuracy; and the value graphs at several offsets.",
                "Writes into --out: run/, maps/ (PNG), tables/ (CSV), charts/ (PNG), graphs/ (GEXF), neuralgraph.gephi, report.md, report.json."})
final class FeatureMapsCommand implements Callable<Integer> {

    @Mixin
    ModelSource source;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--layer", defaultValue = "1", description = "Convolution layer, 1 = first (default: ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--channel", defaultValue = "-1", description = "One channel's map, or -1 for the mean over channels (default: ${DEFAULT-VALUE}).")
    int channel;

    @Option(names = "--percent", defaultValue = "10", description = "Share of pixels that become nodes (the paper: brightest 10 %, darkest 90 %) (default: ${DEFAULT-VALUE}).")
    double percent;

    @Option(names = "--darkest", description = "Take the darkest pixels instead of the brightest.")
    boolean darkest;

    @Option(names = "--offset-fraction", defaultValue = "" + FeatureMapGraph.DEFAULT_OFFSET_FRACTION,
            description = "Value adjacency: the offset as a share of the map's max - min (the paper gives none; about one grey level of "
                    + "an 8-bit map, as its Fig. 1c) (default: ${DEFAULT-VALUE}).")
    double offsetFraction;

    @Option(names = "--weight-cap", defaultValue = "" + FeatureMapGraph.DEFAULT_WEIGHT_CAP,
            description = "Value adjacency: cap of offset / difference, the weight of equal values (default: ${DEFAULT-VALUE}).")
    double weightCap;

    @Option(names = "--runs", defaultValue = "10", description = "Fig. 6: fresh runs stopped after log-spaced numbers of mini-batches, "
            + "for average degree against accuracy; 0 for none (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--run-epochs", defaultValue = "2", description = "Fig. 6: epochs of the longest of those runs (default: ${DEFAULT-VALUE}).")
    double runEpochs;

    @Mixin
    DynamicOption dynamic;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        boolean everyEpoch = source.checkpoints == null; // by default a checkpoint after every epoch, as Figs. 7-8
        source.withDefaults("lenet", 2);
        if (everyEpoch && source.trains()) source.checkpoints = source.spec().epochs + 1;
        FeatureMapStudy.Settings s = settings();
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            TrainingRun run = source.run(dir.dir().resolve("run"), progress);
            if (run.manifest() != null) s.seed = run.manifest().seed;
            TrainTestData data = source.data();
            s.data = data.description() + "; maps over the " + data.test().size() + " test images";
            FeatureMapStudy.Result result = FeatureMapStudy.run(run, data, s, dir.dir(), progress);
            FeatureMapReport report = new FeatureMapReport(s, result);
            report.write(dir.dir());
            dir.commit();
            progress.close();
            ReportText.printOutcome(stdout, report.summary(), result.notes, dir.target(), "report.md", "neuralgraph.gephi");
            return 0;
        }
    }

    private FeatureMapStudy.Settings settings() {
        if (layer < 1) throw new IllegalArgumentException("--layer must be >= 1, got " + layer);
        if (channel < -1) throw new IllegalArgumentException("--channel must be >= 0, or -1 for the mean, got " + channel);
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("--percent must be in (0, 100], got " + percent);
        if (!(offsetFraction > 0 && offsetFraction <= 1)) throw new IllegalArgumentException("--offset-fraction must be in (0, 1], got " + offsetFraction);
        if (!(weightCap >= 1) || Double.isInfinite(weightCap)) throw new IllegalArgumentException("--weight-cap must be finite and >= 1, got " + weightCap);
        if (runs < 0 || runs > 100) throw new IllegalArgumentException("--runs must be in [0, 100], got " + runs);
        if (!(runEpochs > 0 && runEpochs <= 100)) throw new IllegalArgumentException("--run-epochs must be in (0, 100], got " + runEpochs);
        FeatureMapStudy.Settings s = new FeatureMapStudy.Settings();
        s.runs = runs;
        s.runEpochs = runEpochs;
        s.layer = layer;
        s.channel = channel;
        s.brightest = !darkest;
        s.percent = percent;
        s.offsetFraction = offsetFraction;
        s.weightCap = weightCap;
        s.dynamic = dynamic.enabled;
        s.seed = source.seed;
        s.command = "neuralgraph featuremaps " + String.join(" ", CommandLineText.args());
        return s;
    }
}
