package org.neuralgraph.gephi;

import org.gephi.io.exporter.api.ExportController;
import org.gephi.io.exporter.plugin.ExporterGEXF;
import org.gephi.io.exporter.preview.PDFExporter;
import org.gephi.io.exporter.preview.PNGExporter;
import org.gephi.io.exporter.preview.SVGExporter;
import org.gephi.io.exporter.spi.Exporter;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewModel;
import org.gephi.preview.api.PreviewProperties;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.preview.types.EdgeColor;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.io.AtomicFiles;
import org.openide.util.Lookup;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Writes a workspace as GEXF 1.3 (positions, colours, sizes, every column) and draws it through Gephi's
 * Preview as PDF, SVG and PNG. PNG needs a display; without one it is skipped with a note (PDF and SVG work
 * headless). Each file is written to a temporary file in the target directory and then moved into place.
 *
 * <p>Preview settings suit large layered graphs: straight edges coloured like their source, opacity 100
 * (below 100 made PDF export about 36 times slower), thin edges rescaled by weight, no labels, no arrows.
 */
public final class GraphExporter {

    /** File formats. */
    public enum Format { GEXF, PDF, SVG, PNG }

    private GraphExporter() { }

    /**
     * Exports {@code ws} as {@code dir/baseName.<format>} for each format.
     *
     * @param notes receives a sentence for each format that was skipped (PNG without a display)
     * @return the files written
     */
    public static List<Path> export(Workspace ws, Path dir, String baseName, Collection<Format> formats, List<String> notes) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        ExportController ec = Lookup.getDefault().lookup(ExportController.class);
        if (formats.contains(Format.PDF) || formats.contains(Format.SVG) || formats.contains(Format.PNG)) preparePreview(ws);
        for (Format f : formats) {
            Path file = dir.resolve(baseName + "." + f.name().toLowerCase(Locale.ROOT));
            Exporter exporter;
            switch (f) {
                case GEXF: {
                    ExporterGEXF gexf = new ExporterGEXF();
                    gexf.setExportPosition(true);
                    gexf.setExportColors(true);
                    gexf.setExportSize(true);
                    gexf.setExportAttributes(true);
                    gexf.setExportMeta(true);
                    gexf.setExportDynamic(true); // written only when the graph is dynamic (TimelineImporter)
                    gexf.setWorkspace(ws);
                    describe(ws);
                    exporter = gexf;
                    break;
                }
                case PDF: {
                    PDFExporter pdf = new PDFExporter();
                    pdf.setWorkspace(ws);
                    exporter = pdf;
                    break;
                }
                case SVG: {
                    SVGExporter svg = new SVGExporter();
                    svg.setWorkspace(ws);
                    exporter = svg;
                    break;
                }
                case PNG: {
                    if (GraphicsEnvironment.isHeadless()) {
                        notes.add("PNG skipped for " + baseName + ": Gephi's PNG export needs a display "
                                + "(run under xvfb-run, or use the PDF/SVG)");
                        continue;
                    }
                    PNGExporter png = new PNGExporter();
                    png.setWidth(2048);
                    png.setHeight(2048);
                    png.setWorkspace(ws);
                    exporter = png;
                    break;
                }
                default:
                    throw new IllegalArgumentException(f.toString());
            }
            Exporter chosen = exporter;
            AtomicFiles.write(file, tmp -> ec.exportFile(tmp.toFile(), chosen));
            written.add(file);
        }
        return written;
    }

    /**
     * Gephi's GEXF exporter does not write graph attributes; they go into the GEXF meta description as
     * {@code key=value} pairs separated by {@code "; "}, with the workspace name as the title.
     */
    private static void describe(Workspace ws) {
        org.gephi.graph.api.Graph g = Lookup.getDefault().lookup(org.gephi.graph.api.GraphController.class).getGraphModel(ws).getGraph();
        StringBuilder d = new StringBuilder();
        for (String key : new java.util.TreeSet<>(g.getAttributeKeys())) {
            if (d.length() > 0) d.append("; ");
            d.append(key).append('=').append(g.getAttribute(key));
        }
        ws.getWorkspaceMetadata().setTitle(ws.getName());
        ws.getWorkspaceMetadata().setDescription(d.toString());
    }

    private static void preparePreview(Workspace ws) {
        PreviewController pc = Lookup.getDefault().lookup(PreviewController.class);
        PreviewModel model = pc.getModel(ws);
        PreviewProperties p = model.getProperties();
        p.putValue(PreviewProperty.SHOW_NODE_LABELS, Boolean.FALSE);
        p.putValue(PreviewProperty.EDGE_CURVED, Boolean.FALSE);
        p.putValue(PreviewProperty.EDGE_OPACITY, 100f);
        p.putValue(PreviewProperty.EDGE_COLOR, new EdgeColor(EdgeColor.Mode.SOURCE));
        p.putValue(PreviewProperty.EDGE_THICKNESS, 0.1f);
        p.putValue(PreviewProperty.EDGE_RESCALE_WEIGHT, Boolean.TRUE);
        p.putValue(PreviewProperty.ARROW_SIZE, 0f);
        p.putValue(PreviewProperty.NODE_BORDER_WIDTH, 0.5f);
        pc.refreshPreview(ws);
    }
}
