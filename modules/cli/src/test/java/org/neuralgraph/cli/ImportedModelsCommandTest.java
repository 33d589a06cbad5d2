package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The commands that run a network on models exported by PyTorch ({@code .onnx}, from
 * {@code modules/dl4j/src/test/resources/onnx/make_torch_onnx.py}): they run as on a DL4J model file, and a model
 * of another input size is refused naming the file and the input it reads.
 */
class ImportedModelsCommandTest {

    private static String onnx(String name) {
        return WeightsCommandTest.ONNX.resolve(name).toString();
    }

    @Test
    void activationsOfAPyTorchMlp(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("act");
        WeightsCommandTest.Run r = WeightsCommandTest.run("activations", "--model", onnx("torch_mlp.onnx"), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--train-size", "300", "--neurons-per-class", "5", "--layout-iterations", "0", "--drawings", "svg", "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(out.resolve("tables/table4-modularity.csv")));
        assertTrue(Files.exists(out.resolve("neuralgraph.gephi")));
        assertFalse(Files.exists(out.resolve("run")), "nothing trained");
    }

    @Test
    void featureMapsOfAPyTorchLeNet(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("fm");
        WeightsCommandTest.Run r = WeightsCommandTest.run("featuremaps", "--model", onnx("torch_lenet.onnx"), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("a lone model file has no training settings to repeat"), r.out);
        assertTrue(Files.isRegularFile(out.resolve("tables/spatial-per-class.csv")));
    }

    /** The capacitance probe replaces the converted network's output layer and fine-tunes the layers under it. */
    @Test
    void capacitanceFineTunesPyTorchModels(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cap");
        WeightsCommandTest.Run r = WeightsCommandTest.run("capacitance", "--candidates", onnx("torch_mlp.onnx") + "," + onnx("torch_lenet.onnx"),
                "--source", WeightsCommandTest.DATA, "--target", WeightsCommandTest.DATA, "--out", out.toString(), "--train-size", "300",
                "--validation-size", "200", "--epochs", "3", "--early-epochs", "2", "--probe", "6", "--probe-samples", "100", "--quiet");
        assertEquals(0, r.code, r.err);
        assertEquals(1 + 2 * 4, Files.readAllLines(out.resolve("tables/epochs.csv")).size(), "epochs 0..3 of two candidates");
    }

    @Test
    void aModelOfAnotherInputSizeIsRefusedNamingFileAndShape(@TempDir Path tmp) {
        Path out = tmp.resolve("nf");
        WeightsCommandTest.Run r = WeightsCommandTest.run("activations", "--model", onnx("torch_nf7.onnx"), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--quiet");
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.contains("torch_nf7.onnx: the model reads 1x9x9 images (channels x height x width) but the images are 28x28"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
        assertFalse(Files.exists(out));
    }
}
