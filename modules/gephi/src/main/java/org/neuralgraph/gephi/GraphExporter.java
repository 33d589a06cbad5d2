package org.neuralgraph.gephi;

import org.gephi.io.exporter.plugin.ExporterGEXF;
import org.gephi.io.exporter.plugin.ExporterGraphML;
import org.gephi.io.exporter.plugin.ExporterSpreadsheet;
import org.gephi.io.exporter.spi.Exporter;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.io.AtomicFiles;
import org.openide.util.Lookup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes a workspace in the graph file formats other tools read, with Gephi's own exporters: GEXF 1.3 (positions,
 * colours, sizes, every column; Gephi 0.10, networkx 3.6 on), GEXF 1.2draft for readers that know no 1.3 (networkx
 * 2.8: the same file with the 1.2draft namespaces, timestamps written as start = end), GraphML (every column, edge
 * weights as numbers; networkx, igraph, Cytoscape) and CSV node and edge tables. Each file is written to a temporary
 * file beside it and moved into place, and only when it was written whole ({@link CheckedExport}).
 */
public final class GraphExporter {

    /** The data formats. */
    public enum Format {
        GEXF("gexf"), GEXF_1_2("gexf"), GRAPHML("graphml"), CSV("csv");

        final String extension;

        Format(String extension) { this.extension = extension; }
    }

    private GraphExporter() { }

    /**
     * Exports {@code ws} as {@code dir/baseName.<extension>} for each format; CSV as {@code baseName-nodes.csv} and
     * {@code baseName-edges.csv}.
     *
     * @return the files written
     */
    public static List<Path> export(Workspace ws, Path dir, String baseName, Collection<Format> formats) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Format f : formats) {
            switch (f) {
                case GEXF:
                    written.add(write(dir.resolve(baseName + ".gexf"), gexf(ws), "</gexf>"));
                    break;
                case GEXF_1_2: {
                    Path file = dir.resolve(baseName + ".gexf");
                    AtomicFiles.write(file, tmp -> {
                        Path v13 = tmp.resolveSibling(tmp.getFileName() + ".1.3");
                        try {
                            CheckedExport.run(gexf(ws), v13, file, "</gexf>");
                            toGexf12(v13, tmp);
                        } finally {
                            Files.deleteIfExists(v13);
                        }
                    });
                    written.add(file);
                    break;
                }
                case GRAPHML: {
                    ExporterGraphML g = new ExporterGraphML();
                    g.setExportPosition(true);
                    g.setExportColors(true);
                    g.setExportSize(true);
                    g.setExportAttributes(true);
                    g.setWorkspace(ws);
                    written.add(write(dir.resolve(baseName + ".graphml"), g, "</graphml>"));
                    break;
                }
                case CSV:
                    written.add(write(dir.resolve(baseName + "-nodes.csv"), table(ws, ExporterSpreadsheet.ExportTable.NODES), null));
                    written.add(write(dir.resolve(baseName + "-edges.csv"), table(ws, ExporterSpreadsheet.ExportTable.EDGES), null));
                    break;
                default:
                    throw new IllegalArgumentException(f.toString());
            }
        }
        return written;
    }

    private static ExporterGEXF gexf(Workspace ws) {
        ExporterGEXF gexf = new ExporterGEXF();
        gexf.setExportPosition(true);
        gexf.setExportColors(true);
        gexf.setExportSize(true);
        gexf.setExportAttributes(true);
        gexf.setExportMeta(true);
        gexf.setExportDynamic(true); // written only when the graph is dynamic (TimelineImporter)
        gexf.setWorkspace(ws);
        describe(ws);
        return gexf;
    }

    private static ExporterSpreadsheet table(Workspace ws, ExporterSpreadsheet.ExportTable which) {
        ExporterSpreadsheet s = new ExporterSpreadsheet();
        s.setTableToExport(which);
        s.setExportPosition(which == ExporterSpreadsheet.ExportTable.NODES);
        s.setExportColors(false);
        s.setWorkspace(ws);
        return s;
    }

    private static Path write(Path file, Exporter exporter, String closingTag) throws IOException {
        AtomicFiles.write(file, tmp -> CheckedExport.run(exporter, tmp, file, closingTag));
        return file;
    }

    /**
     * Rewrites Gephi's GEXF 1.3 as GEXF 1.2draft: the 1.2draft namespaces and version, and, in a dynamic graph,
     * {@code timestamp="t"} as {@code start="t" end="t"} (1.2draft has spells, not timestamps).
     */
    static void toGexf12(Path gexf13, Path out) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(gexf13, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.contains("http://gexf.net/1.3")) {
                    line = line.replace("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd")
                            .replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz")
                            .replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
                            .replace("version=\"1.3\"", "version=\"1.2\"");
                }
                if (line.contains("timerepresentation=\"timestamp\"")) line = line.replace(" timerepresentation=\"timestamp\"", "");
                if (line.contains(" timestamp=\"")) line = line.replaceAll(" timestamp=\"([^\"]*)\"", " start=\"$1\" end=\"$1\"");
                w.write(line);
                w.newLine();
            }
        }
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
}
