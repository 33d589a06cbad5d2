package org.neuralgraph.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.pipeline.ToyRingKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code neuralgraph graph KIND}: every kind of the registry, a new one included, with options made from its parameters. */
class GraphCommandTest {

    private static final String MLP = WeightsCommandTest.ONNX.resolve("mlp.onnx").toString();

    /** Every command's help renders without picocli warnings: a '%' in a parameter's description is text (issue 28 item 5). */
    @Test
    void everyHelpRendersCleanly() {
        String[][] helps = {{"weights"}, {"activations"}, {"featuremaps"}, {"mapper"}, {"netfragments"}, {"capacitance"}, {"stats"},
                {"graph", "feature-map"}, {"graph", "mapper"}, {"graph", "activations"}};
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(traced, true)); // picocli's tracer writes its warnings to System.err
        try {
            for (String[] command : helps) {
                String[] args = java.util.Arrays.copyOf(command, command.length + 1);
                args[command.length] = "--help";
                WeightsCommandTest.Run r = WeightsCommandTest.run(args);
                assertEquals(0, r.code, String.join(" ", args) + ": " + r.err);
                assertFalse(r.err.contains("picocli WARN") || r.out.contains("picocli WARN"), String.join(" ", args) + ":\n" + r.err);
            }
        } finally {
            System.setErr(stderr);
        }
        assertFalse(traced.toString().contains("picocli WARN"), traced.toString());
        WeightsCommandTest.Run fm = WeightsCommandTest.run("featuremaps", "--help");
        assertTrue(fm.out.contains("brightest 10 %, darkest 90 %"), fm.out);
        String flat = fm.out.replaceAll("\\s+", " ");
        assertTrue(flat.contains("model .h5. (default: lenet)") && flat.contains("(default: epochs + 1, one after every epoch"), flat);
        assertTrue(WeightsCommandTest.run("graph", "mapper", "--help").out.replaceAll("\\s+", " ").contains("(default: cnn-mapper)"));
    }

    @Test
    void aKindAddedToTheRegistryIsACommandWithItsParameters(@TempDir Path tmp) throws IOException {
        WeightsCommandTest.Run help = WeightsCommandTest.run("graph", "--help");
        assertEquals(0, help.code);
        for (String kind : new String[]{"weights", "activations", "line-graph", "feature-map", "neuron-class", "contribution", "mapper", ToyRingKind.ID}) {
            assertTrue(help.out.contains(kind), kind + " in\n" + help.out);
        }
        WeightsCommandTest.Run toyHelp = WeightsCommandTest.run("graph", ToyRingKind.ID, "--help");
        assertTrue(toyHelp.out.contains("--hops") && toyHelp.out.contains("How far along the ring"), toyHelp.out);

        Path out = tmp.resolve("toy");
        WeightsCommandTest.Run r = WeightsCommandTest.run("graph", ToyRingKind.ID, "--model", MLP, "--hops", "3", "--out", out.toString(),
                "--formats", "gexf", "--layout-iterations", "0", "--quiet");
        assertEquals(0, r.code, r.err);
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/toy-ring-3.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("source=mlp.onnx"), "the checkpoint's attributes");
        JsonObject report = JsonParser.parseString(new String(Files.readAllBytes(out.resolve("report.json")), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(ToyRingKind.ID, report.get("graph_kind").getAsString());
        assertEquals(3, report.getAsJsonObject("parameters").get("hops").getAsInt());
        assertEquals(7, report.getAsJsonArray("checkpoints").get(0).getAsJsonObject().getAsJsonObject("metrics").get("nodes").getAsInt());

        WeightsCommandTest.Run bad = WeightsCommandTest.run("graph", ToyRingKind.ID, "--model", MLP, "--hops", "9", "--out", out.resolveSibling("bad").toString());
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--hops must be in [1, 5], got 9"), bad.err);
        assertFalse(Files.exists(out.resolveSibling("bad")));
    }

    @Test
    void theLineGraphOfAnOnnxModel(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("line");
        WeightsCommandTest.Run r = WeightsCommandTest.run("graph", "line-graph", "--model", MLP, "--weights-per-layer", "20", "--out", out.toString(),
                "--formats", "gexf", "--layout-iterations", "5", "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("line graph: 80 nodes"), r.out);
        assertTrue(Files.isRegularFile(out.resolve("graphs/line-graph.gexf")));
        WeightsCommandTest.Run timeline = WeightsCommandTest.run("graph", "mapper", "--dynamic", "--out", tmp.resolve("m").toString());
        assertEquals(2, timeline.code);
        assertTrue(timeline.err.contains("have no identity from one checkpoint to the next"), timeline.err);
    }
}
