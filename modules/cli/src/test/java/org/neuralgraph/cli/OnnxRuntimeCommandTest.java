package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The studies on ONNX models DL4J cannot run (attention, residual blocks), their activations recorded by onnxruntime. */
class OnnxRuntimeCommandTest {

    private static String model(String name) {
        return Paths.get("../../sample-models/onnx").resolve(name).toAbsolutePath().normalize().toString();
    }

    /** A transformer's six hidden layers (each encoder layer's two sub-layer outputs and its FFN hidden layer), d_model units each. */
    @Test
    void activationsOfATransformer(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("act");
        WeightsCommandTest.Run r = WeightsCommandTest.run("activations", "--model", model("transformer-17.onnx"), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--train-size", "300", "--neurons-per-class", "5", "--layout-iterations", "0", "--drawings", "svg", "--quiet");
        assertEquals(0, r.code, r.err);
        List<String> entropy = Files.readAllLines(out.resolve("tables/table5-entropy.csv"));
        assertEquals(2, entropy.size(), "a header and the one checkpoint: " + entropy);
        assertTrue(entropy.get(0).endsWith(",entropy_L5,entropy_L6"), "6 hidden layers: " + entropy);
        for (String e : entropy.get(1).split(",", 5)[4].split(",")) assertTrue(Double.parseDouble(e) > 0, "signed activations have an entropy: " + e);
        for (int l = 1; l <= 6; l++) {
            String gexf = Files.readString(out.resolve("graphs/activations-L" + l + ".gexf"));
            assertTrue(gexf.contains("activation_entropy_layer"), "layer " + l + " carries the entropy statistic");
            assertTrue(gexf.contains("<node "), "layer " + l + " has an activation pattern graph");
        }
        assertTrue(Files.isRegularFile(out.resolve("graphs/activations-L6.svg")));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("enc.layers.1"), "layers are named after their tensors");
        int withActivations = 0;
        try (java.util.zip.ZipFile project = new java.util.zip.ZipFile(out.resolve("neuralgraph.gephi").toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(project.entries())) {
                if (e.getName().endsWith("_neuralgraph-activations_bytes") && e.getSize() > 5) withActivations++;
            }
        }
        assertEquals(6, withActivations, "each layer's workspace carries its recorded activations (Activation pattern entropy in Gephi)");
    }

    /** A digit goes into the 3x32x32 ResNet in a 2-pixel border, grey on 3 channels; the report says so. */
    @Test
    void featureMapsOfAResNet(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("fm");
        WeightsCommandTest.Run r = WeightsCommandTest.run("featuremaps", "--model", model("resnet-narrow.onnx"), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--runs", "0", "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(out.resolve("tables/spatial-per-class.csv")));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("fed to a model of 3x32x32 images in a zero border (2 pixels above, 2 left) and repeated over its 3 channels"), report);
        assertTrue(report.contains("8 channels of 16x16"), "the stem's ReLU: " + report);
    }

    /** The graph kinds (what Gephi's generator runs) on a ResNet: the last block's output, 64 channels. */
    @Test
    void activationPatternGraphOfAResNetBlock(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("g");
        WeightsCommandTest.Run r = WeightsCommandTest.run("graph", "activations", "--model", model("resnet-narrow.onnx"), "--data", WeightsCommandTest.DATA,
                "--layer", "17", "--neurons-per-class", "10", "--train-size", "300", "--out", out.toString(), "--formats", "gexf",
                "--layout-iterations", "0", "--quiet");
        assertEquals(0, r.code, r.err);
        try (java.util.stream.Stream<Path> files = Files.list(out.resolve("graphs"))) {
            Path gexf = files.filter(f -> f.toString().endsWith(".gexf")).findFirst().orElseThrow();
            assertTrue(Files.readString(gexf).contains("<node "), gexf.toString());
        }
        WeightsCommandTest.Run wide = WeightsCommandTest.run("graph", "activations", "--model", model("resnet-narrow.onnx"), "--data", WeightsCommandTest.DATA,
                "--layer", "1", "--train-size", "300", "--out", tmp.resolve("w").toString(), "--quiet");
        assertEquals(2, wide.code, wide.err);
        assertTrue(wide.err.contains("must be below the 8 neurons of layer 1 (relu) of resnet-narrow.onnx"), wide.err);
    }

    /** A model DL4J cannot run is refused, in one line, where an analysis needs gradients. */
    @Test
    void aResNetIsRefusedWhereGradientsAreNeeded(@TempDir Path tmp) {
        Path out = tmp.resolve("cap");
        WeightsCommandTest.Run r = WeightsCommandTest.run("capacitance", "--candidates", model("densenet-mini.onnx") + "," + model("resnet-narrow.onnx"),
                "--source", WeightsCommandTest.DATA, "--target", WeightsCommandTest.DATA, "--out", out.toString(), "--train-size", "300",
                "--validation-size", "200", "--epochs", "3", "--early-epochs", "2", "--probe", "6", "--probe-samples", "100", "--quiet");
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.contains("densenet-mini.onnx: ") && r.err.contains("this model runs inference-only through onnxruntime"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
    }
}
