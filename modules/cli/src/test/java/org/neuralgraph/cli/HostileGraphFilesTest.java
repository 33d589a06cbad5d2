package org.neuralgraph.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gephi.graph.api.GraphController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code stats} on graph files made to hurt (issue 23): a DOCTYPE that would read other files, broken or cut XML,
 * what Gephi's importer drops or invents. Each ends in one line on standard error naming the file, or says what was
 * guessed; nothing else reaches standard output or standard error, Gephi's log included.
 */
class HostileGraphFilesTest {

    static final String SECRET = "the-secret-content-7f3a";

    /** What one run printed, through the command line's writers and through System.out and System.err. */
    static final class Run {
        int code;
        String out;
        String err;
        String system;

        List<String> errLines() {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        }

        String all() {
            return out + err + system;
        }
    }

    static Run stats(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "stats";
        System.arraycopy(args, 0, all, 1, args.length);
        PrintStream stdout = System.out, stderr = System.err;
        ByteArrayOutputStream system = new ByteArrayOutputStream();
        StringWriter out = new StringWriter(), err = new StringWriter();
        Run r = new Run();
        try {
            PrintStream both = new PrintStream(system, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            r.code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        r.out = out.toString();
        r.err = err.toString();
        r.system = system.toString(StandardCharsets.UTF_8);
        return r;
    }

    /** Exit 1, one line on standard error that names the file and says {@code what}; nothing else anywhere. */
    static String assertRefused(Run r, Path file, String what) {
        assertEquals(1, r.code, r.all());
        assertEquals(1, r.errLines().size(), "one line: " + r.err);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("neuralgraph: " + file + ": "), "names the file: " + line);
        assertTrue(line.contains(what), line);
        assertEquals("", r.out, "no JSON");
        assertEquals("", r.system, "nothing from Gephi's logging or stack traces");
        assertFalse(r.all().contains("at org.") || r.all().contains("Exception"), r.all());
        return line;
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    static int nodesInWorkspace() {
        return Lookup.getDefault().lookup(GraphController.class).getGraphModel().getGraph().getNodeCount();
    }

    static final String GEXF_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String GEXF_BODY = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph defaultedgetype=\"undirected\">\n"
            + "<nodes>\n<node id=\"a\" label=\"LABEL\"/>\n<node id=\"b\" label=\"b\"/>\n</nodes>\n"
            + "<edges>\n<edge source=\"a\" target=\"b\"/>\n</edges>\n</graph>\n</gexf>\n";

    // ---- item 3: no XML external entity, no DTD, no entity expansion

    @Test
    void aDoctypeIsRefusedBeforeAnythingIsRead(@TempDir Path tmp) throws IOException {
        Path secret = write(tmp, "secret.txt", SECRET);
        String entity = "<!DOCTYPE gexf [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n";
        String missing = "<!DOCTYPE gexf [<!ENTITY x SYSTEM \"" + tmp.resolve("no-such-file.txt").toUri() + "\">]>\n";
        String graphml = GEXF_HEAD + "<!DOCTYPE graphml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                + "<graph edgedefault=\"undirected\">\n<node id=\"a\"><data key=\"label\">&x;</data></node><node id=\"b\"/>\n"
                + "<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>\n";
        String laughs = "<!DOCTYPE gexf [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;\"><!ENTITY l3 \"&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;\">]>\n";
        Path[] files = {
                write(tmp, "entity-in-meta.gexf", GEXF_HEAD + entity + GEXF_BODY.replace("<graph ", "<meta><description>&x;</description></meta>\n<graph ")),
                write(tmp, "entity-missing.gexf", GEXF_HEAD + missing + GEXF_BODY.replace("<graph ", "<meta><description>&x;</description></meta>\n<graph ")),
                write(tmp, "entity.graphml", graphml),
                write(tmp, "external-dtd.gexf", GEXF_HEAD + "<!DOCTYPE gexf SYSTEM \"" + tmp.resolve("no-such.dtd").toUri() + "\">\n" + GEXF_BODY),
                write(tmp, "parameter-entity.gexf", GEXF_HEAD + "<!DOCTYPE gexf [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]>\n" + GEXF_BODY),
                write(tmp, "laughs.gexf", GEXF_HEAD + laughs + GEXF_BODY.replace("<graph ", "<meta><description>&l3;</description></meta>\n<graph ")),
        };
        for (Path f : files) {
            Run r = stats("--graph", f.toString(), "--no-small-world");
            assertRefused(r, f, "refused: the file declares a DTD (<!DOCTYPE ...>); GEXF and GraphML need none, and external entities could read other files");
            assertFalse(r.all().contains(SECRET), f + " leaked the secret: " + r.all());
            assertFalse(r.all().contains("no-such") || r.all().toLowerCase().contains("no such file"), "whether a file exists is not revealed: " + r.all());
            assertEquals(0, nodesInWorkspace(), f + ": the graph was not built");
        }
    }

    @Test
    void aDoctypeInsideACompressedFileIsRefusedToo(@TempDir Path tmp) throws IOException {
        Path secret = write(tmp, "secret.txt", SECRET);
        String xxe = GEXF_HEAD + "<!DOCTYPE gexf [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + GEXF_BODY.replace("<graph ", "<meta><description>&x;</description></meta>\n<graph ");
        Path gz = tmp.resolve("entity.gexf.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(xxe.getBytes(StandardCharsets.UTF_8));
        }
        Path zip = tmp.resolve("entity.zip");
        try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(zip))) {
            o.putNextEntry(new ZipEntry("graph.gexf"));
            o.write(xxe.getBytes(StandardCharsets.UTF_8));
            o.closeEntry();
        }
        for (Path f : new Path[]{gz, zip}) {
            Run r = stats("--graph", f.toString(), "--no-small-world");
            assertRefused(r, f, "refused: the file declares a DTD");
            assertFalse(r.all().contains(SECRET), r.all());
            assertEquals(0, nodesInWorkspace(), f + ": the graph was not built");
        }
    }

    /** An .xlsx is a zip of XML parts that Apache POI (Gephi's Excel importer) parses with DOCTYPEs disallowed. */
    @Test
    void anExcelFileWithADoctypeIsRefusedByPoiInOneLine(@TempDir Path tmp) throws IOException {
        Path secret = write(tmp, "secret.txt", SECRET);
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s\" Target=\"%s\"/></Relationships>";
        String[][] parts = {
                {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"},
                {"_rels/.rels", String.format(rels, "officeDocument", "xl/workbook.xml")},
                {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels", String.format(rels, "worksheet", "worksheets/sheet1.xml")},
                {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Source</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Target</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&x;</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>b</t></is></c></row></sheetData></worksheet>"},
        };
        Path xlsx = tmp.resolve("entity.xlsx");
        try (ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(xlsx))) {
            for (String[] p : parts) {
                o.putNextEntry(new ZipEntry(p[0]));
                o.write(p[1].getBytes(StandardCharsets.UTF_8));
                o.closeEntry();
            }
        }
        Run r = stats("--graph", xlsx.toString(), "--no-small-world");
        assertRefused(r, xlsx, "Gephi's importer could not read all of it: DOCTYPE is disallowed");
        assertFalse(r.all().contains(SECRET), r.all());
        assertEquals(0, nodesInWorkspace());
    }

    // ---- item 6: an empty, malformed or cut file: one line naming it, no stack trace

    @Test
    void aBrokenXmlFileIsOneLineNamingIt(@TempDir Path tmp) throws IOException {
        String whole = GEXF_HEAD + GEXF_BODY;
        Object[][] cases = {
                {write(tmp, "empty.gexf", ""), "the file is empty, not a GEXF file"},
                {write(tmp, "cut.gexf", whole.substring(0, whole.indexOf("<edge ") + 12)), "not a complete GEXF file (XML error at line 9: "},
                {write(tmp, "cut-after-root.gexf", whole.substring(0, whole.indexOf("</graph>"))), "not a complete GEXF file (XML error at line "},
                {write(tmp, "mismatched.gexf", whole.replace("</nodes>", "</node>")), "not a complete GEXF file (XML error at line 7: "},
                {write(tmp, "cut.graphml", "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/><no"),
                        "not a complete GraphML file (XML error at line 4: "},
                {write(tmp, "page.gexf", "<html><body>not a graph</body></html>\n"), "not a GEXF file (its root element is <html>, not <gexf>)"},
                {write(tmp, "page.graphml", GEXF_HEAD + GEXF_BODY), "not a GraphML file (its root element is <gexf>, not <graphml>)"},
        };
        for (Object[] c : cases) {
            Path f = (Path) c[0];
            assertRefused(stats("--graph", f.toString(), "--no-small-world"), f, (String) c[1]);
            assertEquals(0, nodesInWorkspace(), f + ": no graph");
        }
        Path binary = Files.write(tmp.resolve("binary.gexf"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
        assertRefused(stats("--graph", binary.toString()), binary, "not a complete GEXF file (XML error at line 1: ");
    }

    @Test
    void whatGephisImporterDropsOrCannotReadIsRefused(@TempDir Path tmp) throws IOException {
        String typed = GEXF_HEAD + GEXF_BODY
                .replace("<nodes>", "<attributes class=\"node\"><attribute id=\"n\" title=\"n\" type=\"integer\"/></attributes>\n<nodes>")
                .replace("<node id=\"a\" label=\"LABEL\"/>", "<node id=\"a\" label=\"a\"><attvalues><attvalue for=\"n\" value=\"twelve\"/></attvalues></node>");
        Path badValue = write(tmp, "bad-value.gexf", typed);
        assertRefused(stats("--graph", badValue.toString(), "--no-small-world"), badValue,
                "Gephi's importer could not read all of it: Data value 'n' type error for element a."); // Gephi 0.10.1 names the column where the value goes

        Path noNodes = write(tmp, "no-nodes.gexf", GEXF_HEAD + "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes/><edges/></graph></gexf>\n");
        assertRefused(stats("--graph", noNodes.toString()), noNodes, "the graph has no nodes; nothing to measure");

        Path notGzip = write(tmp, "graph.gexf.gz", GEXF_HEAD + GEXF_BODY);
        assertRefused(stats("--graph", notGzip.toString()), notGzip, "not a gzip file, though its name ends in .gz");

        Path unnamed = tmp.resolve("graph.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(unnamed))) {
            o.write((GEXF_HEAD + GEXF_BODY).getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(stats("--graph", unnamed.toString()), unnamed, "Gephi could not unpack it (a .gz or .bz2 file is named after what it holds");

        Path badGml = write(tmp, "cut.gml", "graph [\n  node [ id 1 label \"a\" ]\n  edge [ source 1 target ");
        assertRefused(stats("--graph", badGml.toString(), "--no-small-world"), badGml, "Gephi's importer failed: ");
    }

    // ---- item 7: what Gephi guessed is said, in a warning and in the JSON

    @Test
    void edgesToUndeclaredNodesAreCountedAndNamed(@TempDir Path tmp) throws IOException {
        Path f = write(tmp, "undeclared.gexf", GEXF_HEAD + GEXF_BODY.replace("</edges>",
                "<edge source=\"b\" target=\"ghost\"/>\n<edge source=\"ghost\" target=\"phantom\"/>\n</edges>"));
        Run r = stats("--graph", f.toString(), "--no-small-world");
        assertEquals(0, r.code, r.all());
        assertEquals(List.of("neuralgraph: warning: " + f + ": 2 edges name nodes the file does not declare; Gephi created 2 nodes for them (ids: ghost, phantom)"),
                r.errLines());
        assertEquals("", r.system);
        JsonObject j = JsonParser.parseString(r.out).getAsJsonObject();
        assertEquals(4, j.get("nodes").getAsInt());
        assertEquals(2, j.get("undeclared_nodes_created").getAsInt());
        assertEquals(2, j.get("edges_to_undeclared_nodes").getAsInt());

        Path clean = write(tmp, "clean.gexf", GEXF_HEAD + GEXF_BODY);
        Run ok = stats("--graph", clean.toString(), "--no-small-world");
        assertEquals(0, ok.code, ok.all());
        assertEquals("", ok.err + ok.system, "nothing to say");
        assertEquals(0, JsonParser.parseString(ok.out).getAsJsonObject().get("undeclared_nodes_created").getAsInt());
    }

    static String coverGexf(String... values) {
        StringBuilder b = new StringBuilder(GEXF_HEAD).append("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph defaultedgetype=\"undirected\">\n")
                .append("<attributes class=\"node\"><attribute id=\"c\" title=\"cover\" type=\"string\"/></attributes>\n<nodes>\n");
        for (int i = 0; i < values.length; i++) {
            b.append("<node id=\"").append(i).append("\" label=\"").append(i).append("\">");
            if (values[i] != null) b.append("<attvalues><attvalue for=\"c\" value=\"").append(values[i]).append("\"/></attvalues>");
            b.append("</node>\n");
        }
        b.append("</nodes>\n<edges>\n");
        for (int i = 1; i < values.length; i++) b.append("<edge source=\"").append(i - 1).append("\" target=\"").append(i).append("\"/>\n");
        return b.append("</edges>\n</graph>\n</gexf>\n").toString();
    }

    @Test
    void aCoverColumnWithoutValuesIsRefusedAndOneWithGapsIsCounted(@TempDir Path tmp) throws IOException {
        Path empty = write(tmp, "empty-cover.gexf", coverGexf("", "", null));
        Run none = stats("--graph", empty.toString(), "--cover", "cover", "--no-small-world");
        assertEquals(2, none.code, none.all());
        assertEquals(List.of("neuralgraph: --cover cover: cover column 'cover' has no value on any of the 3 nodes; there is no community to measure"), none.errLines());
        assertEquals("", none.out + none.system);

        Path gaps = write(tmp, "gaps.gexf", coverGexf("a", "", null, "b|a"));
        Run some = stats("--graph", gaps.toString(), "--cover", "cover", "--no-small-world");
        assertEquals(0, some.code, some.all());
        assertEquals(List.of("neuralgraph: warning: " + gaps + ": 2 of 4 nodes have no value in the cover column 'cover'; "
                + "they belong to no community and add nothing to the modularities"), some.errLines());
        assertEquals("", some.system);
        JsonObject q = JsonParser.parseString(some.out).getAsJsonObject().getAsJsonObject("community_quality");
        assertEquals(2, q.get("nodes_without_cover").getAsInt());
        assertEquals(2, q.get("communities").getAsInt());
    }
}
