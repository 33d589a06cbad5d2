package org.neuralgraph.pipeline.study;

import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.WorkspaceDrawing;
import org.neuralgraph.render.PdfFigure;
import org.neuralgraph.render.PngFigure;
import org.neuralgraph.render.SvgFigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files of one graph: data files through Gephi's exporters ({@link GraphExporter}: GEXF 1.3 or 1.2draft,
 * GraphML, CSV) and figures drawn by the render module from the workspace as it is styled ({@link WorkspaceDrawing}:
 * PDF, SVG, PNG; no display needed). A graph whose edges stand for signed weights gets a second figure of each
 * format, {@code <name>-strongest}: only the {@value #STRONGEST_PERCENT} % largest |w| of each layer.
 */
public final class GraphFiles {

    /** The share of each layer's weights a "strongest" figure keeps, in percent. */
    static final double STRONGEST_PERCENT = 2;

    /** What {@code --formats} names. */
    public enum Format {
        GEXF("gexf"), GEXF_1_2("gexf-1.2"), GRAPHML("graphml"), CSV("csv"), PDF("pdf"), SVG("svg"), PNG("png");

        /** The word on the command line. */
        public final String word;

        Format(String word) { this.word = word; }

        boolean isFigure() { return this == PDF || this == SVG || this == PNG; }
    }

    private GraphFiles() { }

    /**
     * The formats {@code names} names, e.g. {@code gexf,pdf}.
     *
     * @throws IllegalArgumentException naming {@code option} and the formats there are, or both GEXF versions at once
     */
    public static Set<Format> parse(String option, List<String> names) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String n : names) {
            String word = n.trim().toLowerCase(Locale.ROOT);
            Format found = null;
            for (Format f : Format.values()) if (f.word.equals(word)) found = f;
            if (found == null) {
                StringBuilder all = new StringBuilder();
                for (Format f : Format.values()) all.append(all.length() == 0 ? "" : ", ").append(f.word);
                throw new IllegalArgumentException(option + ": unknown format '" + n.trim() + "'; use " + all);
            }
            out.add(found);
        }
        if (out.contains(Format.GEXF) && out.contains(Format.GEXF_1_2)) {
            throw new IllegalArgumentException(option + ": gexf and gexf-1.2 write the same file name; choose one");
        }
        return out;
    }

    /**
     * Writes {@code ws} as {@code dir/baseName.<format>} for each format (CSV: {@code -nodes.csv} and
     * {@code -edges.csv}), figures titled {@code title}.
     *
     * @return the files written
     */
    public static List<Path> write(Workspace ws, GraphModel gm, Path dir, String baseName, String title, Collection<Format> formats) throws IOException {
        return write(ws, gm, dir, baseName, title, formats, null);
    }

    /**
     * As {@link #write(Workspace, GraphModel, Path, String, String, Collection)}, figures with each node drawn as a pie
     * of its communities in {@code pieColumn} ({@link WorkspaceDrawing#of(GraphModel, String, double, String)}); null
     * for one colour per node.
     */
    public static List<Path> write(Workspace ws, GraphModel gm, Path dir, String baseName, String title, Collection<Format> formats,
                                   String pieColumn) throws IOException {
        Files.createDirectories(dir);
        Set<GraphExporter.Format> data = EnumSet.noneOf(GraphExporter.Format.class);
        for (Format f : formats) if (!f.isFigure()) data.add(GraphExporter.Format.valueOf(f.name()));
        List<Path> written = new ArrayList<>(GraphExporter.export(ws, dir, baseName, data));
        boolean figures = formats.stream().anyMatch(Format::isFigure);
        if (!figures) return written;
        written.addAll(draw(WorkspaceDrawing.of(gm, title, 0, pieColumn), dir, baseName, formats));
        if (gm.getEdgeTable().hasColumn(Names.VALUE)) {
            written.addAll(draw(WorkspaceDrawing.of(gm, title + ", strongest weights", STRONGEST_PERCENT / 100, pieColumn), dir, baseName + "-strongest", formats));
        }
        return written;
    }

    private static List<Path> draw(Drawing d, Path dir, String baseName, Collection<Format> formats) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Format f : formats) {
            Path file = dir.resolve(baseName + "." + f.word);
            switch (f) {
                case PDF: PdfFigure.write(d, file); break;
                case SVG: SvgFigure.write(d, file); break;
                case PNG: PngFigure.write(d, file); break;
                default: continue;
            }
            out.add(file);
        }
        return out;
    }
}
