package org.neuralgraph.dl4j;

import onnx.Onnx;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What {@link OnnxNetworks} cannot run is refused naming the node and the attribute or operator. The graphs are built
 * here with the ONNX protobuf classes (as {@code onnx.helper} would write them): small, one option each.
 */
class OnnxNetworksRefusalTest {

    @TempDir
    Path tmp;

    /** Builds a graph on input {@code [batch, 1, 6, 6]} (or {@code dims}): nodes in order, float initializers. */
    private final class Graph {
        final List<Onnx.NodeProto> nodes = new ArrayList<>();
        final List<Onnx.TensorProto> inits = new ArrayList<>();
        Object[] dims = {"batch", 1, 6, 6};
        String last = "input";
        int count;

        Graph node(String op, String name, Onnx.AttributeProto... attrs) {
            return node(op, name, new String[0], attrs);
        }

        /** A node on the last output, with extra inputs. */
        Graph node(String op, String name, String[] more, Onnx.AttributeProto... attrs) {
            String out = "t" + (count++);
            Onnx.NodeProto.Builder b = Onnx.NodeProto.newBuilder().setOpType(op).setName(name).addInput(last).addOutput(out);
            for (String m : more) b.addInput(m);
            for (Onnx.AttributeProto a : attrs) b.addAttribute(a);
            nodes.add(b.build());
            last = out;
            return this;
        }

        Graph conv(String name, int in, int out, int k, Onnx.AttributeProto... attrs) {
            floats(name + ".w", out, in, k, k);
            floats(name + ".b", out);
            return node("Conv", name, new String[]{name + ".w", name + ".b"}, attrs);
        }

        Graph gemm(String name, int in, int out) {
            floats(name + ".w", out, in);
            floats(name + ".b", out);
            return node("Gemm", name, new String[]{name + ".w", name + ".b"}, ints("transB", 1));
        }

        void floats(String name, long... shape) {
            Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE);
            long n = 1;
            for (long d : shape) {
                t.addDims(d);
                n *= d;
            }
            for (int i = 0; i < n; i++) t.addFloatData((float) Math.sin(i + name.length()));
            inits.add(t.build());
        }

        void int64(String name, long... values) {
            Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.INT64_VALUE).addDims(values.length);
            for (long v : values) t.addInt64Data(v);
            inits.add(t.build());
        }

        Path write(String file) throws IOException {
            Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
            for (Object d : dims) {
                shape.addDim(d instanceof String ? Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam((String) d)
                        : Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue((Integer) d));
            }
            Onnx.ValueInfoProto input = Onnx.ValueInfoProto.newBuilder().setName("input").setType(Onnx.TypeProto.newBuilder()
                    .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
            Onnx.GraphProto g = Onnx.GraphProto.newBuilder().setName("g").addAllNode(nodes).addAllInitializer(inits).addInput(input)
                    .addOutput(Onnx.ValueInfoProto.newBuilder().setName(last)).build();
            Onnx.ModelProto m = Onnx.ModelProto.newBuilder().setIrVersion(7).setGraph(g)
                    .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
            return Files.write(tmp.resolve(file), m.toByteArray());
        }
    }

    private static Onnx.AttributeProto ints(String name, long... v) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name);
        if (v.length == 1 && !name.endsWith("s") && !name.equals("kernel_shape")) return a.setType(Onnx.AttributeProto.AttributeType.INT).setI(v[0]).build();
        a.setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long x : v) a.addInts(x);
        return a.build();
    }

    private static Onnx.AttributeProto string(String name, String v) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.STRING)
                .setS(org.nd4j.shade.protobuf.ByteString.copyFromUtf8(v)).build();
    }

    /** Loading the graph is refused with a ModelFileException whose message starts with the file and holds every part. */
    private void refused(Graph g, String... parts) throws IOException {
        Path f = g.write("m.onnx");
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxNetworks.load(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
    }

    /** Weights whose shapes do not chain, and a graph input the first layer does not take, name the file and both sizes. */
    @Test
    void weightShapesThatDoNotChainNameTheFile() throws IOException {
        Graph g = new Graph().node("Flatten", "f").gemm("fc1", 36, 4).node("Relu", "r").gemm("fc2", 5, 3);
        refused(g, "node 'fc2' takes 5 inputs but node 'fc1' gives 4 units");
        Path f = tmp.resolve("m.onnx");
        ModelFileException weights = assertThrows(ModelFileException.class, () -> OnnxModels.read(f));
        assertEquals(f + ": node 'fc2' takes 5 inputs but node 'fc1' gives 4 units", weights.getMessage());
        refused(new Graph().node("Flatten", "f").gemm("fc1", 40, 4), "node 'fc1' (Gemm) takes 40 inputs but gets 36");
    }

    /** A NaN weight of an ONNX file is named with the file and the layer. */
    @Test
    void nanWeightsNameTheFileAndTheLayer() throws IOException {
        Graph g = new Graph().node("Flatten", "f").gemm("fc1", 36, 4);
        g.inits.set(0, g.inits.get(0).toBuilder().setFloatData(2, Float.NaN).build());
        Path f = g.write("nan.onnx");
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxModels.read(f));
        assertTrue(e.getMessage().startsWith(f + ": layer output: weight "), e.getMessage());
        assertTrue(e.getMessage().contains(" is NaN (the model has non-finite parameters"), e.getMessage());
        assertThrows(ModelFileException.class, () -> OnnxNetworks.load(f));
    }

    /** A graph without a layer with weights is refused naming the file, not with an IndexOutOfBoundsException. */
    @Test
    void aGraphWithoutWeightsIsRefused() throws IOException {
        refused(new Graph().node("Flatten", "f").node("Identity", "i"), "the ONNX graph has no layer with weights (Gemm, MatMul or Conv)");
    }

    @Test
    void asymmetricConvolutionPaddingIsNamed() throws IOException {
        Graph g = new Graph().conv("c1", 1, 2, 3, ints("pads", 1, 1, 0, 0)).node("Flatten", "f").gemm("fc", 2 * 5 * 5, 3);
        refused(g, "node 'c1' (Conv)", "pads [1, 1, 0, 0]", "same padding on both sides");
    }

    @Test
    void autoPadSameIsSymmetricPaddingWhenItCanBe() throws IOException {
        Graph ok = new Graph().conv("c1", 1, 2, 3, string("auto_pad", "SAME_UPPER")).node("Relu", "r").node("Flatten", "f").gemm("fc", 2 * 6 * 6, 3);
        MultiLayerNetwork net = OnnxNetworks.load(ok.write("same.onnx"));
        assertArrayEquals(new long[]{1, 3}, net.output(Nd4j.rand(1, 36)).shape());
        Graph uneven = new Graph().conv("c1", 1, 2, 2, string("auto_pad", "SAME_UPPER")).node("Flatten", "f").gemm("fc", 2 * 6 * 6, 3);
        refused(uneven, "node 'c1' (Conv)", "auto_pad=SAME_UPPER (uneven padding 1");
    }

    @Test
    void ceilModeIsRefusedOnlyWhereItChangesTheSize() throws IOException {
        // 6x6 -> conv 2x2 -> 5x5 -> pool 2 stride 2: ceil gives 3x3, floor 2x2
        Graph g = new Graph().conv("c1", 1, 2, 2).node("MaxPool", "pool", ints("kernel_shape", 2, 2), ints("strides", 2, 2), ints("ceil_mode", 1))
                .node("Flatten", "f").gemm("fc", 2 * 2 * 2, 3);
        refused(g, "node 'pool' (MaxPool)", "ceil_mode=1 on a 5x5 map");
        Graph even = new Graph().conv("c1", 1, 2, 3).node("MaxPool", "pool", ints("kernel_shape", 2, 2), ints("strides", 2, 2), ints("ceil_mode", 1))
                .node("Flatten", "f").gemm("fc", 2 * 2 * 2, 3);
        assertEquals(3, OnnxNetworks.load(even.write("even.onnx")).getnLayers());
    }

    @Test
    void poolingPaddingAndDilationAreNamed() throws IOException {
        refused(new Graph().conv("c1", 1, 2, 3).node("MaxPool", "pool", ints("kernel_shape", 2, 2), ints("pads", 1, 1, 1, 1))
                .node("Flatten", "f").gemm("fc", 2 * 5 * 5, 3), "node 'pool' (MaxPool)", "pads [1, 1, 1, 1]");
        refused(new Graph().conv("c1", 1, 2, 3).node("MaxPool", "pool", ints("kernel_shape", 2, 2), ints("dilations", 2, 2))
                .node("Flatten", "f").gemm("fc", 2 * 2 * 2, 3), "node 'pool' (MaxPool)", "dilations [2, 2]");
    }

    @Test
    void activationAfterAveragePoolingIsRefusedAfterMaxPoolingMoved() throws IOException {
        refused(new Graph().conv("c1", 1, 2, 3).node("AveragePool", "pool", ints("kernel_shape", 2, 2), ints("strides", 2, 2)).node("Relu", "act")
                .node("Flatten", "f").gemm("fc", 2 * 2 * 2, 3), "node 'act' (Relu)", "after pooling node 'pool'");
        Graph moved = new Graph().conv("c1", 1, 2, 3).node("MaxPool", "pool", ints("kernel_shape", 2, 2), ints("strides", 2, 2)).node("Tanh", "act")
                .node("Flatten", "f").gemm("fc", 2 * 2 * 2, 3);
        MultiLayerNetwork net = OnnxNetworks.load(moved.write("moved.onnx"));
        assertEquals("tanh", Dl4jWeights.extract(net, "moved").layers().get(0).activation());
    }

    @Test
    void geluAndASoftmaxInTheMiddleAreNamed() throws IOException {
        refused(new Graph().node("Flatten", "f").gemm("fc1", 36, 4).node("Gelu", "gelu").gemm("fc2", 4, 3), "node 'gelu' (Gelu)", "approximation");
        refused(new Graph().node("Flatten", "f").gemm("fc1", 36, 4).node("Softmax", "sm").gemm("fc2", 4, 3), "node 'sm' (Softmax)", "at the end");
    }

    @Test
    void reshapeToAnythingButBatchByFeaturesIsNamed() throws IOException {
        Graph g = new Graph().conv("c1", 1, 2, 3);
        g.int64("shape", -1, 2, 16);
        g.node("Reshape", "rs", new String[]{"shape"}).gemm("fc", 32, 3);
        refused(g, "node 'rs' (Reshape)", "shape [-1, 2, 16]");
        Graph ok = new Graph().conv("c1", 1, 2, 3);
        ok.int64("shape", -1, 32);
        ok.node("Reshape", "rs", new String[]{"shape"}).gemm("fc", 32, 3).node("Softmax", "sm");
        INDArray p = OnnxNetworks.load(ok.write("ok.onnx")).output(Nd4j.rand(2, 36));
        assertEquals(1.0, p.getRow(0).sumNumber().doubleValue(), 1e-5);
    }

    @Test
    void unsupportedOperatorIsNamedWithItsNode() throws IOException {
        refused(new Graph().node("Flatten", "f").gemm("fc1", 36, 4).node("BatchNormalization", "bn1").gemm("fc2", 4, 3),
                "ONNX operator BatchNormalization (node 'bn1')", "is not supported");
        refused(new Graph().conv("c1", 1, 4, 3, ints("group", 2)).node("Flatten", "f").gemm("fc", 4 * 16, 3), "grouped convolution (group=2)");
    }

    @Test
    void aSymbolicImageSizeOrAnImageOfTheWrongSizeIsNamed() throws IOException {
        Graph g = new Graph().conv("c1", 1, 2, 3).node("Flatten", "f").gemm("fc", 2 * 4 * 4, 3);
        g.dims = new Object[]{"batch", 1, "height", 6};
        refused(g, "m.onnx", "input 'input' has no fixed height ('height')");
        Graph wrong = new Graph().conv("c1", 1, 2, 3).node("Flatten", "f").gemm("fc", 2 * 5 * 5, 3); // 6x6 gives 4x4 maps
        refused(wrong, "node 'fc' (Gemm)", "takes 50 inputs but gets 32");
    }

    @Test
    void aModelOfAnotherInputSizeIsRefusedByTheCheckpointNamingFileAndShape() throws IOException {
        Path f = new Graph().conv("c1", 1, 2, 3).node("Relu", "r").node("Flatten", "f").gemm("fc", 2 * 4 * 4, 3).write("small.onnx");
        Checkpoint cp = ModelLoader.open(f).checkpoints().get(0);
        cp.checkInput(6, 6);
        ModelFileException e = assertThrows(ModelFileException.class, () -> cp.checkInput(28, 28));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("reads 1x6x6 images (channels x height x width) but the images are 28x28"), e.getMessage());
        Path mlp = TorchReference.resource("onnx/mlp.onnx");
        ModelFileException d = assertThrows(ModelFileException.class, () -> ModelLoader.open(mlp).checkpoints().get(0).checkInput(9, 9));
        assertTrue(d.getMessage().contains("reads 784 values per sample but the images are 9x9"), d.getMessage());
    }

    /** A shape that claims more values than the tensor holds is refused before anything of that size is allocated. */
    @Test
    void forgedTensorShapesAreRefusedWithoutAllocatingThem() throws IOException {
        for (boolean raw : new boolean[]{false, true}) {
            Graph g = new Graph().node("Flatten", "f");
            Onnx.TensorProto.Builder w = Onnx.TensorProto.newBuilder().setName("fc.w").setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE)
                    .addDims(50_000).addDims(40_000);        // 2e9 floats, 16 GB as doubles
            if (raw) w.setRawData(org.nd4j.shade.protobuf.ByteString.copyFrom(new byte[32]));
            else for (int i = 0; i < 8; i++) w.addFloatData(i);
            g.inits.add(w.build());
            g.node("Gemm", "fc", new String[]{"fc.w"}, ints("transB", 1));
            Path f = g.write("forged.onnx");
            ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxNetworks.load(f));
            assertTrue(e.getMessage().contains("'fc.w' holds 8 values but its shape [50000, 40000] needs 2000000000"), e.getMessage());
            assertThrows(ModelFileException.class, () -> OnnxModels.read(f));
        }
    }

    /** Graphs nested in attributes (If, Loop) past protobuf's recursion limit (100) end the parse, not the stack. */
    @Test
    void deeplyNestedGraphsAreRefusedByTheBoundedParser() throws IOException {
        Onnx.GraphProto inner = Onnx.GraphProto.newBuilder().setName("leaf").build();
        for (int i = 0; i < 200; i++) {
            inner = Onnx.GraphProto.newBuilder().setName("g" + i).addNode(Onnx.NodeProto.newBuilder().setOpType("If").setName("if" + i)
                    .addAttribute(Onnx.AttributeProto.newBuilder().setName("then_branch").setType(Onnx.AttributeProto.AttributeType.GRAPH).setG(inner))).build();
        }
        Onnx.ModelProto m = Onnx.ModelProto.newBuilder().setIrVersion(7).setGraph(inner).build();
        Path f = Files.write(tmp.resolve("nested.onnx"), m.toByteArray());
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxNetworks.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not a readable ONNX model"), e.getMessage());
    }

    @Test
    void forgedAttributesAndInputSizesAreRefused() throws IOException {
        refused(new Graph().conv("c1", 1, 2, 3, ints("strides", 1L << 40, 1)).node("Flatten", "f").gemm("fc", 8, 3),
                "node 'c1' (Conv)", "strides 1099511627776 is outside 1..65536");
        refused(new Graph().conv("c1", 1, 2, 3, ints("pads", -1, 0, -1, 0)).node("Flatten", "f").gemm("fc", 8, 3), "pads [-1, 0, -1, 0]");
        Graph huge = new Graph().conv("c1", 1, 2, 3).node("Flatten", "f").gemm("fc", 8, 3);
        huge.dims = new Object[]{"batch", 1, 1 << 20, 1 << 20};
        refused(huge, "larger than the limit");
    }

    /** Each element-wise activation the converter maps, against its formula on a 36-4-3 chain. */
    @Test
    void elementWiseActivationsComputeTheirOnnxFormulas() throws IOException {
        Map<String, java.util.function.DoubleUnaryOperator> f = new java.util.LinkedHashMap<>();
        f.put("Sigmoid", x -> 1 / (1 + Math.exp(-x)));
        f.put("Tanh", Math::tanh);
        f.put("LeakyRelu", x -> x < 0 ? 0.2 * x : x);
        f.put("Elu", x -> x < 0 ? Math.exp(x) - 1 : x);
        f.put("Selu", x -> 1.0507009873554805 * (x < 0 ? 1.6732632423543772 * (Math.exp(x) - 1) : x));
        f.put("Softplus", x -> Math.log1p(Math.exp(x)));
        f.put("Softsign", x -> x / (1 + Math.abs(x)));
        f.put("HardSigmoid", x -> Math.max(0, Math.min(1, 0.2 * x + 0.5)));
        f.put("Mish", x -> x * Math.tanh(Math.log1p(Math.exp(x))));
        float[] in = new float[36];
        for (int i = 0; i < 36; i++) in[i] = (float) Math.cos(i) * 2;
        for (Map.Entry<String, java.util.function.DoubleUnaryOperator> e : f.entrySet()) {
            Graph g = new Graph().node("Flatten", "flat").gemm("fc1", 36, 4);
            if (e.getKey().equals("LeakyRelu")) g.node("LeakyRelu", "act", Onnx.AttributeProto.newBuilder().setName("alpha")
                    .setType(Onnx.AttributeProto.AttributeType.FLOAT).setF(0.2f).build());
            else g.node(e.getKey(), "act");
            g.gemm("fc2", 4, 3);
            MultiLayerNetwork net = OnnxNetworks.load(g.write(e.getKey() + ".onnx"));
            double[] out = net.output(Nd4j.create(in, new long[]{1, 36}, 'c')).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
            double[] hidden = new double[4];
            for (int o = 0; o < 4; o++) {
                double z = weight(g, "fc1.b", o);
                for (int i = 0; i < 36; i++) z += weight(g, "fc1.w", o * 36 + i) * in[i];
                hidden[o] = e.getValue().applyAsDouble(z);
            }
            for (int o = 0; o < 3; o++) {
                double y = weight(g, "fc2.b", o);
                for (int i = 0; i < 4; i++) y += weight(g, "fc2.w", o * 4 + i) * hidden[i];
                assertEquals(y, out[o], 1e-5 * Math.max(1, Math.abs(y)), e.getKey() + " output " + o);
            }
        }
    }

    private static double weight(Graph g, String name, int i) {
        for (Onnx.TensorProto t : g.inits) if (t.getName().equals(name)) return t.getFloatData(i);
        throw new AssertionError(name);
    }

    @Test
    void theHelperCnnRunsToProbabilities() throws IOException {
        // cnn.onnx (make_onnx.py): Conv Relu MaxPool Flatten MatMul+Add Tanh Dropout Gemm(transB=0) Softmax, float_data tensors
        MultiLayerNetwork net = OnnxNetworks.load(TorchReference.resource("onnx/cnn.onnx"));
        INDArray p = net.output(Nd4j.rand(3, 784));
        for (int i = 0; i < 3; i++) assertEquals(1.0, p.getRow(i).sumNumber().doubleValue(), 1e-5);
        assertEquals(Arrays.asList("conv_1", "dense_1", "output"), LayerSignals.layerNames(net));
    }
}
