package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;

/** {@code weights} on PyTorch's exports of DAGs (sample-models/onnx, issue 24): the whole study, end to end. */
class OnnxDagCommandTest {

    static final Path ONNX = Paths.get("../../sample-models/onnx");

    @Test
    void weightsOfAResidualNetworkAtChannelGranularity(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("w");
        WeightsCommandTest.Run r = WeightsCommandTest.run("weights", "--model", ONNX.resolve("resnet-narrow.onnx").toString(),
                "--granularity", "channel", "--kernel-norm", "l2", "--out", out.toString(), "--formats", "gexf,csv", "--quiet");
        assertEquals(0, r.code, r.err);
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/weights.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("granularity") && gexf.contains("l2"), "graph attributes");
        long nodes = Files.lines(out.resolve("graphs/weights-nodes.csv")).count() - 1;
        long skips = Files.lines(out.resolve("graphs/weights-edges.csv")).filter(l -> l.contains(",skip")).count();
        assertEquals(613, nodes);
        assertEquals(240, skips);
        assertTrue(Files.exists(out.resolve("neuralgraph.gephi")));
    }

    @Test
    void blockGranularityOfATransformerAndNeuronRefusesConvolutions(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("t");
        WeightsCommandTest.Run r = WeightsCommandTest.run("graph", "weights", "--model", ONNX.resolve("transformer-17.onnx").toString(),
                "--granularity", "block", "--out", out.toString(), "--formats", "csv", "--quiet");
        assertEquals(0, r.code, r.err);
        Path bad = tmp.resolve("n");
        WeightsCommandTest.Run n = WeightsCommandTest.run("weights", "--model", ONNX.resolve("densenet-mini.onnx").toString(),
                "--granularity", "neuron", "--out", bad.toString(), "--quiet");
        assertEquals(1, n.code, n.err);
        assertTrue(n.err.contains("densenet-mini.onnx: granularity neuron: node '/model/stem/Conv' is a convolution"), n.err);
        assertFalse(Files.exists(bad));
    }

    @Test
    void aGranularityOutOfRangeIsRefusedBeforeAnyWork(@TempDir Path tmp) {
        Path out = tmp.resolve("x");
        WeightsCommandTest.Run r = WeightsCommandTest.run("weights", "--model", ONNX.resolve("resnet-narrow.onnx").toString(),
                "--granularity", "pixel", "--out", out.toString(), "--quiet");
        assertEquals(2, r.code, r.err);
        assertTrue(r.err.contains("--granularity"), r.err);
        assertFalse(Files.exists(out));
    }
}
