package org.neuralgraph.dl4j;

import onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.dag.DagLayer;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ONNX graph reader on PyTorch's own exports (sample-models/onnx): the weight graph's nodes and edges against what the
 * files' initializers imply, counted here from the protobuf, not from the reader.
 */
class OnnxDagTest {

    static Path fixture(String name) {
        return Paths.get("../../sample-models/onnx/" + name + ".onnx");
    }

    static NeuralGraph channels(NetworkDag dag) {
        return DagWeightGraph.build(dag, Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
    }

    /** What the initializers imply: nodes, weight edges, sum |w| over weights, attention edges. */
    static final class Expected {
        long nodes, weightEdges, attentionEdges;
        double absSum;
    }

    /**
     * Counted from the file: every Conv's W [out, in/g, kh, kw] gives out nodes and out * in/g edges weighing sum |w|; every
     * Gemm (transB) or MatMul on a 2-D initializer [in, out] gives out nodes and in * out edges; an Add of a [T, d] table
     * gives T + d nodes and T * d edges; every attention of width d adds 2 * d * d_head attention edges.
     * {@code inputUnits} and the attentions ("64x4" -> how many) come from the model's definition (make-onnx.py).
     */
    static Expected expected(Path file, long inputUnits, Map<String, Integer> attentionWidthAndHeads) throws Exception {
        Onnx.ModelProto m = OnnxModels.parse(file, OnnxModels.MAX_FILE_BYTES);
        Map<String, Onnx.TensorProto> inits = m.getGraph().getInitializerList().stream().collect(Collectors.toMap(Onnx.TensorProto::getName, t -> t));
        Map<String, String> alias = new java.util.HashMap<>();
        for (Onnx.NodeProto n : m.getGraph().getNodeList()) if (n.getOpType().equals("Identity") && inits.containsKey(n.getInput(0))) alias.put(n.getOutput(0), n.getInput(0));
        Expected e = new Expected();
        e.nodes = inputUnits;
        Set<String> computed = new HashSet<>();
        computed.add(m.getGraph().getInput(0).getName());
        for (Onnx.NodeProto n : m.getGraph().getNodeList()) {
            boolean fromData = n.getInputList().stream().anyMatch(computed::contains);
            if (fromData) computed.addAll(n.getOutputList());
            Onnx.TensorProto w = n.getInputCount() > 1 ? inits.get(alias.getOrDefault(n.getInput(1), n.getInput(1))) : null;
            if (!fromData || w == null && !n.getOpType().equals("Add")) continue;
            switch (n.getOpType()) {
                case "Conv":
                    e.nodes += w.getDims(0);
                    e.weightEdges += w.getDims(0) * w.getDims(1);
                    e.absSum += abs(w, file);
                    break;
                case "Gemm":
                case "MatMul":
                    e.nodes += OnnxModels.attrI(n, "transB", 0) != 0 ? w.getDims(0) : w.getDims(1);
                    e.weightEdges += w.getDims(0) * w.getDims(1);
                    e.absSum += abs(w, file);
                    break;
                case "Add":
                    Onnx.TensorProto a = inits.get(alias.getOrDefault(n.getInput(0), n.getInput(0)));
                    Onnx.TensorProto b = inits.get(alias.getOrDefault(n.getInput(1), n.getInput(1)));
                    Onnx.TensorProto t = a != null ? a : b;
                    if (t != null && t.getDimsCount() == 2) { // a table of positions: its rows and its dimensions are nodes
                        e.nodes += t.getDims(0) + t.getDims(1);
                        e.weightEdges += t.getDims(0) * t.getDims(1);
                        e.absSum += abs(t, file);
                    }
                    break;
                default:
            }
        }
        for (Map.Entry<String, Integer> a : attentionWidthAndHeads.entrySet()) {
            String[] wh = a.getKey().split("x");
            int d = Integer.parseInt(wh[0]), heads = Integer.parseInt(wh[1]);
            e.attentionEdges += (long) a.getValue() * 2 * d * (d / heads);
        }
        return e;
    }

    static double abs(Onnx.TensorProto t, Path file) throws Exception {
        double s = 0;
        for (double x : OnnxModels.values(t, file)) s += Math.abs(x);
        return s;
    }

    static long count(NeuralGraph g, String kind) {
        return Arrays.stream(g.edgeColumns().get(DagWeightGraph.KIND).strings()).filter(kind::equals).count();
    }

    static double weightSum(NeuralGraph g) {
        double s = 0;
        String[] kind = g.edgeColumns().get(DagWeightGraph.KIND).strings();
        for (int e = 0; e < g.edgeCount(); e++) if (kind[e].equals(DagWeightGraph.WEIGHT)) s += g.weight(e);
        return s;
    }

    /** Width of every residual addition of two computed tensors: the sum of the ADD layers' units. */
    static long addWidths(NetworkDag dag) {
        return dag.layers().stream().filter(l -> l.kind() == DagLayer.Kind.ADD).mapToLong(DagLayer::units).sum();
    }

    void check(String name, long inputUnits, Map<String, Integer> attention) throws Exception {
        NetworkDag dag = OnnxDag.read(fixture(name));
        NeuralGraph g = channels(dag);
        Expected e = expected(fixture(name), inputUnits, attention);
        assertEquals(e.nodes, g.nodeCount(), name + " nodes");
        assertEquals(e.weightEdges, count(g, DagWeightGraph.WEIGHT), name + " weight edges");
        assertEquals(e.attentionEdges, count(g, DagWeightGraph.ATTENTION), name + " attention edges");
        assertEquals(addWidths(dag), count(g, DagWeightGraph.SKIP), name + " skip edges");
        assertEquals(e.weightEdges + e.attentionEdges + addWidths(dag), g.edgeCount(), name + " edges");
        assertEquals(e.absSum, weightSum(g), 1e-9 * e.absSum, name + " sum |w|");
    }

    @Test
    void resnetNodesEdgesAndWeightsMatchTheInitializers() throws Exception {
        check("resnet-narrow", 3, Map.of());
        NetworkDag dag = OnnxDag.read(fixture("resnet-narrow"));
        assertEquals(8, dag.layers().stream().filter(l -> l.kind() == DagLayer.Kind.ADD).count());
        // 3 + 8 + 4 x 8 + (4 x 16 + 16) + (4 x 32 + 32) + (4 x 64 + 64) + 10, no node per addition
        assertEquals(613, channels(dag).nodeCount());
        assertEquals(2 * 8 + 2 * 16 + 2 * 32 + 2 * 64, count(channels(dag), DagWeightGraph.SKIP));
        DagLayer conv = dag.layers().stream().filter(l -> l.name().equals("/model/layer1/layer1.0/conv1/Conv")).findFirst().orElseThrow();
        assertEquals("model.layer1.0", conv.block());
        assertTrue(conv.folded().contains("Relu"), conv.folded().toString());
    }

    @Test
    void batchNormalizationFoldsIntoTheConvolutionAsTheExporterDoes() throws Exception {
        NetworkDag bn = OnnxDag.read(fixture("resnet-narrow-bn"));
        NetworkDag folded = OnnxDag.read(fixture("resnet-narrow"));
        assertEquals(20, bn.batchNormFolded());
        assertEquals(0, folded.batchNormFolded());
        NeuralGraph a = channels(bn), b = channels(folded);
        assertEquals(b.nodeCount(), a.nodeCount());
        assertArrayEquals(b.sources(), a.sources());
        assertArrayEquals(b.targets(), a.targets());
        for (int e = 0; e < a.edgeCount(); e++) assertEquals(b.weight(e), a.weight(e), 1e-5 * Math.max(1e-3, b.weight(e)), "edge " + e);
        double[] ba = a.nodeColumns().get("bias").doubles(), bb = b.nodeColumns().get("bias").doubles();
        for (int v = 3; v < ba.length; v++) assertEquals(bb[v], ba[v], 1e-5 * Math.max(1, Math.abs(bb[v])), "bias of " + b.nodeId(v));
        assertEquals(20, a.graphAttributes().get("batch_norm_folded"));
    }

    @Test
    void mobilenetDepthwiseConvolutionsLinkChannelToChannel() throws Exception {
        check("mobilenet-narrow", 3, Map.of());
        NetworkDag dag = OnnxDag.read(fixture("mobilenet-narrow"));
        long depthwise = dag.layers().stream().filter(l -> l.kind() == DagLayer.Kind.CONVOLUTION && l.groups() > 1 && l.groups() == l.inputUnits()).count();
        assertEquals(17, depthwise);
        assertTrue(dag.passedOver().contains("Clip"));
    }

    @Test
    void densenetConcatenationsReadTheConcatenatedLayersNodes() throws Exception {
        check("densenet-mini", 1, Map.of());
        NetworkDag dag = OnnxDag.read(fixture("densenet-mini"));
        DagLayer dense2a = dag.layers().stream().filter(l -> l.name().equals("/model/dense2/a/Conv")).findFirst().orElseThrow();
        assertEquals(2, dense2a.inputs().size()); // the stem's 8 channels and dense1's 4
        assertEquals(12, dense2a.inputUnits());
        DagLayer grouped = dag.layers().stream().filter(l -> l.name().equals("/model/dense1/b/Conv")).findFirst().orElseThrow();
        assertEquals(2, grouped.groups());
        assertEquals(8 * 4 / 2, DagWeightGraphEdges.into(channels(dag), "/model/dense1/b/Conv"));
    }

    @Test
    void transformerHeadsRolesAndLayerNormInBothForms() throws Exception {
        for (String name : new String[]{"transformer-13", "transformer-17"}) {
            check(name, 28, Map.of("64x4", 2));
            NetworkDag dag = OnnxDag.read(fixture(name));
            NeuralGraph g = channels(dag);
            int[] head = g.nodeColumns().get("head").ints();
            String[] role = g.nodeColumns().get("role").strings();
            int[] perHead = new int[4];
            for (int v = 0; v < g.nodeCount(); v++) if (role[v].equals("q")) perHead[head[v]]++;
            assertArrayEquals(new int[]{32, 32, 32, 32}, perHead, name); // 2 layers x 16 units per head
            assertEquals(2, dag.layers().stream().filter(l -> l.kind() == DagLayer.Kind.ATTENTION).count());
            assertEquals(2, dag.layers().stream().filter(l -> l.role().equals("out")).count());
            long normalised = Arrays.stream(g.nodeColumns().get("norm_scale").doubles()).filter(x -> !Double.isNaN(x)).count();
            assertEquals(4 * 64, normalised, name); // norm1 and norm2 of two layers
            assertEquals(1, dag.layers().stream().filter(l -> l.kind() == DagLayer.Kind.EMBEDDING).count());
        }
        NeuralGraph a = channels(OnnxDag.read(fixture("transformer-13"))), b = channels(OnnxDag.read(fixture("transformer-17")));
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.nodeColumns().get("norm_scale").doubles(), b.nodeColumns().get("norm_scale").doubles());
    }

    @Test
    void anOperatorNotUnderstoodIsRefusedByNameNamingTheFileFirst(@TempDir Path dir) throws Exception {
        Onnx.ModelProto m = OnnxModels.parse(fixture("resnet-narrow"), OnnxModels.MAX_FILE_BYTES);
        Onnx.GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (g.getNode(i).getOpType().equals("Relu")) { g.setNode(i, g.getNode(i).toBuilder().setOpType("Foo")); break; }
        }
        Path bad = dir.resolve("foo.onnx");
        Files.write(bad, m.toBuilder().setGraph(g).build().toByteArray());
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxDag.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": ONNX operator Foo (node '/model/relu/Relu') is not supported"), e.getMessage());
    }

    /** Chains keep today's graph: read() hands them to OnnxModels; the graph walk gives the same nodes, edges and weights. */
    @Test
    void chainFixturesGiveTodaysWeightGraph() throws Exception {
        for (String name : new String[]{"mlp", "cnn", "torch_mlp", "torch_lenet", "torch_nf7", "torch_options"}) {
            Path file = Paths.get("src/test/resources/onnx/" + name + ".onnx");
            NeuralGraph old = WeightGraph.build(OnnxModels.read(file), Sparsification.none());
            NeuralGraph read = channels(OnnxDag.read(file));
            assertEquals(Arrays.asList(old.nodeColumns().get("layer_name").strings()), Arrays.asList(read.nodeColumns().get("layer_name").strings()), name);
            assertArrayEquals(old.weights(), read.weights(), name);
            NeuralGraph walked = channels(OnnxDag.walk(file));
            assertEquals(old.nodeCount(), walked.nodeCount(), name);
            assertArrayEquals(old.sources(), walked.sources(), name);
            assertArrayEquals(old.targets(), walked.targets(), name);
            assertArrayEquals(old.weights(), walked.weights(), 1e-12, name);
            assertArrayEquals(old.nodeColumns().get("layer").ints(), walked.nodeColumns().get("layer").ints(), name);
        }
    }

    /** Weight edges into a layer. */
    static final class DagWeightGraphEdges {
        static long into(NeuralGraph g, String layer) {
            String[] names = g.nodeColumns().get("layer_name").strings(), kind = g.edgeColumns().get(DagWeightGraph.KIND).strings();
            long n = 0;
            for (int e = 0; e < g.edgeCount(); e++) if (kind[e].equals(DagWeightGraph.WEIGHT) && names[g.target(e)].equals(layer)) n++;
            return n;
        }
    }
}
