package org.neuralgraph.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neuralgraph activations} end to end with the real DL4J and gephi-toolkit on a slice of the shipped sample. */
class ActivationsCommandTest {

    private static Path spec(Path dir) throws IOException {
        Path f = dir.resolve("small.json");
        Files.write(f, ("{\"name\":\"small\",\"layers\":[{\"type\":\"dense\",\"units\":24,\"activation\":\"relu\"},"
                + "{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"},{\"type\":\"output\",\"units\":10,\"activation\":\"softmax\"}],"
                + "\"epochs\":3,\"batchSize\":32}").getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static String[] args(Path spec, Path out, String... more) {
        String[] base = {"activations", "--model", spec.toString(), "--data", WeightsCommandTest.DATA, "--out", out.toString(),
                "--checkpoints", "4", "--train-size", "600", "--layout-iterations", "5",
                "--drawings", "svg", "--quiet"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void writesTheTablesChartsGraphsAndReport(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("study");
        WeightsCommandTest.Run r = WeightsCommandTest.run(args(spec(tmp), out, "--neurons-per-class", "5", "--dynamic"));
        assertEquals(0, r.code, r.err);
        WeightsCommandTest.assertTimeline(out.resolve("graphs/activations-L1-timeline.gexf"), 4);
        WeightsCommandTest.assertTimeline(out.resolve("graphs/activations-L2-timeline.gexf"), 4);
        assertTrue(r.out.contains("entropy vs training accuracy: PCC"), r.out);
        for (String f : new String[]{"report.md", "report.json", "neuralgraph.gephi", "tables/accuracy.csv", "tables/table2-unique-neurons.csv",
                "tables/table3-communities.csv", "tables/table4-modularity.csv", "tables/table5-entropy.csv",
                "tables/table6-entropy-per-class.csv", "tables/correlations.csv", "charts/fig1-entropy-accuracy.png",
                "charts/layer-2-metrics-accuracy.png", "graphs/activations-L1-epoch-0000.gexf", "graphs/activations-L2-epoch-0003.gexf",
                "graphs/activations-L2-epoch-0001.svg", "graphs/activations-L2-epoch-0003.svg", "run/manifest.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("graphs/activations-L2-epoch-0002.svg")), "only the first trained and the last are drawn");
        // neurons are pies of the classes they represent (issue 26), the legend names the classes
        String svg = Files.readString(out.resolve("graphs/activations-L2-epoch-0003.svg"));
        assertTrue(svg.contains("<g class=\"pie\">") && svg.contains("class=\"slice\"") && svg.contains(">class 0 ("), "pies and a class legend");

        // issue 26: each layer's communities followed over the checkpoints, in the GEXF, the report and a chart
        for (String f : new String[]{"charts/activations-L1-communities.png", "tables/activations-L2-community-events.csv"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String followed = Files.readString(out.resolve("report.md"));
        assertTrue(followed.contains("## Communities followed over checkpoints") && followed.contains("### Layer 2")
                && followed.contains("| epoch | communities | continue | grow | shrink | split | merge | birth | death |"), followed);
        assertTrue(Files.readString(out.resolve("graphs/activations-L1-epoch-0002.gexf")).contains("title=\"Community (followed over checkpoints)\""));
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"communities_over_checkpoints\""));
        assertEquals(1 + 3, java.util.Arrays.stream(Files.readString(out.resolve("tables/activations-L1-community-events.csv")).split("\n"))
                .map(l -> l.split(",")[0] + "," + l.split(",")[1]).distinct().count(), "a header and 3 transitions");

        // the drawn checkpoints' workspaces (the first trained and the last) carry each layer's recorded activations into
        // the project (Activation pattern entropy in Gephi); all of them made the default study's project 330 MB
        int withActivations = 0;
        try (java.util.zip.ZipFile project = new java.util.zip.ZipFile(out.resolve("neuralgraph.gephi").toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(project.entries())) {
                if (e.getName().endsWith("_neuralgraph-activations_bytes") && e.getSize() > 5) withActivations++;
            }
        }
        assertEquals(2 * 2, withActivations, "2 drawn checkpoints x 2 layers");

        // Table 3 and the GEXF agree on the graph; the cover column travels with it
        List<String> t3 = Files.readAllLines(out.resolve("tables/table3-communities.csv"));
        assertEquals(1 + 4 * 2, t3.size());
        String[] last = t3.get(t3.size() - 1).split(",");
        int nodes = Integer.parseInt(last[5]);
        assertTrue(nodes >= 5 && nodes <= 16, "between S and the layer's width: " + nodes);
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/activations-L2-epoch-0003.gexf")), StandardCharsets.UTF_8);
        assertEquals(nodes, gexf.split("<node ", -1).length - 1);
        assertTrue(gexf.contains("title=\"Classes represented (cover)\"") && gexf.contains("epoch=3") && gexf.contains("seed=42"));

        // Table 2: every node is unique to one class, to a pair, or to more; the matrix never counts more than the nodes
        int sum = 0;
        List<String> t2 = Files.readAllLines(out.resolve("tables/table2-unique-neurons.csv"));
        assertEquals(1 + 4 * 2 * 100, t2.size());
        for (String line : t2.subList(1, t2.size())) {
            String[] c = line.split(",");
            if (c[0].equals("3") && c[2].equals("2")) sum += Integer.parseInt(c[3]) <= Integer.parseInt(c[4]) ? Integer.parseInt(c[5]) : 0;
        }
        assertTrue(sum > 0 && sum <= nodes, sum + " unique neurons for " + nodes + " nodes");

        // correlations: over the three trained checkpoints, against training and test accuracy, with the paper's MNIST figures
        List<String> corr = Files.readAllLines(out.resolve("tables/correlations.csv"));
        assertTrue(corr.contains(corr.stream().filter(l -> l.startsWith("5,entropy,all,all,train,3,")).findFirst().orElse("missing")));
        assertTrue(corr.stream().anyMatch(l -> l.startsWith("4,weighted_overlap,L2,all,train,3,") && l.endsWith(",0.77,0.57")), String.join("\n", corr));
        JsonObject report = JsonParser.parseString(new String(Files.readAllBytes(out.resolve("report.json")), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(42, report.get("seed").getAsLong());
        assertEquals(4, report.getAsJsonArray("checkpoints").size());
        assertEquals("MNIST", report.get("paper_columns").getAsString());
        String md = new String(Files.readAllBytes(out.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Table 4") && md.contains("| Weighted, overlap (Eq. 4) | L2 |") && md.contains("0.77 | 0.57"), md);

        // the same run loaded from its directory gives the same tables
        Path again = tmp.resolve("again");
        WeightsCommandTest.Run r2 = WeightsCommandTest.run("activations", "--model", out.resolve("run").toString(), "--data", WeightsCommandTest.DATA,
                "--out", again.toString(), "--train-size", "600", "--neurons-per-class", "5", "--layout-iterations", "0", "--drawings", "svg", "--quiet");
        assertEquals(0, r2.code, r2.err);
        assertEquals(new String(Files.readAllBytes(out.resolve("tables/table4-modularity.csv")), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(again.resolve("tables/table4-modularity.csv")), StandardCharsets.UTF_8));
    }

    @Test
    void badParametersAreNamedBeforeAnyWorkAndLeaveNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("x");
        WeightsCommandTest.Run r = WeightsCommandTest.run(args(spec(tmp), out, "--neurons-per-class", "20"));
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--neurons-per-class must be below the 16 neurons of layer 2 of small"), r.err);
        assertFalse(Files.exists(out));
        WeightsCommandTest.Run b = WeightsCommandTest.run(args(spec(tmp), out, "--resolution", "0"));
        assertFalse(Files.exists(out));
        assertEquals(2, b.code);
        assertTrue(b.err.contains("--resolution must be > 0"), b.err);
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "only the spec file: no staging directory left behind");
        }
    }
}
