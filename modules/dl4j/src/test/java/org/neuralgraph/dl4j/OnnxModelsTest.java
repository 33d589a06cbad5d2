package org.neuralgraph.dl4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.Sparsification;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** ONNX files written by {@code src/test/resources/onnx/make_onnx.py} (onnx.helper), checked against its CSV of values. */
class OnnxModelsTest {

    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(OnnxModelsTest.class.getResource("/onnx/" + name).toURI());
    }

    /** The script's side file: initializer name -> (shape, values in ONNX's row-major order). */
    private static Map<String, float[]> expected(String name, Map<String, int[]> shapes) throws Exception {
        Map<String, float[]> out = new HashMap<>();
        for (String line : Files.readAllLines(resource(name), StandardCharsets.UTF_8)) {
            String[] f = line.split(",", 3);
            shapes.put(f[0], Arrays.stream(f[1].split("x")).mapToInt(Integer::parseInt).toArray());
            String[] v = f[2].trim().split(" ");
            float[] a = new float[v.length];
            for (int i = 0; i < v.length; i++) a[i] = Float.parseFloat(v[i]);
            out.put(f[0], a);
        }
        return out;
    }

    /** mlp.onnx is built with onnx.helper like PyTorch's export; torch_mlp.onnx is torch.onnx.export's own (torch 1.13, opset 14). */
    @ParameterizedTest
    @ValueSource(strings = {"mlp", "torch_mlp"})
    void mlpLikePyTorchGemmTransBIsReadExactly(String name) throws Exception {
        ModelWeights m = OnnxModels.read(resource(name + ".onnx"));
        Map<String, int[]> shapes = new HashMap<>();
        Map<String, float[]> want = expected(name + ".expected.csv", shapes);
        assertEquals(name + ".onnx", m.modelName());
        assertEquals(784, m.inputUnits());
        assertEquals(Arrays.asList("dense_1", "dense_2", "dense_3", "output"),
                m.layers().stream().map(LayerWeights::name).collect(Collectors.toList()));
        assertEquals(44_860, m.parameterCount());
        for (int k = 0; k < 4; k++) {
            LayerWeights l = m.layers().get(k);
            assertEquals(LayerWeights.Kind.DENSE, l.kind());
            assertEquals(k < 3 ? "relu" : null, l.activation());
            float[] w = want.get("fc" + (k + 1) + ".weight");          // [out, in] as nn.Linear stores it
            float[] b = want.get("fc" + (k + 1) + ".bias");
            int[] s = shapes.get("fc" + (k + 1) + ".weight");
            assertEquals(s[0], l.nOut());
            assertEquals(s[1], l.nIn());
            for (int o = 0; o < l.nOut(); o++) {
                for (int i = 0; i < l.nIn(); i++) {
                    assertEquals((double) w[o * l.nIn() + i], l.dense(i, o), 0.0, "fc" + (k + 1) + " [" + o + "," + i + "]");
                }
                assertEquals((double) b[o], l.bias(o), 0.0);
            }
        }
    }

    @Test
    void cnnWithConvPoolFlattenMatMulAddAndFloatData() throws Exception {
        ModelWeights m = OnnxModels.read(resource("cnn.onnx"));
        Map<String, int[]> shapes = new HashMap<>();
        Map<String, float[]> want = expected("cnn.expected.csv", shapes);
        assertEquals(1, m.inputUnits());
        List<LayerWeights> ls = m.layers();
        assertEquals(Arrays.asList("conv_1", "dense_1", "output"), ls.stream().map(LayerWeights::name).collect(Collectors.toList()));
        LayerWeights conv = ls.get(0);
        assertEquals(LayerWeights.Kind.CONVOLUTION, conv.kind());
        assertEquals(1, conv.nIn());
        assertEquals(4, conv.nOut());
        assertEquals(3, conv.kernelH());
        assertEquals(3, conv.kernelW());
        assertEquals("relu", conv.activation());
        float[] cw = want.get("conv.weight");
        for (int o = 0; o < 4; o++) {
            for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) assertEquals((double) cw[(o * 3 + y) * 3 + x], conv.kernel(o, 0, y, x), 0.0);
            assertEquals((double) want.get("conv.bias")[o], conv.bias(o), 0.0);
        }
        LayerWeights fc = ls.get(1);                                   // MatMul [in, out] + Add
        assertEquals(676, fc.nIn());
        assertEquals(16, fc.nOut());
        assertEquals("tanh", fc.activation());
        float[] fw = want.get("fc.weight");
        for (int i = 0; i < 676; i++) for (int j = 0; j < 16; j++) assertEquals((double) fw[i * 16 + j], fc.dense(i, j), 0.0);
        for (int j = 0; j < 16; j++) assertEquals((double) want.get("fc.bias")[j], fc.bias(j), 0.0);
        LayerWeights out = ls.get(2);                                  // Gemm transB=0: [in, out]
        assertEquals("softmax", out.activation());
        float[] ow = want.get("out.weight");
        for (int i = 0; i < 16; i++) for (int j = 0; j < 10; j++) assertEquals((double) ow[i * 10 + j], out.dense(i, j), 0.0);
        for (int j = 0; j < 10; j++) assertEquals((double) want.get("out.bias")[j], out.bias(j), 0.0);
    }

    @Test
    void onnxFileOpensAsOneCheckpointAndGivesTheWeightGraph() throws Exception {
        TrainingRun run = ModelLoader.open(resource("mlp.onnx"));
        assertEquals(1, run.checkpoints().size());
        Checkpoint cp = run.checkpoints().get(0);
        assertTrue(cp.isOnnx());
        assertEquals(-1, cp.epoch());
        NeuralGraph g = CheckpointGraphs.weightGraph(run, 0, Sparsification.none());
        assertEquals(784 + 50 + 50 + 50 + 10, g.nodeCount());
        assertEquals(784 * 50 + 50 * 50 + 50 * 50 + 50 * 10, g.edgeCount());
        assertEquals(4, cp.load().getnLayers()); // and a network to run (OnnxNetworksTest)
    }

    @Test
    void truncatedFileIsNamed(@TempDir Path tmp) throws Exception {
        byte[] all = Files.readAllBytes(resource("mlp.onnx"));
        Path cut = Files.write(tmp.resolve("cut.onnx"), Arrays.copyOf(all, all.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a readable ONNX model"), e.getMessage());
        assertThrows(ModelFileException.class, () -> ModelLoader.open(cut));
    }

    @Test
    void nonOnnxFilesAreRefusedNamingTheFile(@TempDir Path tmp) throws IOException {
        Path text = Files.write(tmp.resolve("notes.onnx"), "this is not a model\n".getBytes(StandardCharsets.UTF_8));
        Path empty = Files.write(tmp.resolve("empty.onnx"), new byte[0]);
        Path zip = Files.write(tmp.resolve("zip.onnx"), new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        for (Path p : Arrays.asList(text, empty, zip)) {
            ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(p), p.toString());
            assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains("ONNX"), e.getMessage());
        }
        ModelFileException missing = assertThrows(ModelFileException.class, () -> OnnxModels.read(tmp.resolve("none.onnx")));
        assertTrue(missing.getMessage().contains("no such model file"));
    }

    @Test
    void unsupportedOperatorIsNamedWithItsNode() throws Exception {
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(resource("lstm.onnx")));
        assertTrue(e.getMessage().startsWith(resource("lstm.onnx") + ": ONNX operator LSTM (node 'encoder_lstm') is not supported"), e.getMessage());
    }

    @Test
    void externalDataIsRefused() throws Exception {
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(resource("external.onnx")));
        assertTrue(e.getMessage().contains("external file") && e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReading() throws Exception {
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(resource("mlp.onnx"), 1000));
        assertTrue(e.getMessage().contains("larger than the limit 1000"), e.getMessage());
    }

    /** A sparse file of {@code bytes} zero bytes: its size on disk is nothing. */
    private static Path sparse(Path file, long bytes) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    /** Bytes of heap this thread allocates while reading {@code file} is refused; the message goes into {@code message}. */
    private static long allocatedWhileRefused(Path file, StringBuilder message) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId(), before = threads.getThreadAllocatedBytes(id);
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(file));
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        message.append(e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return allocated;
    }

    /** A 1.9 GB file (under protobuf's 2 GB) that the heap cannot take as a model is refused by its size, at once. */
    @Test
    void aFileLargerThanTheHeapTakesIsRefusedBeforeReading(@TempDir Path tmp) throws IOException {
        Path f = sparse(tmp.resolve("huge.onnx"), 1900L << 20);
        StringBuilder m = new StringBuilder();
        long start = System.nanoTime();
        long allocated = allocatedWhileRefused(f, m);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "at once");
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
        if (Runtime.getRuntime().maxMemory() / OnnxModels.HEAP_BYTES_PER_FILE_BYTE < Files.size(f)) {
            assertTrue(m.toString().contains("ONNX file of 1900 MB needs about 11400 MB of Java heap to be read (6 bytes per byte of file), more than this JVM's"), m.toString());
        }
    }

    /** A file the heap could take is parsed as it is read: 200 MB of zeros end at the first tag, without reading them into memory. */
    @Test
    void aFileOfZerosEndsAtItsFirstTagWithoutBeingReadWhole(@TempDir Path tmp) throws IOException {
        Path f = sparse(tmp.resolve("zeros.onnx"), 200L << 20);
        StringBuilder m = new StringBuilder();
        long allocated = allocatedWhileRefused(f, m);
        assertTrue(m.toString().contains("not a readable ONNX model (truncated or another format): Protocol message contained an invalid tag (zero)"), m.toString());
        assertTrue(allocated < 4L << 20, "allocated " + allocated + " bytes for a file of 200 MB");
    }

    /** A length field that claims a gigabyte in a file of one megabyte costs no more than the megabyte. */
    @Test
    void aForgedLengthCostsNoMoreThanTheFileHolds(@TempDir Path tmp) throws IOException {
        byte[] head = {(byte) 0x12, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04}; // producer_name (field 2), 1 GiB long
        byte[] file = Arrays.copyOf(head, head.length + (1 << 20));
        Path f = Files.write(tmp.resolve("forged.onnx"), file);
        StringBuilder m = new StringBuilder();
        long allocated = allocatedWhileRefused(f, m);
        assertTrue(m.toString().contains("not a readable ONNX model"), m.toString());
        assertTrue(allocated < 4L << 20, "allocated " + allocated + " bytes for a file of 1 MB");
    }
}
