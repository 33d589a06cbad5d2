package org.neuralgraph.cli;

import org.neuralgraph.pipeline.study.ExportFormats;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** How every graph of a command is laid out, coloured and written: a picocli mixin of the commands that draw each checkpoint. */
final class DrawingOptions {

    @Option(names = "--layout-iterations", defaultValue = "300",
            description = "ForceAtlas2 iterations from the layered start; 0 keeps layers left to right (default: ${DEFAULT-VALUE}).")
    int layoutIterations;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Files per checkpoint: gexf, pdf, svg, png (png needs a display) (default: gexf,pdf,svg).")
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
    Set<org.neuralgraph.gephi.GraphExporter.Format> formats() {
        return ExportFormats.parse("--formats", formats);
    }
}
