package org.neuralgraph.pipeline.study;

import org.neuralgraph.gephi.GraphExporter;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The file formats an option names ({@code --formats gexf,pdf}). */
public final class ExportFormats {

    private ExportFormats() { }

    /** @throws IllegalArgumentException naming {@code option} and the formats there are */
    public static Set<GraphExporter.Format> parse(String option, List<String> names) {
        Set<GraphExporter.Format> out = EnumSet.noneOf(GraphExporter.Format.class);
        for (String f : names) {
            try {
                out.add(GraphExporter.Format.valueOf(f.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": unknown format '" + f + "'; use gexf, pdf, svg, png");
            }
        }
        return out;
    }
}
