package org.neuralgraph.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.dl4j.ModelFactory;
import org.neuralgraph.dl4j.ModelSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;

/** The command line end to end, with the real DL4J and gephi-toolkit, on a small slice of the shipped sample. */
class WeightsCommandTest {

    static final String DATA = Paths.get("../../sample-models/mnist").toAbsolutePath().toString();

    static final class Run {
        int code;
        String out;
        String err;
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Run r = new Run();
        r.code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        r.out = out.toString();
        r.err = err.toString();
        return r;
    }

    /** The file is a dynamic GEXF whose spells name exactly {@code checkpoints} distinct timestamps. */
    static void assertTimeline(Path gexf, int checkpoints) throws IOException {
        String text = read(gexf);
        assertTrue(text.contains("mode=\"dynamic\"") && text.contains("timerepresentation=\"timestamp\""), gexf + " is a dynamic GEXF");
        java.util.Set<String> stamps = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<spell timestamp=\"([^\"]+)\"").matcher(text);
        while (m.find()) stamps.add(m.group(1));
        assertEquals(checkpoints, stamps.size(), gexf + ": " + stamps);
    }

    static String[] small(Path out, String... more) {
        String[] base = {"weights", "--data", DATA, "--out", out.toString(), "--epochs", "1", "--checkpoints", "2",
                "--train-size", "500", "--layout-iterations", "5", "--formats", "gexf,svg", "--quiet"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void writesGraphsProjectAndReportsReproducibly(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, run(small(a)).code);
        for (String f : new String[]{"report.json", "report.md", "metrics.csv", "modularity.csv", "neuralgraph.gephi",
                "graphs/weights-epoch-0000.gexf", "graphs/weights-epoch-0001.gexf", "graphs/weights-epoch-0001.svg",
                "run/manifest.json", "run/checkpoint-epoch-0001.zip"}) {
            assertTrue(Files.isRegularFile(a.resolve(f)), f);
        }
        JsonObject report = JsonParser.parseString(new String(Files.readAllBytes(a.resolve("report.json")), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(42, report.get("seed").getAsLong());
        assertEquals(2, report.getAsJsonArray("checkpoints").size());
        JsonObject last = report.getAsJsonArray("checkpoints").get(1).getAsJsonObject();
        JsonObject metrics = last.getAsJsonObject("metrics");
        assertEquals(944, metrics.get("nodes").getAsInt());
        assertEquals(44_700, metrics.get("edges").getAsInt());
        assertEquals(4.0, metrics.get("diameter").getAsDouble(), 0);
        assertEquals(2.0794, metrics.get("average_path_length").getAsDouble(), 1e-4);
        assertEquals(0.0, metrics.get("clustering_coefficient").getAsDouble(), 0);
        assertEquals(10, last.getAsJsonArray("modularity").size());
        assertTrue(report.getAsJsonObject("comparison").has("paper_seed000"));
        String gexf = new String(Files.readAllBytes(a.resolve("graphs/weights-epoch-0001.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("seed=42") && gexf.contains("epoch=1") && gexf.contains("beta_eff="), "graph attributes travel in the GEXF");
        assertTrue(gexf.contains("modularity_class"));

        assertEquals(0, run(small(b)).code);
        assertEquals(read(a.resolve("metrics.csv")), read(b.resolve("metrics.csv")), "same seed, same figures");
        assertEquals(read(a.resolve("modularity.csv")), read(b.resolve("modularity.csv")));

        // the saved run loads instead of training, and gives the same graphs
        Path c = tmp.resolve("c");
        Run loaded = run("weights", "--model", a.resolve("run").toString(), "--out", c.toString(), "--layout-iterations", "5", "--formats", "gexf", "--quiet");
        assertEquals(0, loaded.code, loaded.err);
        assertEquals(read(a.resolve("metrics.csv")), read(c.resolve("metrics.csv")));
    }

    /** Issue 10: --dynamic writes the whole training as one dynamic graph beside the per-checkpoint files. */
    @Test
    void dynamicWritesTheTrainingAsOneTimeline(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("dyn");
        Run r = run(small(out, "--dynamic"));
        assertEquals(0, r.code, r.err);
        assertTimeline(out.resolve("graphs/weights-timeline.gexf"), 2);
        String gexf = read(out.resolve("graphs/weights-timeline.gexf"));
        assertTrue(gexf.contains("timestamp=\"0.0\"") && gexf.contains("timestamp=\"1.0\""), "epochs as timestamps");
        assertTrue(gexf.contains("modularity_class"), "Gephi's community class travels, per checkpoint");
        JsonObject report = JsonParser.parseString(read(out.resolve("report.json"))).getAsJsonObject();
        assertEquals("graphs/weights-timeline.gexf", report.getAsJsonArray("timeline_files").get(0).getAsString());
        for (String f : new String[]{"animation/weights.gif", "animation/weights.mp4", "animation/weights/frame-0000.png",
                "animation/weights/frame-0001.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (java.util.stream.Stream<Path> frames = Files.list(out.resolve("animation/weights"))) {
            assertEquals(2, frames.count(), "frames count equals checkpoints");
        }
        assertTrue(read(out.resolve("report.md")).contains("weights-timeline.gexf"));
    }

    @Test
    void badInputEndsWithOneLineAndLeavesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertRefused(2, "--checkpoints", run(small(out, "--checkpoints", "1")), out);
        assertRefused(2, "--sparsify", run(small(out, "--sparsify", "best:3")), out);
        assertRefused(2, "--formats", run(small(out, "--formats", "gif")), out);
        assertRefused(2, "--model", run(small(out, "--model", "resnet-9000")), out);
        assertRefused(1, "nope.zip", run(small(out, "--model", tmp.resolve("nope.zip").toString())), out);
        assertRefused(1, "dataset-fashion-mnist", run("weights", "--data", tmp.resolve("nodata").toString(), "--out", out.toString(), "--quiet"), out);

        Path foreign = tmp.resolve("foreign.zip");
        Files.write(foreign, "not a zip at all".getBytes(StandardCharsets.UTF_8));
        assertRefused(1, "foreign.zip", run(small(out, "--model", foreign.toString())), out);

        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        net.getLayer(2).getParam("W").putScalar(0, Double.NaN);
        Path nan = tmp.resolve("nan.zip");
        ModelSerializer.writeModel(net, nan.toFile(), false);
        assertRefused(1, "nan.zip: layer dense_3: weight 0 is NaN", run(small(out, "--model", nan.toString())), out);

        Files.createDirectories(out);
        Files.write(out.resolve("keep.txt"), new byte[]{1});
        Run full = run(small(out));
        assertEquals(2, full.code);
        assertTrue(full.err.contains("already holds files"), full.err);
        assertTrue(Files.exists(out.resolve("keep.txt")));
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no staging directory left behind");
        }
    }

    static final Path ONNX = Paths.get("../dl4j/src/test/resources/onnx").toAbsolutePath();

    @Test
    void onnxModelGivesItsWeightGraph(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("onnx");
        Run r = run("weights", "--model", ONNX.resolve("mlp.onnx").toString(), "--out", out.toString(),
                "--layout-iterations", "5", "--formats", "gexf", "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(out.resolve("graphs/weights.gexf")));
        assertFalse(Files.exists(out.resolve("run")), "nothing trained");
        JsonObject report = JsonParser.parseString(read(out.resolve("report.json"))).getAsJsonObject();
        assertEquals(1, report.getAsJsonArray("checkpoints").size());
        JsonObject metrics = report.getAsJsonArray("checkpoints").get(0).getAsJsonObject().getAsJsonObject("metrics");
        assertEquals(944, metrics.get("nodes").getAsInt());
        assertEquals(44_700, metrics.get("edges").getAsInt());
        assertTrue(read(out.resolve("graphs/weights.gexf")).contains("source=mlp.onnx"));
    }

    @Test
    void onnxProblemsAndTrainingAreRefusedClearly(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        String[] quick = {"--layout-iterations", "0", "--formats", "gexf", "--quiet"};
        assertRefused(1, "lstm.onnx: ONNX operator LSTM (node 'encoder_lstm') is not supported", run(concat(new String[]{"weights", "--model", ONNX.resolve("lstm.onnx").toString(), "--out", out.toString()}, quick)), out);
        byte[] all = Files.readAllBytes(ONNX.resolve("mlp.onnx"));
        Path cut = Files.write(tmp.resolve("cut.onnx"), java.util.Arrays.copyOf(all, 1000));
        assertRefused(1, "cut.onnx: not a readable ONNX model", run(concat(new String[]{"weights", "--model", cut.toString(), "--out", out.toString()}, quick)), out);
        assertRefused(1, "external file", run(concat(new String[]{"weights", "--model", ONNX.resolve("external.onnx").toString(), "--out", out.toString()}, quick)), out);
        assertRefused(2, "train takes a preset or a spec", run("train", "--model", ONNX.resolve("mlp.onnx").toString(),
                "--data", DATA, "--out", out.toString(), "--quiet"), out);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("weights") && r.out.contains("train"));
        assertEquals(2, run().code);
    }

    private static void assertRefused(int code, String mentions, Run r, Path out) {
        assertEquals(code, r.code, r.err);
        assertTrue(r.err.startsWith("neuralgraph: ") && r.err.contains(mentions), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
        assertFalse(Files.exists(out), "nothing written for a refused run");
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }
}
