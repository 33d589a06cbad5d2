package org.neuralgraph.cli;

import onnx.Onnx;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.data.IdxFile;
import org.neuralgraph.dl4j.ModelFactory;
import org.neuralgraph.dl4j.ModelSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile data and model files end every command with exactly one line on standard error that names the file (or the
 * option) and what is wrong, an exit code, no stack trace and nothing written (issue 23 items 4-6). The files are made
 * here: gzip streams of zeros (about 1000:1) and sparse files stand for gigabytes without writing them.
 */
class HostileInputsCommandTest {

    @TempDir
    Path tmp;

    /** The run ended with {@code code} and one line starting with {@code start}; nothing was written to {@code out}. */
    private static WeightsCommandTest.Run refused(int code, String start, Path out, String... args) {
        WeightsCommandTest.Run r = WeightsCommandTest.run(args);
        assertEquals(code, r.code, r.err);
        String[] lines = r.err.split("\\R");
        assertEquals(1, lines.length, "one line: " + r.err);
        assertTrue(lines[0].startsWith("neuralgraph: " + start), lines[0]);
        assertFalse(r.err.contains("at org.") || r.err.contains("Exception"), r.err);
        assertFalse(Files.exists(out), "nothing written");
        return r;
    }

    private WeightsCommandTest.Run train(int code, Path data, String start) {
        Path out = tmp.resolve("out");
        return refused(code, start, out, "train", "--data", data.toString(), "--out", out.toString(), "--epochs", "1", "--checkpoints", "2", "--quiet");
    }

    private static byte[] header(int... dims) {
        byte[] h = new byte[4 + 4 * dims.length];
        h[2] = IdxFile.UNSIGNED_BYTE;
        h[3] = (byte) dims.length;
        for (int i = 0; i < dims.length; i++) for (int b = 0; b < 4; b++) h[4 + 4 * i + b] = (byte) (dims[i] >>> (24 - 8 * b));
        return h;
    }

    private static Path gzipOfZeros(Path file, byte[] header, long zeros) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header);
            byte[] chunk = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= chunk.length) out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
        return file;
    }

    /** A single-pair data directory whose labels file holds {@code n} labels 0..9 in turn. */
    private Path dir(String name, int n) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) labels[i] = (byte) (i % 10);
        new IdxFile(new int[]{n}, labels).write(d.resolve("labels-idx1-ubyte"), false);
        return d;
    }

    /** A gzip bomb (2 GB announced, 4 MB of zeros in 4 KB) ends at its header with one line, allocating nothing of its size. */
    @Test
    void aGzipBombEndsAtItsHeader() throws IOException {
        Path d = dir("bomb", 10);
        Path images = gzipOfZeros(d.resolve("images-idx3-ubyte.gz"), header(2_551_020, 28, 28), 4_000_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId(), before = threads.getThreadAllocatedBytes(id);
        train(1, d, images + ": dimensions [2551020, 28, 28] announce 1999999680 values, more than the limit of ");
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 64L << 20, "allocated " + (allocated >> 20) + " MB (the command itself, about 37 MB)");
    }

    @Test
    void forgedAndOverlongCompressedFilesAreNamed() throws IOException {
        Path forged = dir("forged", 10);
        Path raw = Files.write(forged.resolve("images-idx3-ubyte"), java.util.Arrays.copyOf(header(100_000, 28, 28), 16 + 1_600_000));
        train(1, forged, raw + ": truncated: dimensions [100000, 28, 28] announce 78400000 values, found 1600000");
        Path more = dir("more", 10);
        Path gz = gzipOfZeros(more.resolve("images-idx3-ubyte.gz"), header(10, 28, 28), 20_000_000);
        train(1, more, gz + ": inflates to more than the 7840 values its dimensions [10, 28, 28] announce; refused");
    }

    @Test
    void emptyDataAndEmptyPartsAreRefusedBeforeTraining() throws IOException {
        Path empty = dir("empty", 0);
        new IdxFile(new int[]{0, 28, 28}, new byte[0]).write(empty.resolve("images-idx3-ubyte"), false);
        train(1, empty, empty.resolve("images-idx3-ubyte") + ": holds 0 images; a data set needs at least one");
        Path noLabels = dir("nolabels", 0);
        new IdxFile(new int[]{3, 28, 28}, new byte[3 * 784]).write(noLabels.resolve("images-idx3-ubyte"), false);
        train(1, noLabels, noLabels.resolve("labels-idx1-ubyte") + ": holds 0 labels; a data set needs at least one");
        Path three = dir("three", 3);
        new IdxFile(new int[]{3, 28, 28}, new byte[3 * 784]).write(three.resolve("images-idx3-ubyte"), false);
        WeightsCommandTest.Run r = train(1, three, three.resolve("images-idx3-ubyte")
                + ": a test fraction of 0.2 of its 3 images leaves 0 test images; give more images or another --test-fraction");
        assertFalse(r.out.contains("epoch"), "no training: " + r.out);
    }

    /** Two images of every class but 3, half of them for testing. */
    private Path withoutClass3() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("no3"));
        byte[] labels = new byte[36];
        for (int i = 0, c = 0; c < 10; c++) {
            if (c == 3) continue;
            for (int k = 0; k < 4; k++) labels[i++] = (byte) c;
        }
        byte[] pixels = new byte[36 * 784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 31);
        new IdxFile(new int[]{36, 28, 28}, pixels).write(d.resolve("images-idx3-ubyte"), false);
        new IdxFile(new int[]{36}, labels).write(d.resolve("labels-idx1-ubyte"), false);
        return d;
    }

    @Test
    void aClassWithoutImagesIsRefusedBeforeTrainingNamingTheLabelsFile() throws IOException {
        Path data = withoutClass3();
        String labels = data.resolve("labels-idx1-ubyte") + ": the training images hold no image of class 3 (of classes 0..9); ";
        Path out = tmp.resolve("out");
        WeightsCommandTest.Run trained = refused(1, labels + "the activation pattern study needs images of every class", out,
                "activations", "--data", data.toString(), "--test-fraction", "0.5", "--epochs", "1", "--checkpoints", "2", "--out", out.toString(), "--quiet");
        assertFalse(trained.out.contains("epoch"), "no training: " + trained.out);
        refused(1, labels + "the activation pattern study needs images of every class", out, "activations", "--model",
                WeightsCommandTest.ONNX.resolve("torch_mlp.onnx").toString(), "--data", data.toString(), "--test-fraction", "0.5", "--out", out.toString(), "--quiet");
        refused(1, labels + "the activation pattern graph needs images of every class", out, "graph", "activations", "--data", data.toString(),
                "--test-fraction", "0.5", "--epochs", "1", "--checkpoints", "2", "--out", out.toString(), "--quiet");
        refused(1, data.resolve("labels-idx1-ubyte") + ": the test images hold no image of class 3 (of classes 0..9); Feature map: class 3 averages the test images of that class",
                out, "graph", "feature-map", "--class", "3", "--model", WeightsCommandTest.ONNX.resolve("torch_lenet.onnx").toString(),
                "--data", data.toString(), "--test-fraction", "0.5", "--out", out.toString(), "--quiet");
        refused(1, data.resolve("labels-idx1-ubyte") + ": the test images hold no image of class 3 (of classes 0..9); the feature-map study",
                out, "featuremaps", "--model", WeightsCommandTest.ONNX.resolve("torch_lenet.onnx").toString(),
                "--data", data.toString(), "--test-fraction", "0.5", "--out", out.toString(), "--quiet");
        refused(2, "Feature map: class 12 does not exist: the images have 10 classes", out, "graph", "feature-map", "--class", "12", "--model",
                WeightsCommandTest.ONNX.resolve("torch_lenet.onnx").toString(), "--data", data.toString(), "--test-fraction", "0.5", "--out", out.toString(), "--quiet");
        refused(2, "--train-size 3: the seeded sample of 3 training images holds no image of class ", out, "activations", "--data", WeightsCommandTest.DATA,
                "--train-size", "3", "--epochs", "1", "--checkpoints", "2", "--out", out.toString(), "--quiet");
    }

    private static Path sparse(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    /** A float initializer of {@code shape}, values sin(i), value {@code nanAt} NaN (or none: -1; [out, in] here, [in][out] in the project: 5 becomes 160 of 32 outputs). */
    private static Onnx.TensorProto floats(String name, int nanAt, long... shape) {
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE);
        long n = 1;
        for (long d : shape) {
            t.addDims(d);
            n *= d;
        }
        for (int i = 0; i < n; i++) t.addFloatData(i == nanAt ? Float.NaN : (float) Math.sin(i));
        return t.build();
    }

    /**
     * An ONNX model on input {@code [batch, 1, 28, 28]} (or {@code [batch, 3, 32, 32]} with a convolution first):
     * Flatten and two Gemm layers of {@code in -> hidden -> 10}.
     */
    private Path onnx(String file, boolean conv, int in, int hidden, int nanAt) throws IOException {
        return onnx(file, conv, in, hidden, hidden, nanAt);
    }

    /** As above, the second Gemm taking {@code hidden2} inputs. */
    private Path onnx(String file, boolean conv, int in, int hidden, int hidden2, int nanAt) throws IOException {
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("g");
        String last = "input";
        if (conv) {
            g.addInitializer(floats("c.w", -1, 2, 3, 3, 3));
            g.addNode(Onnx.NodeProto.newBuilder().setOpType("Conv").setName("conv").addInput(last).addInput("c.w").addOutput("c"));
            last = "c";
        }
        g.addNode(Onnx.NodeProto.newBuilder().setOpType("Flatten").setName("flat").addInput(last).addOutput("f"));
        g.addInitializer(floats("fc1.w", nanAt, hidden, in)).addInitializer(floats("fc2.w", -1, 10, hidden2));
        Onnx.AttributeProto transB = Onnx.AttributeProto.newBuilder().setName("transB").setType(Onnx.AttributeProto.AttributeType.INT).setI(1).build();
        g.addNode(Onnx.NodeProto.newBuilder().setOpType("Gemm").setName("fc1").addInput("f").addInput("fc1.w").addOutput("h").addAttribute(transB));
        g.addNode(Onnx.NodeProto.newBuilder().setOpType("Relu").setName("relu").addInput("h").addOutput("r"));
        g.addNode(Onnx.NodeProto.newBuilder().setOpType("Gemm").setName("fc2").addInput("r").addInput("fc2.w").addOutput("y").addAttribute(transB));
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder().addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : conv ? new int[]{3, 32, 32} : new int[]{1, 28, 28}) shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        g.addInput(Onnx.ValueInfoProto.newBuilder().setName("input").setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE).setShape(shape))));
        g.addOutput(Onnx.ValueInfoProto.newBuilder().setName("y"));
        Onnx.ModelProto m = Onnx.ModelProto.newBuilder().setIrVersion(7).setGraph(g)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
        return Files.write(tmp.resolve(file), m.toByteArray());
    }

    private void weights(Path model, String start) {
        Path out = tmp.resolve("out");
        refused(1, model + ": " + start, out, "weights", "--model", model.toString(), "--out", out.toString(), "--layout-iterations", "0", "--quiet");
    }

    @Test
    void hostileModelFilesEndInOneLineNamingTheFile() throws IOException {
        long start = System.nanoTime();
        weights(sparse(tmp.resolve("huge.onnx"), 1900L << 20), Runtime.getRuntime().maxMemory() / 6 < (1900L << 20)
                ? "ONNX file of 1900 MB needs about 11400 MB of Java heap to be read" : "not a readable ONNX model");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "at once");
        weights(onnx("chain.onnx", false, 784, 32, 40, -1), "node 'fc2' takes 40 inputs but node 'fc1' gives 32 units");
        Path input = onnx("input.onnx", false, 700, 32, -1);
        Path out = tmp.resolve("out");
        // an ONNX model's activations come from onnxruntime, which finds the mismatch when it runs
        refused(1, input + ": onnxruntime cannot run the model: Non-zero status code returned while running FusedGemm node. Name:'fused fc1'", out, "activations", "--model", input.toString(),
                "--data", WeightsCommandTest.DATA, "--train-size", "300", "--out", out.toString(), "--quiet");
        weights(onnx("nan.onnx", false, 784, 32, 5), "layer dense_1: weight 160 is NaN (the model has non-finite parameters; was training diverging?)");

        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        net.getLayer(1).getParam("W").putScalar(3, Double.NaN);
        Path zip = tmp.resolve("nan.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        weights(zip, "layer dense_2: weight 150 is NaN (the model has non-finite parameters; was training diverging?)");
        refused(1, zip + ": layer dense_2: weight 150 is NaN (the model has non-finite parameters", out, "activations", "--model", zip.toString(),
                "--data", WeightsCommandTest.DATA, "--train-size", "300", "--out", out.toString(), "--quiet");

        Path cifar = onnx("cifar.onnx", true, 2 * 30 * 30, 16, -1);
        // 28x28 digits go into a 3x32x32 model in a border (OnnxImageInput); this one has no activation after its convolution
        refused(1, cifar + ": the model has no convolutional hidden layer ([batch, channels, height, width] after an activation), so it has no feature maps", out,
                "featuremaps", "--model", cifar.toString(), "--data", WeightsCommandTest.DATA, "--out", out.toString(), "--quiet");
    }
}
