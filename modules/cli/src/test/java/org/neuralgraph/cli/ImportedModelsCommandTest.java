package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The commands on models of other frameworks: exported by PyTorch ({@code .onnx}, from
 * {@code modules/dl4j/src/test/resources/onnx/make_torch_onnx.py}) and Keras Sequential models ({@code .h5} in Keras
 * 2's layout, written by h5py in {@code modules/dl4j/src/test/resources/keras/make_keras_h5.py}: no Keras here). They
 * run as on a DL4J model file; a model of another input size or a bad file is refused naming the file.
 */
class ImportedModelsCommandTest {

    private static String onnx(String name) {
        return WeightsCommandTest.ONNX.resolve(name).toString();
    }

    private static String keras(String name) {
        return WeightsCommandTest.ONNX.resolveSibling("keras").resolve(name).toString();
    }

    @Test
    void kerasModelsGiveWeightGraphsActivationsAndFeatureMaps(@TempDir Path tmp) throws IOException {
        Path w = tmp.resolve("w");
        WeightsCommandTest.Run weights = WeightsCommandTest.run("weights", "--model", keras("keras_cnn.h5"), "--out", w.toString(),
                "--layout-iterations", "0", "--formats", "gexf", "--quiet");
        assertEquals(0, weights.code, weights.err);
        assertTrue(Files.isRegularFile(w.resolve("graphs/weights.gexf")));
        Path a = tmp.resolve("a");
        WeightsCommandTest.Run act = WeightsCommandTest.run("activations", "--model", keras("keras_mlp.h5"), "--data", WeightsCommandTest.DATA,
                "--out", a.toString(), "--train-size", "300", "--neurons-per-class", "5", "--layout-iterations", "0", "--drawings", "svg", "--quiet");
        assertEquals(0, act.code, act.err);
        Path f = tmp.resolve("f");
        WeightsCommandTest.Run fm = WeightsCommandTest.run("featuremaps", "--model", keras("keras_cnn.h5"), "--data", WeightsCommandTest.DATA,
                "--out", f.toString(), "--runs", "0", "--quiet");
        assertEquals(0, fm.code, fm.err);
        assertTrue(Files.isRegularFile(f.resolve("tables/spatial-per-class.csv")));
    }

    @Test
    void aKerasFunctionalModelIsRefusedNamingTheFile(@TempDir Path tmp) {
        Path out = tmp.resolve("x");
        WeightsCommandTest.Run r = WeightsCommandTest.run("weights", "--model", keras("keras_functional.h5"), "--out", out.toString(), "--quiet");
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.contains("keras_functional.h5: a Keras functional-API model"), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
        assertFalse(Files.exists(out));
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
