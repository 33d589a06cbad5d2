package org.neuralgraph.importer;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.exporter.api.ExportController;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewProperties;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.gephi.FirstView;
import org.neuralgraph.gephi.NodePies;
import org.neuralgraph.gephi.PieNodeRenderer;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Gephi's Preview draws an activation pattern graph's neurons as pies of their classes, in its PNG and SVG exports. */
class PieNodesTest {

    @Test
    void previewExportsDrawNodesAsPiesOfTheirClasses(@TempDir Path dir) throws Exception {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        for (int i = 0; i < 4; i++) b.addNode("N" + i, "neuron " + i);
        b.addEdge(0, 1, 1);
        b.addEdge(0, 2, 1);
        b.addEdge(2, 3, 1);
        Workspace ws = WorkspaceImporter.importGraph(b.nodeColumn(Names.CLASSES,
                NeuralGraph.Column.ofStrings("Classes represented (cover)", new String[]{"3|7", "3", "7", "3|7"})).build(), "pies", ProgressMonitor.NONE);
        pc.openWorkspace(ws);
        FirstView.arrange(ws, 0); // as the generator opens it: the property is switched on for a graph with classes
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        for (Node n : gm.getGraph().getNodes()) {
            n.setColor(Color.GRAY); // so that class colours come only from the pies
            n.setSize(40);
        }
        PreviewController preview = Lookup.getDefault().lookup(PreviewController.class);
        PreviewProperties props = preview.getModel(ws).getProperties();
        assertTrue(props.getBooleanValue(PieNodeRenderer.PIE_NODES));
        assertEquals(Names.CLASSES, props.getStringValue(PieNodeRenderer.PIE_COLUMN));
        preview.refreshPreview(ws);

        ExportController ec = Lookup.getDefault().lookup(ExportController.class);
        File svg = dir.resolve("pies.svg").toFile(), pdf = dir.resolve("pies.pdf").toFile();
        ec.exportFile(svg);
        ec.exportFile(pdf); // Gephi's PNG export needs a display (its G2D target asks for the screen): PDF instead
        String text = Files.readString(svg.toPath());
        // two neurons of classes 3 and 7: two slices each, two neurons of one class: one full slice each
        assertEquals(6, count(text, "class=\"pie-slice\""), text);
        assertEquals(4, java.util.regex.Pattern.compile("<path[^>]*class=\"pie-slice\"").matcher(text).results().count(), "slice paths");
        assertTrue(text.contains(String.format("#%06x", NodePies.rgb(3))) && text.contains(String.format("#%06x", NodePies.rgb(7))));
        int[] on = classPixels(pdfPage(pdf));
        assertTrue(on[0] > 50 && on[1] > 50, "pixels of class 3 and class 7: " + on[0] + ", " + on[1]);

        // switched off, the nodes are Gephi's plain grey circles again
        props.putValue(PieNodeRenderer.PIE_NODES, false);
        preview.refreshPreview(ws);
        File plainSvg = dir.resolve("plain.svg").toFile(), plainPdf = dir.resolve("plain.pdf").toFile();
        ec.exportFile(plainSvg);
        ec.exportFile(plainPdf);
        assertEquals(0, count(Files.readString(plainSvg.toPath()), "pie-slice"));
        int[] off = classPixels(pdfPage(plainPdf));
        assertEquals(0, off[0] + off[1]);
    }

    /** The PDF's page as pixels (PDFBox, which Gephi ships), without antialiasing so that fills keep their exact colour. */
    private static BufferedImage pdfPage(File pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
            org.apache.pdfbox.rendering.PDFRenderer r = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            return r.renderImageWithDPI(0, 72, org.apache.pdfbox.rendering.ImageType.RGB);
        }
    }

    private static int[] classPixels(BufferedImage img) {
        int[] n = new int[2];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb == NodePies.rgb(3)) n[0]++;
                if (rgb == NodePies.rgb(7)) n[1]++;
            }
        }
        return n;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) n++;
        return n;
    }
}
