package org.neuralgraph.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class StatsCommandTest {

    static final String TRIANGLES = "<?xml version='1.0' encoding='UTF-8'?>\n"
            + "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph defaultedgetype=\"undirected\">"
            + "<attributes class=\"node\"><attribute id=\"classes\" title=\"Classes\" type=\"string\"/></attributes><nodes>"
            + node(0, "a") + node(1, "a") + node(2, "a|b") + node(3, "a|b") + node(4, "b") + node(5, "b")
            + "</nodes><edges>" + edge(0, 1) + edge(0, 2) + edge(1, 2) + edge(2, 3) + edge(3, 4) + edge(3, 5) + edge(4, 5)
            + "</edges></graph></gexf>";

    static String node(int i, String classes) {
        return "<node id=\"" + i + "\" label=\"" + i + "\"><attvalues><attvalue for=\"classes\" value=\"" + classes + "\"/></attvalues></node>";
    }

    static String edge(int s, int t) {
        return "<edge source=\"" + s + "\" target=\"" + t + "\" weight=\"1.0\"/>";
    }

    @Test
    void printsTheIssuesHandCheckedValuesAsJson(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("triangles.gexf");
        Files.write(f, TRIANGLES.getBytes(StandardCharsets.UTF_8));
        WeightsCommandTest.Run r = WeightsCommandTest.run("stats", "--graph", f.toString(), "--cover", "classes", "--nrand", "2", "--niter", "2", "--resolution", "0.5");
        assertEquals(0, r.code, r.err);
        JsonObject j = JsonParser.parseString(r.out).getAsJsonObject();
        JsonObject q = j.getAsJsonObject("community_quality");
        assertEquals(1.0 / 7, q.get("modularity_shen").getAsDouble(), 1e-12);
        assertEquals(15.0 / 56, q.get("modularity_chen").getAsDouble(), 1e-12);
        assertEquals(5.0 / 14, q.get("modularity_klb").getAsDouble(), 1e-12);
        assertTrue(j.getAsJsonObject("small_world").has("omega"));
        // strongest-community partition {0,1,2},{3,4,5}: L_c/m = 3/7 each, (d_c/2m)^2 = 1/4 each
        assertEquals(0.5 * 6.0 / 7 - 0.5, q.get("modularity_no_overlap_gephi_convention").getAsDouble(), 1e-12);
        assertEquals(6.0 / 7 - 0.25, q.get("modularity_no_overlap_networkx_convention").getAsDouble(), 1e-12);

        WeightsCommandTest.Run bad = WeightsCommandTest.run("stats", "--graph", f.toString(), "--cover", "nope");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--cover nope") && bad.err.contains("no such node column"), bad.err);
        assertTrue(bad.err.contains("its node columns are: ") && bad.err.contains("classes (Classes)"), "the error lists the columns there are: " + bad.err);
        assertEquals(1, WeightsCommandTest.run("stats", "--graph", tmp.resolve("missing.gexf").toString()).code);
    }

    /** A GEXF as networkx 2.8 writes it keys the column by a number and names it in the title: the title works too. */
    @Test
    void aColumnIsFoundByTheTitleGephiShows(@TempDir Path tmp) throws IOException {
        String networkx = TRIANGLES.replace("xmlns=\"http://gexf.net/1.3\" version=\"1.3\"", "xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\"")
                .replace("<attribute id=\"classes\" title=\"Classes\"", "<attribute id=\"0\" title=\"cover\"")
                .replace("for=\"classes\"", "for=\"0\"");
        Path f = Files.write(tmp.resolve("networkx.gexf"), networkx.getBytes(StandardCharsets.UTF_8));
        for (String name : new String[]{"cover", "0", "COVER"}) {
            WeightsCommandTest.Run r = WeightsCommandTest.run("stats", "--graph", f.toString(), "--cover", name, "--no-small-world");
            assertEquals(0, r.code, name + ": " + r.err);
            assertEquals(1.0 / 7, JsonParser.parseString(r.out).getAsJsonObject().getAsJsonObject("community_quality").get("modularity_shen").getAsDouble(), 1e-12, name);
        }
    }
}
