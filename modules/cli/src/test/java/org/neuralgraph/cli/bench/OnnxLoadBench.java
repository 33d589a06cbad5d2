package org.neuralgraph.cli.bench;

import onnx.Onnx;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;
import org.neuralgraph.dl4j.Dl4jWeights;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.OnnxModels;
import org.neuralgraph.dl4j.OnnxNetworks;
import org.nd4j.shade.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 11's speed figure: a 5 million-parameter ONNX model (784-2000-1700-10 Gemm + Relu, float32 raw_data as
 * torch.onnx.export writes it, seeded random weights) read into the weight graph, and converted into a runnable DL4J
 * network; the baseline is the same network as a DL4J model zip, loaded and turned into the same weight graph.
 * Each figure is the best of 3 runs after a warm-up.
 */
final class OnnxLoadBench {

    private static final int[] SIZES = {784, 2000, 1700, 10};

    private OnnxLoadBench() { }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory("bench-onnx");
        Path onnx = dir.resolve("big.onnx");
        Files.write(onnx, model().toByteArray());
        long params = 0;
        for (int l = 1; l < SIZES.length; l++) params += (long) SIZES[l - 1] * SIZES[l] + SIZES[l];
        MultiLayerNetwork net = OnnxNetworks.load(onnx);
        Path zip = dir.resolve("big.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);

        double readOnnx = best(() -> OnnxModels.read(onnx));
        ModelWeights w = OnnxModels.read(onnx);
        double graph = best(() -> WeightGraph.build(w, Sparsification.none()));
        double convert = best(() -> OnnxNetworks.load(onnx));
        double readZip = best(() -> Dl4jWeights.extract(ModelLoader.loadZip(zip), "big"));
        NeuralGraph g = WeightGraph.build(w, Sparsification.none());
        System.out.printf(Locale.ROOT, "ONNX %s (%,d parameters, %.0f MB): weights read %.2f s + weight graph (%,d edges) %.2f s; "
                        + "as a runnable DL4J network %.2f s; the same network as a DL4J zip read %.2f s: ratio ONNX/zip %.2f%n",
                sizes(), params, Files.size(onnx) / 1e6, readOnnx, g.edgeCount(), graph, convert, readZip, readOnnx / readZip);
        Files.delete(onnx);
        Files.delete(zip);
        Files.delete(dir);
    }

    private static String sizes() {
        StringBuilder b = new StringBuilder();
        for (int s : SIZES) b.append(b.length() == 0 ? "" : "-").append(s);
        return b.toString();
    }

    private interface Work { Object run() throws Exception; }

    private static double best(Work work) throws Exception {
        work.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static Onnx.ModelProto model() {
        Random random = new Random(11);
        Onnx.GraphProto.Builder g = Onnx.GraphProto.newBuilder().setName("big");
        String last = "input";
        for (int l = 1; l < SIZES.length; l++) {
            String name = "fc" + l;
            g.addInitializer(floats(name + ".weight", random, SIZES[l], SIZES[l - 1]));
            g.addInitializer(floats(name + ".bias", random, SIZES[l]));
            g.addNode(Onnx.NodeProto.newBuilder().setOpType("Gemm").setName(name).addInput(last).addInput(name + ".weight")
                    .addInput(name + ".bias").addOutput(name + ".out").addAttribute(Onnx.AttributeProto.newBuilder().setName("transB")
                            .setType(Onnx.AttributeProto.AttributeType.INT).setI(1)));
            last = name + ".out";
            if (l < SIZES.length - 1) {
                g.addNode(Onnx.NodeProto.newBuilder().setOpType("Relu").setName("relu" + l).addInput(last).addOutput("relu" + l + ".out"));
                last = "relu" + l + ".out";
            }
        }
        Onnx.TensorShapeProto shape = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(SIZES[0])).build();
        g.addInput(Onnx.ValueInfoProto.newBuilder().setName("input").setType(Onnx.TypeProto.newBuilder().setTensorType(
                Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE).setShape(shape))));
        g.addOutput(Onnx.ValueInfoProto.newBuilder().setName(last));
        return Onnx.ModelProto.newBuilder().setIrVersion(7).setGraph(g)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
    }

    private static Onnx.TensorProto floats(String name, Random random, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        ByteBuffer raw = ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < n; i++) raw.putFloat((float) (random.nextGaussian() * 0.05));
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name).setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE);
        for (long d : shape) t.addDims(d);
        return t.setRawData(ByteString.copyFrom(raw.array())).build();
    }
}
