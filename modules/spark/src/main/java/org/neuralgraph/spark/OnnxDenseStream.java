package org.neuralgraph.spark;

import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;
import org.nd4j.shade.protobuf.CodedInputStream;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.dl4j.ModelFileException;
import org.neuralgraph.dl4j.OnnxModels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX MLP (a chain of {@code Gemm}, or {@code MatMul} and a bias {@code Add}, with element-wise activations between)
 * written into an {@link EdgeTable} layer by layer straight from the file's initializers: the driver holds the file's
 * bytes once and never a weight array or the graph (a 784-8000-8000-10 MLP: 280 MB of float32 against 1.7 GB as a
 * {@code NeuralGraph}, 0.56 GB as {@code ModelWeights}). Nodes, ids, layer names and edges are those of
 * {@code WeightGraph}/{@code DagWeightGraph} for the same file through {@link OnnxModels} (checked by
 * {@code OnnxDenseStreamTest}). Any other operator makes {@link #plan} return null: the engine then builds the graph in
 * the driver as the in-memory path does.
 */
final class OnnxDenseStream {

    private static final Set<String> PASSED_OVER = new HashSet<>(Arrays.asList("Flatten", "Reshape", "Dropout", "Identity", "Constant"));

    /** One dense layer: where its weights are and how they are laid out. */
    private static final class Dense {
        Onnx.TensorProto w, bias;
        int nIn, nOut;
        boolean inputMajor; // w[i * nOut + j] (MatMul, Gemm transB=0); else w[j * nIn + i] (Gemm transB=1)
        double scale = 1, biasScale = 1;
    }

    private final Path file;
    private final List<Dense> layers;

    private OnnxDenseStream(Path file, List<Dense> layers) {
        this.file = file;
        this.layers = layers;
    }

    /** The stream of {@code file}, or null when it is no dense chain this class reads. */
    static OnnxDenseStream plan(Path file) throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        if (Files.size(file) > heap / 2) {
            throw new ModelFileException(file, "ONNX file of " + (Files.size(file) >> 20) + " MB: the Spark engine's driver holds it once "
                    + "and needs at least twice that in heap (" + (heap >> 20) + " MB now; raise -Xmx in NEURALGRAPH_JAVA_OPTS)");
        }
        Onnx.ModelProto model;
        try (InputStream stream = Files.newInputStream(file)) {
            CodedInputStream in = CodedInputStream.newInstance(stream, 1 << 16);
            in.setSizeLimit(Integer.MAX_VALUE);
            model = Onnx.ModelProto.parseFrom(in);
        } catch (IOException e) {
            throw new ModelFileException(file, "not a readable ONNX model: " + e.getMessage(), e);
        }
        Onnx.GraphProto g = model.getGraph();
        Map<String, Onnx.TensorProto> inits = new HashMap<>();
        for (Onnx.TensorProto t : g.getInitializerList()) inits.put(t.getName(), t);
        List<Dense> layers = new ArrayList<>();
        Dense last = null;
        for (Onnx.NodeProto n : g.getNodeList()) {
            String op = n.getOpType();
            if (op.equals("Gemm") && n.getInputCount() >= 2 && inits.containsKey(n.getInput(1)) && attr(n, "transA", 0) == 0) {
                Dense d = new Dense();
                d.w = inits.get(n.getInput(1));
                if (d.w.getDimsCount() != 2) return null;
                boolean transB = attr(n, "transB", 0) != 0;
                d.nIn = (int) d.w.getDims(transB ? 1 : 0);
                d.nOut = (int) d.w.getDims(transB ? 0 : 1);
                d.inputMajor = !transB;
                d.scale = attrF(n, "alpha", 1);
                d.biasScale = attrF(n, "beta", 1);
                if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) d.bias = inits.get(n.getInput(2));
                layers.add(d);
                last = d;
            } else if (op.equals("MatMul") && n.getInputCount() == 2 && inits.containsKey(n.getInput(1))) {
                Dense d = new Dense();
                d.w = inits.get(n.getInput(1));
                if (d.w.getDimsCount() != 2) return null;
                d.nIn = (int) d.w.getDims(0);
                d.nOut = (int) d.w.getDims(1);
                d.inputMajor = true;
                layers.add(d);
                last = d;
            } else if (op.equals("Add") && last != null && last.bias == null && n.getInputCount() == 2 && inits.containsKey(n.getInput(1))) {
                last.bias = inits.get(n.getInput(1));
            } else if (!OnnxModels.ACTIVATIONS.containsKey(op) && !PASSED_OVER.contains(op)) {
                return null; // a convolution, a branch, anything else: the in-memory builder reads it
            }
        }
        if (layers.isEmpty()) return null;
        for (int l = 1; l < layers.size(); l++) if (layers.get(l).nIn != layers.get(l - 1).nOut) return null;
        for (Dense d : layers) {
            if (d.w.getDataType() != Onnx.TensorProto.DataType.FLOAT_VALUE || d.w.getRawData().size() != 4L * d.nIn * d.nOut) return null;
            if (d.bias != null && (d.bias.getDataType() != Onnx.TensorProto.DataType.FLOAT_VALUE || d.bias.getRawData().size() != 4L * d.nOut)) return null;
        }
        return new OnnxDenseStream(file, layers);
    }

    /** Weights in the model. */
    long weights() {
        long n = 0;
        for (Dense d : layers) n += (long) d.nIn * d.nOut;
        return n;
    }

    /** The layer sizes, {@code 784-8000-8000-10}. */
    String sizes() {
        StringBuilder b = new StringBuilder().append(layers.get(0).nIn);
        for (Dense d : layers) b.append('-').append(d.nOut);
        return b.toString();
    }

    /** Writes every node, then every layer's edges, closing each layer's file before the next. */
    void write(EdgeTable table) throws IOException {
        int offset = 0;
        for (int l = 0; l <= layers.size(); l++) {
            int units = l == 0 ? layers.get(0).nIn : layers.get(l - 1).nOut;
            String name = l == 0 ? "input" : l == layers.size() ? "output" : "dense_" + l;
            ByteBuffer bias = l == 0 || layers.get(l - 1).bias == null ? null : floats(layers.get(l - 1).bias);
            double biasScale = l == 0 ? 1 : layers.get(l - 1).biasScale;
            for (int i = 0; i < units; i++) {
                double b = bias == null ? Double.NaN : biasScale * bias.getFloat(4 * i);
                table.node(offset + i, "L" + l + "N" + i, name + " #" + i, l, name, i, b);
            }
            offset += units;
        }
        int from = 0;
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            int to = from + d.nIn;
            ByteBuffer w = floats(d.w);
            int n = d.nIn * d.nOut;
            for (int k = 0; k < n; k++) {
                int i = d.inputMajor ? k / d.nOut : k % d.nIn, j = d.inputMajor ? k % d.nOut : k / d.nIn;
                double x = d.scale * w.getFloat(4 * k);
                table.edge(l + 1, from + i, to + j, Math.abs(x), x, DagWeightGraph.WEIGHT);
            }
            table.closeLayer(l + 1);
            from = to;
        }
    }

    private static ByteBuffer floats(Onnx.TensorProto t) {
        ByteString raw = t.getRawData();
        return raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long attr(Onnx.NodeProto n, String name, long dflt) {
        for (Onnx.AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getI();
        return dflt;
    }

    private static double attrF(Onnx.NodeProto n, String name, double dflt) {
        for (Onnx.AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a.getF();
        return dflt;
    }

    Path file() { return file; }
}
