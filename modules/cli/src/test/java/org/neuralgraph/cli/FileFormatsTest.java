package org.neuralgraph.cli;

import org.gephi.graph.api.GraphModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.gephi.GephiProject;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every file format, read back by a reader other than the one that wrote it: Gephi's importers for GraphML and GEXF
 * 1.2draft, PDFBox for the PDF, an XML parser for the SVG, ImageIO for the PNG; and, where Debian's python3-networkx
 * and python3-igraph are installed (.ci/run installs them), networkx 2.8 and igraph themselves.
 */
class FileFormatsTest {

    private static final String MLP = WeightsCommandTest.ONNX.resolve("mlp.onnx").toString();

    @Test
    void everyFormatIsReadBackBySecondReader(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        WeightsCommandTest.Run r = WeightsCommandTest.run("graph", "weights", "--model", MLP, "--out", out.toString(),
                "--formats", "gexf-1.2,graphml,csv,pdf,svg,png", "--quiet");
        assertEquals(0, r.code, r.err);
        Path g = out.resolve("graphs");
        for (String f : new String[]{"weights.gexf", "weights.graphml", "weights-nodes.csv", "weights-edges.csv", "weights.pdf", "weights.svg",
                "weights.png", "weights-strongest.pdf", "weights-strongest.svg", "weights-strongest.png"}) {
            assertTrue(Files.isRegularFile(g.resolve(f)), f);
        }
        String gexf = new String(Files.readAllBytes(g.resolve("weights.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("xmlns=\"http://www.gexf.net/1.2draft\"") && gexf.contains("version=\"1.2\""), "GEXF 1.2draft");
        for (String f : new String[]{"weights.gexf", "weights.graphml"}) {
            GephiProject p = GephiProject.fresh();
            GraphModel gm = p.graphModel(p.openFile(g.resolve(f)).workspace);
            assertEquals(944, gm.getGraph().getNodeCount(), f);
            assertEquals(44_700, gm.getGraph().getEdgeCount(), f);
        }
        assertEquals(1 + 944, Files.readAllLines(g.resolve("weights-nodes.csv")).size());
        assertEquals(1 + 44_700, Files.readAllLines(g.resolve("weights-edges.csv")).size());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.pdmodel.PDDocument.load(g.resolve("weights.pdf").toFile())) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("positive weight") && text.contains("left to right: input"), "the legend: " + text);
        }
        org.w3c.dom.Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(g.resolve("weights.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(944 + 2, svg.getElementsByTagName("circle").getLength(), "the nodes and the legend's two community swatches");
        assertTrue(Files.size(g.resolve("weights.svg")) < 3_000_000, "the SVG of 44,700 edges is compact: " + Files.size(g.resolve("weights.svg")));
        assertNotNull(ImageIO.read(g.resolve("weights.png").toFile()), "PNG without a display");

        WeightsCommandTest.Run both = WeightsCommandTest.run("graph", "weights", "--model", MLP, "--out", tmp.resolve("x").toString(),
                "--formats", "gexf,gexf-1.2");
        assertEquals(2, both.code);
        assertTrue(both.err.contains("gexf and gexf-1.2 write the same file name"), both.err);

        python(g);
    }

    /** networkx 2.8 reads the GraphML, the GEXF 1.2draft and the CSV; igraph reads the GraphML. */
    private static void python(Path g) throws IOException, InterruptedException {
        File python = new File("/usr/bin/python3");
        Assumptions.assumeTrue(python.canExecute(), "no /usr/bin/python3");
        String script = String.join("\n",
                "import sys, csv",
                "import networkx as nx, igraph as ig",
                "d = sys.argv[1]",
                "a = nx.read_graphml(d + '/weights.graphml')",
                "b = nx.read_gexf(d + '/weights.gexf')",
                "c = ig.Graph.Read_GraphML(d + '/weights.graphml')",
                "e = nx.from_edgelist([(r['Source'], r['Target']) for r in csv.DictReader(open(d + '/weights-edges.csv'))], create_using=nx.DiGraph)",
                "w = [x['weight'] for _, _, x in a.edges(data=True)]",
                "print(a.number_of_nodes(), a.number_of_edges(), b.number_of_nodes(), b.number_of_edges(), c.vcount(), c.ecount(), e.number_of_edges(),",
                "      all(isinstance(v, float) for v in w))");
        Process p = new ProcessBuilder(python.getPath(), "-c", script, g.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Assumptions.assumeFalse(output.contains("ModuleNotFoundError"), "networkx or igraph is not installed: " + output);
        List<String> lines = List.of(output.split("\n"));
        assertEquals("944 44700 944 44700 944 44700 44700 True", lines.get(lines.size() - 1), output);
    }
}
