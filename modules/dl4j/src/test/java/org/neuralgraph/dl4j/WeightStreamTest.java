package org.neuralgraph.dl4j;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.backbone.DisparityFilter;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.dag.LayerWeightStatistics;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.dag.WeightStream;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The streaming path ({@link WeightStream}: edges generated pass after pass, none stored) against the in-memory graph
 * ({@link DagWeightGraph#build}) on PyTorch's exports in sample-models/onnx and on a chain: degrees, strengths, per-layer
 * weight statistics, the disparity backbone and the reduction summary must be the same.
 */
class WeightStreamTest {

    static NetworkDag onnx(String name) throws Exception {
        return OnnxDag.read(Paths.get("../../sample-models/onnx/" + name + ".onnx"));
    }

    static NetworkDag chain() {
        Random r = new Random(3);
        List<LayerWeights> layers = new ArrayList<>();
        int[] sizes = {30, 20, 12, 5};
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[] w = new double[sizes[l] * sizes[l + 1]];
            for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() * (1 + (i % 7 == 0 ? 3 : 0));
            layers.add(LayerWeights.dense("dense_" + l, sizes[l], sizes[l + 1], w, new double[sizes[l + 1]], "relu"));
        }
        return NetworkDag.ofChain(new ModelWeights("chain", sizes[0], layers));
    }

    @Test
    void chainStreamEqualsInMemory() { same(chain(), Granularity.NEURON); }

    @Test
    void resnetStreamEqualsInMemory() throws Exception { same(onnx("resnet-narrow"), Granularity.CHANNEL); }

    @Test
    void mobilenetStreamEqualsInMemory() throws Exception { same(onnx("mobilenet-narrow"), Granularity.CHANNEL); }

    @Test
    void transformerStreamEqualsInMemory() throws Exception { same(onnx("transformer-13"), Granularity.NEURON); }

    @Test
    void densenetStreamEqualsInMemory() throws Exception { same(onnx("densenet-mini"), Granularity.CHANNEL); }

    /** nn.Embedding over token ids (Gather of an initializer) and learned positions (Range, Gather): GPT-2's front. */
    @Test
    void tokenEmbeddingModelIsReadAndStreams() throws Exception {
        NetworkDag dag = onnx("gpt-tiny");
        NeuralGraph g = DagWeightGraph.build(dag, Granularity.NEURON, KernelNorm.L1, Sparsification.none());
        assertEquals("L0N49", g.nodeId(49), "a node per token of the vocabulary of 50");
        assertEquals(50 * 16, count(g, "tok", "/tok/Gather"), "the embedding table's 50 x 16 weights are edges");
        same(dag, Granularity.NEURON);
    }

    private static int count(NeuralGraph g, String fromLayer, String toLayer) {
        String[] names = g.nodeColumns().get("layer_name").strings();
        int n = 0;
        for (int e = 0; e < g.edgeCount(); e++) if (names[g.source(e)].startsWith(fromLayer) && names[g.target(e)].equals(toLayer)) n++;
        return n;
    }

    static void same(NetworkDag dag, Granularity granularity) {
        NeuralGraph all = DagWeightGraph.build(dag, granularity, KernelNorm.L1, Sparsification.none());
        WeightStream.Result r = WeightStream.analyse(dag, granularity, KernelNorm.L1, Sparsification.disparity(0.05), ProgressMonitor.NONE);
        String[] kind = all.edgeColumns().get(DagWeightGraph.KIND).strings();
        double[] value = all.edgeColumns().get("value").doubles();

        // degrees and strengths over the weight edges, summed in the graph's edge order
        int n = all.nodeCount();
        int[] in = new int[n], out = new int[n];
        double[] sin = new double[n], sout = new double[n];
        Map<String, List<double[]>> perLayer = new LinkedHashMap<>();
        long weightEdges = 0;
        for (int e = 0; e < all.edgeCount(); e++) {
            if (!kind[e].equals(DagWeightGraph.WEIGHT)) continue;
            weightEdges++;
            int u = all.source(e), v = all.target(e);
            out[u]++; in[v]++; sout[u] += all.weight(e); sin[v] += all.weight(e);
            String layer = all.nodeId(v).substring(0, all.nodeId(v).indexOf('N'));
            perLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(new double[]{value[e], all.weight(e)});
        }
        assertEquals(weightEdges, r.weightEdges());
        assertEquals(all.edgeCount() - weightEdges, r.structuralEdges());
        DisparityFilter.Strengths s = r.strengths();
        for (int v = 0; v < n; v++) {
            assertEquals(all.nodeId(v), r.nodeId(v));
            assertEquals(in[v], s.inDegree(v), "in-degree of " + all.nodeId(v));
            assertEquals(out[v], s.outDegree(v), "out-degree of " + all.nodeId(v));
            assertEquals(sin[v], s.inStrength(v), 0, "in-strength of " + all.nodeId(v));
            assertEquals(sout[v], s.outStrength(v), 0, "out-strength of " + all.nodeId(v));
        }

        // per-layer statistics: moments exact, quantiles within one histogram bin of the exact order statistic
        List<List<double[]>> layers = new ArrayList<>(perLayer.values());
        assertEquals(layers.size(), r.layerStatistics().size());
        for (int l = 0; l < layers.size(); l++) {
            List<double[]> edges = layers.get(l);
            LayerWeightStatistics st = r.layerStatistics().get(l);
            double sum = 0, sq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            double[] abs = new double[edges.size()];
            for (int i = 0; i < abs.length; i++) {
                double x = edges.get(i)[0];
                sum += x; sq += x * x; min = Math.min(min, x); max = Math.max(max, x);
                abs[i] = edges.get(i)[1];
            }
            assertEquals(abs.length, st.count(), st.layer());
            assertEquals(sum / abs.length, st.mean(), 0, st.layer());
            assertEquals(Math.sqrt(Math.max(0, sq / abs.length - (sum / abs.length) * (sum / abs.length))), st.std(), 0, st.layer());
            assertEquals(min, st.min(), 0);
            assertEquals(max, st.max(), 0);
            Arrays.sort(abs);
            for (double q : LayerWeightStatistics.QUANTILES) {
                double exact = abs[(int) Math.max(1, Math.ceil(q * abs.length)) - 1];
                assertEquals(exact, st.absQuantile(q), st.binWidth() + 1e-12, st.layer() + " quantile " + q);
            }
        }

        // the disparity backbone and its summary
        NeuralGraph backbone = DagWeightGraph.build(dag, granularity, KernelNorm.L1, Sparsification.disparity(0.05));
        NeuralGraph streamed = r.backbone();
        assertEquals(backbone.nodeCount(), streamed.nodeCount());
        assertArrayEquals(backbone.sources(), streamed.sources());
        assertArrayEquals(backbone.targets(), streamed.targets());
        assertArrayEquals(backbone.weights(), streamed.weights(), 0);
        assertArrayEquals(backbone.edgeColumns().get(DagWeightGraph.KIND).strings(), streamed.edgeColumns().get(DagWeightGraph.KIND).strings());
        assertEquals(backbone.graphAttributes().get(WeightGraph.REDUCTION_SUMMARY), streamed.graphAttributes().get(WeightGraph.REDUCTION_SUMMARY));
        assertEquals(backbone.graphAttributes().get(WeightGraph.REDUCTION), streamed.graphAttributes().get(WeightGraph.REDUCTION));
        assertTrue(backbone.edgeCount() < all.edgeCount());

        // auto over a small budget: the same level chosen both ways, said in the reduction line
        int budget = Math.max(1, (int) (weightEdges / 20));
        NeuralGraph auto = DagWeightGraph.build(dag, granularity, KernelNorm.L1, Sparsification.auto(budget));
        WeightStream.Result ra = WeightStream.analyse(dag, granularity, KernelNorm.L1, Sparsification.auto(budget), ProgressMonitor.NONE);
        assertEquals(auto.graphAttributes().get("sparsification"), ra.applied().toString());
        assertTrue(ra.applied().isDisparity(), ra.applied().toString());
        assertArrayEquals(auto.sources(), ra.backbone().sources());
        assertArrayEquals(auto.targets(), ra.backbone().targets());
        assertTrue(ra.reduction().startsWith("reduced by the disparity filter"), ra.reduction());
        assertTrue(ra.reduction().endsWith("auto: the graph has over " + String.format(java.util.Locale.ROOT, "%,d", budget) + " weight edges, '--sparsify none' keeps every edge"), ra.reduction());
    }
}
