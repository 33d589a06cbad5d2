package org.neuralgraph.cli;

import org.neuralgraph.pipeline.study.GraphFiles;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** How every graph of a command is laid out, coloured and written: a picocli mixin of the commands that draw each checkpoint. */
final class DrawingOptions {

    @Option(names = "--layout-iterations", paramLabel = "N",
            description = "ForceAtlas2 iterations from the starting positions; 0 keeps them: layers left to right for a weight graph, "
                    + "the pixel grid for a feature map (default: 0 for weight graphs, 300 for the other kinds).")
    Integer layoutIterations;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Files per checkpoint: gexf (1.3), gexf-1.2 (for networkx 2.8), graphml, csv (node and edge tables), "
                    + "pdf, svg, png (default: gexf,pdf,svg).")
    List<String> formats = Arrays.asList("gexf", "pdf", "svg");

    @Option(names = "--colour-by", defaultValue = "community", description = "community or layer (default: ${DEFAULT-VALUE}).")
    String colourBy;

    /** @throws IllegalArgumentException naming --colour-by when it is neither community nor layer */
    boolean byLayer() {
        if (!colourBy.equals("community") && !colourBy.equals("layer")) {
            throw new IllegalArgumentException("--colour-by must be community or layer, got " + colourBy);
        }
        return colourBy.equals("layer");
    }

    /** @throws IllegalArgumentException naming --formats and the formats there are */
    Set<GraphFiles.Format> formats() {
        return GraphFiles.parse("--formats", formats);
    }

    /** The ForceAtlas2 iterations given, or the command's default. */
    int layoutIterations(int defaultIterations) {
        if (layoutIterations != null && layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + layoutIterations);
        return layoutIterations != null ? layoutIterations : defaultIterations;
    }
}
