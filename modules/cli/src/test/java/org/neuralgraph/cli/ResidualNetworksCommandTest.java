package org.neuralgraph.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Residual CNNs (issue 24, item 4) end to end: {@code train --model resnet-mini} writes ComputationGraph checkpoints,
 * {@code weights --model resnet-mini --dynamic} draws their weight graph through the network DAG, a residual spec that
 * does not fit is refused before training, and an ONNX model with attention is refused for training naming the file.
 */
class ResidualNetworksCommandTest {

    /** PyTorch's export of a two-layer transformer encoder (sample-models/onnx, from main). */
    static final String TRANSFORMER = Paths.get("../../sample-models/onnx/transformer-13.onnx").toAbsolutePath().toString();

    @Test
    void trainsResnetMiniIntoComputationGraphCheckpoints(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        WeightsCommandTest.Run r = WeightsCommandTest.run("train", "--model", "resnet-mini", "--epochs", "1", "--train-size", "300",
                "--data", WeightsCommandTest.DATA, "--out", out.toString(), "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("epoch   1  train acc"), r.out);
        TrainingRun run = ModelLoader.open(out);
        assertEquals(2, run.checkpoints().size());
        assertTrue(run.checkpoints().get(1).isGraph(), "a ComputationGraph zip");
        assertEquals(run.checkpoints().get(1).testAccuracy(), run.manifest().checkpoints.get(1).testAccuracy, 0);
        assertTrue(run.checkpoints().get(1).trainLoss() < run.checkpoints().get(0).trainLoss());
    }

    @Test
    void weightsOfResnetMiniAsATimeline(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("w");
        WeightsCommandTest.Run r = WeightsCommandTest.run(WeightsCommandTest.small(out, "--model", "resnet-mini", "--dynamic"));
        assertEquals(0, r.code, r.err);
        WeightsCommandTest.assertTimeline(out.resolve("graphs/weights-timeline.gexf"), 2);
        JsonObject report = JsonParser.parseString(new String(Files.readAllBytes(out.resolve("report.json")), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject metrics = report.getAsJsonArray("checkpoints").get(1).getAsJsonObject().getAsJsonObject("metrics");
        // input 1 + stem 8 + block L2 8 + 8 + block L3 16 x 3 (conv1, conv2, projection) + block L4 32 x 3 + output 10
        assertEquals(1 + 8 + 16 + 48 + 96 + 10, metrics.get("nodes").getAsInt());
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/weights-epoch-0001.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("\"skip\""), "skip edges of the residual sums");
        assertTrue(gexf.contains("L3_proj"), "the projection shortcut's channels are nodes");
    }

    @Test
    void aResidualSpecThatDoesNotFitIsRefusedBeforeTraining(@TempDir Path tmp) throws IOException {
        Path spec = tmp.resolve("bad-res.json");
        Files.write(spec, ("{\"name\":\"bad-res\",\"layers\":[{\"type\":\"conv\",\"units\":8,\"kernel\":3},"
                + "{\"type\":\"batchnorm\"},{\"type\":\"residual\",\"units\":16,\"kernel\":3,\"shortcut\":\"identity\"},"
                + "{\"type\":\"globalavgpool\"},{\"type\":\"output\",\"units\":10}]}").getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("out");
        WeightsCommandTest.Run r = WeightsCommandTest.run("train", "--model", spec.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code, r.err);
        assertEquals("neuralgraph: " + spec + ": layers[2].units: a residual block with an identity shortcut keeps its 8 input channels, got 16 "
                + "(use \"shortcut\": \"projection\")", r.err.trim());
        assertFalse(Files.exists(out));

        Files.write(spec, ("{\"name\":\"bad-dw\",\"layers\":[{\"type\":\"depthwise\",\"kernel\":0},{\"type\":\"globalavgpool\"},"
                + "{\"type\":\"output\",\"units\":10}]}").getBytes(StandardCharsets.UTF_8));
        r = WeightsCommandTest.run("train", "--model", spec.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code, r.err);
        assertEquals("neuralgraph: " + spec + ": layers[0].kernel must be >= 1, got 0", r.err.trim());
        assertFalse(Files.exists(out));
    }

    @Test
    void trainingAnOnnxTransformerIsRefusedInOneLineNamingTheFile(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        for (String[] args : new String[][]{
                {"train", "--model", TRANSFORMER, "--out", out.toString(), "--quiet"},
                {"capacitance", "--candidates", "zoo-mlp-2," + TRANSFORMER, "--source", WeightsCommandTest.DATA, "--target", WeightsCommandTest.DATA,
                        "--out", out.toString(), "--quiet"}}) {
            WeightsCommandTest.Run r = WeightsCommandTest.run(args);
            List<String> lines = r.err.lines().collect(Collectors.toList());
            assertEquals(1, r.code, r.err);
            assertEquals(1, lines.size(), r.err);
            assertTrue(lines.get(0).startsWith("neuralgraph: " + TRANSFORMER + ": attention (node '")
                    && lines.get(0).endsWith(") runs inference-only through onnxruntime and cannot be trained here"), lines.get(0));
            assertFalse(Files.exists(out), "refused before anything was pretrained");
        }
    }
}
