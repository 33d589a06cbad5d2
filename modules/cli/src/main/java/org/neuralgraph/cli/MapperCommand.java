package org.neuralgraph.cli;

import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.MapperKind;
import org.neuralgraph.pipeline.study.MapperStudy;
import org.neuralgraph.pipeline.study.Study;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code neuralgraph mapper}: the Mapper study of Brüel Gabrielsson in one command: Mapper graphs of first-layer
 * convolution filters, untrained against trained on MNIST and few against many iterations on circles and squares.
 */
@Command(name = "mapper", mixinStandardHelpOptions = true, modelTransformer = MapperCommand.Options.class,
        description = {"Mapper graphs of convolution filters (Brüel Gabrielsson): the first-layer filters of the cnn-mapper preset pooled over "
                + "--runs runs, untrained and trained on MNIST, and trained on circles and squares for --few and --many iterations; "
                + "density filtration, Mapper, Gephi layout, the main cycle's filters, and the paper's findings checked.",
                "Writes into --out: graphs/ (GEXF, PDF, SVG), pictures/, tables/, neuralgraph.gephi, report.md, report.json."})
final class MapperCommand extends StudyCommand {

    /** The Mapper graph's parameters: {@code --lens}, {@code --metric}, {@code --intervals}, {@code --overlap}, {@code --k}, {@code --percent}. */
    static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return KindOptions.add(spec, GraphKinds.get(MapperKind.ID).parameters());
        }
    }

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

    @Option(names = "--epsilon", description = "Single linkage cut at this fixed distance instead of the histogram gap rule.")
    Double epsilon;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the runs (seed, seed + 1, ...), the data split and the lens (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    Study study() throws Exception {
        MapperStudy.Settings s = new MapperStudy.Settings();
        s.runs = runs;
        s.iterations = iterations;
        s.few = few;
        s.many = many;
        s.shapes = !noShapes;
        s.seed = seed;
        s.graph = GraphKinds.get(MapperKind.ID).values(KindOptions.given(spec, GraphKinds.get(MapperKind.ID).parameters()));
        s.epsilon = epsilon;
        Path d = data != null ? data : ModelOptions.defaultData();
        s.data = d != null ? d : org.neuralgraph.pipeline.model.SampleData.mnistDirectory();
        s.command = commandText();
        return new MapperStudy(s);
    }
}
