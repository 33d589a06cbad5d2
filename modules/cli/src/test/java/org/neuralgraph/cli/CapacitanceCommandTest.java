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

/**
 * {@code neuralgraph capacitance} end to end with the real DL4J and gephi-toolkit on slices of the shipped MNIST
 * sample (source and target alike: the mechanics, not the transfer, are under test).
 */
class CapacitanceCommandTest {

    private static Path spec(Path dir, String name, String layers) throws IOException {
        Path f = dir.resolve(name + ".json");
        Files.write(f, ("{\"name\":\"" + name + "\",\"layers\":[" + layers + ",{\"type\":\"output\",\"units\":10,\"activation\":\"softmax\"}],"
                + "\"batchSize\":32}").getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** Options for a small study; {@code more} must not repeat them. */
    private static String[] args(Path out, String candidates, String... more) {
        String[] base = {"capacitance", "--candidates", candidates, "--source", WeightsCommandTest.DATA,
                "--out", out.toString(), "--pretrain-epochs", "1", "--train-size", "600", "--validation-size", "300",
                "--early-epochs", "3", "--probe", "6", "--probe-samples", "100", "--quiet"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void ranksTheCandidatesAndWritesTablesChartsGraphsAndReport(@TempDir Path tmp) throws IOException {
        String candidates = spec(tmp, "wide", "{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\"},{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}") + ","
                + spec(tmp, "narrow", "{\"type\":\"dense\",\"units\":2,\"activation\":\"relu\"},{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}") + ",zoo-mlp-8";
        Path out = tmp.resolve("study");
        WeightsCommandTest.Run r = WeightsCommandTest.run(args(out, candidates, "--target", WeightsCommandTest.DATA, "--epochs", "4"));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("neural capacitance") && r.out.contains("Spearman"), r.out);
        for (String f : new String[]{"report.md", "report.json", "neuralgraph.gephi", "tables/epochs.csv", "tables/ranking.csv",
                "tables/agreement.csv", "charts/beta-eff.png", "charts/validation-accuracy.png", "charts/accuracy-against-beta-eff.png",
                "graphs/ncp-wide.gexf", "graphs/ncp-zoo-mlp-8.gexf", "pretrained/narrow/manifest.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> epochs = Files.readAllLines(out.resolve("tables/epochs.csv"));
        assertEquals(1 + 3 * 5, epochs.size(), "epochs 0..4 of three candidates");
        for (String line : epochs.subList(1, epochs.size())) {
            double beta = Double.parseDouble(line.split(",")[2]);
            assertTrue(beta > 0 && Double.isFinite(beta), line);
        }
        List<String> agreement = Files.readAllLines(out.resolve("tables/agreement.csv"));
        assertEquals(5, agreement.size());
        assertTrue(agreement.get(1).startsWith("neural capacitance,"), agreement.get(1));

        // the workspace graph: the probe's line graph (8 features -> 6 -> 10: 48 + 60 weights, 6 * 8 * 10 links), beta_eff per epoch
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/ncp-wide.gexf")), StandardCharsets.UTF_8);
        assertEquals(48 + 60, gexf.split("<node ", -1).length - 1);
        assertEquals(6 * 8 * 10, gexf.split("<edge ", -1).length - 1);
        assertTrue(gexf.contains("strength_epoch_04") && gexf.contains("beta_eff_epoch_04") && gexf.contains("seed=42"), "attributes in the GEXF");

        JsonObject report = JsonParser.parseString(new String(Files.readAllBytes(out.resolve("report.json")), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(42, report.get("seed").getAsLong());
        assertEquals(3, report.getAsJsonArray("candidates").size());
        String md = new String(Files.readAllBytes(out.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## How well each predictor ranks") && md.contains("beta_eff falls over fine-tuning epochs 1..T")
                && md.contains("**Ours [R]:**"), md);
    }

    @Test
    void badInputIsNamedAndLeavesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("x");
        WeightsCommandTest.Run r = WeightsCommandTest.run(args(out, "zoo-mlp-2,zoo-mlp-8", "--target", WeightsCommandTest.DATA, "--epochs", "3"));
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--early-epochs must be between 2 and --epochs - 1 = 2"), r.err);
        WeightsCommandTest.Run missing = WeightsCommandTest.run(args(out, "zoo-mlp-2,zoo-mlp-8", "--target", tmp.resolve("nowhere").toString(), "--epochs", "4"));
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("nowhere"), missing.err);
        // a candidate without a dense layer under its output: found after pretraining, and the partial output is removed
        String conv = spec(tmp, "convtop", "{\"type\":\"conv\",\"units\":2,\"kernel\":5,\"activation\":\"relu\"}").toString();
        WeightsCommandTest.Run noDense = WeightsCommandTest.run(args(out, "zoo-mlp-2," + conv, "--target", WeightsCommandTest.DATA, "--epochs", "4"));
        assertEquals(2, noDense.code);
        assertTrue(noDense.err.contains("convtop") && noDense.err.contains("dense"), noDense.err);
        assertFalse(Files.exists(out));
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "only the spec file: no staging directory left behind");
        }
    }
}
