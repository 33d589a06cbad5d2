package org.neuralgraph.cli;

import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.cluster.ClusterCut;
import org.neuralgraph.core.mapper.Lens;
import org.neuralgraph.core.mapper.MapperParameters;
import org.neuralgraph.core.geometry.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;

/**
 * {@code neuralgraph mapper}: seed 002's study in one command: Mapper graphs of first-layer convolution filters,
 * untrained against trained on MNIST and few against many iterations on circles and squares.
 */
@Command(name = "mapper", mixinStandardHelpOptions = true,
        description = {"Mapper graphs of convolution filters (seed 002): the first-layer filters of the cnn-mapper preset pooled over "
                + "--runs runs, untrained and trained on MNIST, and trained on circles and squares for --few and --many iterations; "
                + "density filtration, Mapper, Gephi layout, the main cycle's filters, and the paper's findings checked.",
                "Writes into --out: graphs/ (GEXF, PDF, SVG), pictures/, tables/, neuralgraph.gephi, report.md, report.json."})
final class MapperCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory to create (new or empty).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST-style IDX directory (default: the shipped MNIST sample).")
    Path data;

    @Option(names = "--runs", defaultValue = "4", description = "Training runs whose filters are pooled (the paper: 100) (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--iterations", defaultValue = "100", description = "MNIST: mini-batches of 100 per run (the paper: 10,000) (default: ${DEFAULT-VALUE}).")
    long iterations;

    @Option(names = "--few", defaultValue = "40", description = "Circles and squares: the short training, mini-batches of 50 (the paper: 40) (default: ${DEFAULT-VALUE}).")
    long few;

    @Option(names = "--many", defaultValue = "400", description = "Circles and squares: the long training (the paper: 2,000) (default: ${DEFAULT-VALUE}).")
    long many;

    @Option(names = "--no-shapes", description = "Leave out the circle/square part.")
    boolean noShapes;

    @Option(names = "--lens", defaultValue = "pca-2", description = "pca-2, pca-1, neighbourhood or density (default: ${DEFAULT-VALUE}).")
    String lens;

    @Option(names = "--metric", defaultValue = "variance-normalised", description = "variance-normalised or euclidean (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--intervals", defaultValue = "" + MapperParameters.DEFAULT_INTERVALS, description = "Cover intervals per lens coordinate (default: ${DEFAULT-VALUE}).")
    int intervals;

    @Option(names = "--overlap", defaultValue = "" + MapperParameters.DEFAULT_OVERLAP, description = "Overlap of neighbouring intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double overlap;

    @Option(names = "--epsilon", description = "Single linkage cut at this fixed distance instead of the histogram gap rule.")
    Double epsilon;

    @Option(names = "--k", defaultValue = "5", description = "Density filtration: the k of the k-th nearest neighbour (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--percent", defaultValue = "20", description = "Density filtration: the densest share kept, in percent (default: ${DEFAULT-VALUE}).")
    double percent;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the runs (seed, seed + 1, ...), the data split and the lens (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        MapperStudy.Settings s = settings();
        TrainTestData mnist = ImageDataSource.load(data == null ? ModelSource.defaultData() : data, 0.2, seed);
        s.data = mnist.description();
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            MapperStudy.Result result = MapperStudy.run(s, mnist, dir.dir(), progress);
            MapperReport report = new MapperReport(s, result);
            report.write(dir.dir());
            dir.commit();
            progress.close();
            ReportText.printOutcome(stdout, report.summary(), result.notes, dir.target(), "report.md", "graphs", "neuralgraph.gephi");
            return 0;
        }
    }

    private MapperStudy.Settings settings() {
        if (runs < 1 || runs > 1000) throw new IllegalArgumentException("--runs must be in [1, 1000], got " + runs);
        if (iterations < 0 || few < 0 || many < 0) throw new IllegalArgumentException("--iterations, --few and --many must be >= 0");
        MapperStudy.Settings s = new MapperStudy.Settings();
        s.runs = runs;
        s.iterations = iterations;
        s.few = few;
        s.many = many;
        s.shapes = !noShapes;
        s.seed = seed;
        MapperParameters p = MapperParameters.defaults().withSeed(seed);
        try {
            p = p.withLens(Lens.named(lens, k));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
        switch (metric) {
            case "variance-normalised": p = p.withMetric(Metric.VARIANCE_NORMALISED_EUCLIDEAN); break;
            case "euclidean": p = p.withMetric(Metric.EUCLIDEAN); break;
            default: throw new IllegalArgumentException("--metric must be variance-normalised or euclidean, got " + metric);
        }
        try {
            p = p.withIntervals(intervals).withOverlap(overlap).withK(k).withPercent(percent);
            if (epsilon != null) p = p.withClusterCut(ClusterCut.fixedEpsilon(epsilon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
        s.mapper = p;
        s.command = "neuralgraph mapper " + String.join(" ", CommandLineText.args());
        return s;
    }
}
