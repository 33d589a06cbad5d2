package org.neuralgraph.core.dag;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class DagWeightGraphTest {

    private static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = r.nextGaussian();
        return w;
    }

    /** A LeNet-like chain: conv 1->3 (3x3), conv 3->4 (2x2), dense from 4 channels x 5 positions to 6, dense 6 -> 2. */
    static ModelWeights chain() {
        List<LayerWeights> l = new ArrayList<>();
        l.add(LayerWeights.convolution("conv_1", 1, 3, 3, 3, random(27, 1), random(3, 2), "relu"));
        l.add(LayerWeights.convolution("conv_2", 3, 4, 2, 2, random(48, 3), null, "relu"));
        l.add(LayerWeights.dense("dense_1", 20, 6, random(120, 4), random(6, 5), "relu"));
        l.add(LayerWeights.dense("output", 6, 2, random(12, 6), random(2, 7), "softmax"));
        return new ModelWeights("chain", 1, l);
    }

    @Test
    void aChainGivesTodaysWeightGraphExactly() {
        for (Sparsification s : Arrays.asList(Sparsification.none(), Sparsification.percentile(50), Sparsification.topK(2))) {
            NeuralGraph old = WeightGraph.build(chain(), s);
            NeuralGraph dag = DagWeightGraph.build(NetworkDag.ofChain(chain()), Granularity.CHANNEL, KernelNorm.L1, s);
            assertSameGraph(old, dag);
        }
    }

    /** Node ids, labels, edges in order, weights, and every column and graph attribute of {@code old}. */
    static void assertSameGraph(NeuralGraph old, NeuralGraph dag) {
        assertEquals(old.nodeCount(), dag.nodeCount());
        assertEquals(old.edgeCount(), dag.edgeCount());
        for (int v = 0; v < old.nodeCount(); v++) {
            assertEquals(old.nodeId(v), dag.nodeId(v));
            assertEquals(old.nodeLabel(v), dag.nodeLabel(v));
        }
        assertArrayEquals(old.sources(), dag.sources());
        assertArrayEquals(old.targets(), dag.targets());
        assertArrayEquals(old.weights(), dag.weights());
        old.nodeColumns().forEach((id, c) -> {
            assertEquals(c.title(), dag.nodeColumns().get(id).title(), id);
            for (int i = 0; i < c.size(); i++) assertEquals(c.get(i), dag.nodeColumns().get(id).get(i), id);
        });
        old.edgeColumns().forEach((id, c) -> assertArrayEquals(c.doubles(), dag.edgeColumns().get(id).doubles(), id));
        old.graphAttributes().forEach((k, v) -> assertEquals(v, dag.graphAttributes().get(k), k));
    }

    /** input 2 -> conv a (2->2) -> conv b (2->2) -> add(b, input) -> dense 2->3. */
    static NetworkDag residual() {
        List<DagLayer> l = new ArrayList<>();
        l.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, 2).build());
        l.add(new DagLayer.Builder("/layer1/layer1.0/conv1/Conv", "Conv", DagLayer.Kind.CONVOLUTION, 2).input(Source.all(0, 2))
                .kernel(1, 2, 1).weights(new double[]{1, -2, 3, 4, -1, 1, 0.5, 0.5}).block("layer1.0").build());
        l.add(new DagLayer.Builder("/layer1/layer1.0/conv2/Conv", "Conv", DagLayer.Kind.CONVOLUTION, 2).input(Source.all(1, 2))
                .kernel(1, 1, 1).weights(new double[]{1, 2, 3, 4}).block("layer1.0").build());
        l.add(new DagLayer.Builder("/layer1/layer1.0/Add", "Add", DagLayer.Kind.ADD, 2).input(Source.all(0, 2)).input(Source.all(2, 2)).build());
        l.add(new DagLayer.Builder("/fc/Gemm", "Gemm", DagLayer.Kind.DENSE, 3).input(Source.all(3, 2)).weights(random(6, 9)).build());
        return new NetworkDag("res", "input [batch, 2, 4, 4]", l, Collections.singleton("Relu"));
    }

    @Test
    void aResidualAdditionMakesNoNodesAndSkipsIntoTheMainPath() {
        NetworkDag dag = residual();
        assertArrayEquals(new int[]{0, 1, 2, 2, 3}, dag.layers().stream().mapToInt(DagLayer::depth).toArray());
        NeuralGraph g = DagWeightGraph.build(dag, Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
        assertEquals(2 + 2 + 2 + 3, g.nodeCount());
        assertEquals(4 + 4 + 2 + 6, g.edgeCount());
        String[] kind = g.edgeColumns().get("kind").strings();
        int skips = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            if (!kind[e].equals("skip")) continue;
            skips++;
            assertEquals(1.0, g.weight(e));
            assertEquals("input", g.nodeColumns().get("layer_name").strings()[g.source(e)]);
            assertEquals("/layer1/layer1.0/conv2/Conv", g.nodeColumns().get("layer_name").strings()[g.target(e)]);
            assertEquals(g.nodeColumns().get("index").ints()[g.source(e)], g.nodeColumns().get("index").ints()[g.target(e)]);
        }
        assertEquals(2, skips);
        // the dense layer reads the addition, i.e. conv2's channels
        int e = edge(g, "L2N1", "L3N2");
        assertTrue(e >= 0);
        // conv1's kernel from input channel 1 to output channel 0 is {3, 4}: L1 7, L2 5, signed sum 7
        assertEquals(7, g.weight(edge(g, "L0N1", "L1N0")), 1e-12);
        NeuralGraph l2 = DagWeightGraph.build(dag, Granularity.CHANNEL, KernelNorm.L2, Sparsification.none());
        assertEquals(5, l2.weight(edge(l2, "L0N1", "L1N0")), 1e-12);
        assertEquals(7, l2.edgeColumns().get("value").doubles()[edge(l2, "L0N1", "L1N0")], 1e-12);
        assertEquals("l2", l2.graphAttributes().get("kernel_norm"));
        assertEquals("layer1.0", g.nodeColumns().get("block").strings()[3]);
        assertEquals("Relu", g.graphAttributes().get("operators_passed_over"));
        // sparsification keeps every skip edge
        NeuralGraph sparse = DagWeightGraph.build(dag, Granularity.CHANNEL, KernelNorm.L1, Sparsification.percentile(99));
        assertEquals(2, Arrays.stream(sparse.edgeColumns().get("kind").strings()).filter("skip"::equals).count());
    }

    @Test
    void groupedAndDepthwiseConvolutionsLinkWithinTheirGroups() {
        List<DagLayer> l = new ArrayList<>();
        l.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, 4).build());
        l.add(new DagLayer.Builder("grouped", "Conv", DagLayer.Kind.CONVOLUTION, 6).input(Source.all(0, 4)).kernel(3, 3, 2).weights(random(6 * 2 * 9, 1)).build());
        l.add(new DagLayer.Builder("depthwise", "Conv", DagLayer.Kind.CONVOLUTION, 6).input(Source.all(1, 6)).kernel(3, 3, 6).weights(random(6 * 9, 2)).build());
        NeuralGraph g = DagWeightGraph.build(new NetworkDag("g", "x", l, Collections.emptySet()), Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
        assertEquals(4 * 3 + 6, g.edgeCount());
        assertTrue(edge(g, "L0N1", "L1N2") >= 0);
        assertEquals(-1, edge(g, "L0N1", "L1N3"));
        assertTrue(edge(g, "L0N2", "L1N3") >= 0);
        for (int c = 0; c < 6; c++) assertTrue(edge(g, "L1N" + c, "L2N" + c) >= 0);
        double total = 0, expected = 0;
        for (double w : g.weights()) total += w;
        for (double w : l.get(1).weights()) expected += Math.abs(w);
        for (double w : l.get(2).weights()) expected += Math.abs(w);
        assertEquals(expected, total, 1e-9);
    }

    /** stream 4 -> in_proj 12 (Q, K, V of 2 heads of 2) -> attention -> out 4 -> add(out, stream). */
    static NetworkDag attention() {
        List<DagLayer> l = new ArrayList<>();
        l.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, 4).build());
        l.add(new DagLayer.Builder("in_proj", "MatMul", DagLayer.Kind.DENSE, 12).input(Source.all(0, 4)).weights(random(48, 3)).build());
        l.add(new DagLayer.Builder("attn", "Softmax", DagLayer.Kind.ATTENTION, 4).input(new Source(1, 0, 4)).input(new Source(1, 4, 4))
                .input(new Source(1, 8, 4)).heads(2, "").build());
        l.add(new DagLayer.Builder("out_proj", "Gemm", DagLayer.Kind.DENSE, 4).input(Source.all(2, 4)).weights(random(16, 4)).heads(0, "out").build());
        l.add(new DagLayer.Builder("add", "Add", DagLayer.Kind.ADD, 4).input(Source.all(0, 4)).input(Source.all(3, 4)).build());
        return new NetworkDag("attn", "x", l, Collections.emptySet());
    }

    @Test
    void attentionLinksQAndKToTheValuesOfTheirHeadAndOutReadsV() {
        NeuralGraph g = DagWeightGraph.build(attention(), Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
        assertEquals(4 + 12 + 4, g.nodeCount());
        long attention = Arrays.stream(g.edgeColumns().get("kind").strings()).filter("attention"::equals).count();
        assertEquals(2 * 2 * 2 * 2, attention); // Q and K, 2 heads, 2x2 each
        assertTrue(edge(g, "L1N0", "L1N9") >= 0);  // Q head 0 -> V head 0
        assertEquals(-1, edge(g, "L1N0", "L1N10")); // not to head 1
        assertTrue(edge(g, "L1N11", "L2N0") >= 0); // V -> out
        assertEquals(4 * 12 + 16 + 16 + 4, g.edgeCount());
        NeuralGraph block = DagWeightGraph.build(attention(), Granularity.BLOCK, KernelNorm.L1, Sparsification.none());
        assertEquals(3, block.nodeCount()); // input, in_proj (no heads on the packed projection), out_proj
        double sum = 0;
        for (int e = 0; e < g.edgeCount(); e++) sum += g.weight(e);
        double blockSum = 0;
        for (int e = 0; e < block.edgeCount(); e++) blockSum += block.weight(e);
        assertEquals(sum, blockSum, 1e-9);
        int total = Arrays.stream(block.edgeColumns().get("count").ints()).sum();
        assertEquals(g.edgeCount(), total);
    }

    @Test
    void blockGranularitySplitsProjectionsByHead() {
        List<DagLayer> l = new ArrayList<>();
        l.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, 4).build());
        for (String r : new String[]{"q", "k", "v"}) {
            l.add(new DagLayer.Builder(r, "MatMul", DagLayer.Kind.DENSE, 4).input(Source.all(0, 4)).weights(random(16, r.charAt(0))).heads(2, r).build());
        }
        l.add(new DagLayer.Builder("attn", "Softmax", DagLayer.Kind.ATTENTION, 4).input(Source.all(1, 4)).input(Source.all(2, 4)).input(Source.all(3, 4)).heads(2, "").build());
        NetworkDag dag = new NetworkDag("a", "x", l, Collections.emptySet());
        NeuralGraph g = DagWeightGraph.build(dag, Granularity.BLOCK, KernelNorm.L1, Sparsification.none());
        assertEquals(1 + 3 * 2, g.nodeCount());
        assertEquals("L1H1", g.nodeId(2));
        assertEquals(1, g.nodeColumns().get("head").ints()[2]);
        // weight edges input -> each head of q, k, v (6), attention q_h -> v_h and k_h -> v_h (4)
        assertEquals(10, g.edgeCount());
        NeuralGraph n = DagWeightGraph.build(dag, Granularity.NEURON, KernelNorm.L1, Sparsification.none());
        assertArrayEquals(new int[]{-1, -1, -1, -1, 0, 0, 1, 1}, Arrays.copyOf(n.nodeColumns().get("head").ints(), 8));
        assertEquals("q", n.nodeColumns().get("role").strings()[4]);
    }

    @Test
    void neuronGranularityRefusesConvolutionsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DagWeightGraph.build(residual(), Granularity.NEURON, KernelNorm.L1, Sparsification.none()));
        assertTrue(e.getMessage().contains("/layer1/layer1.0/conv1/Conv"), e.getMessage());
        assertTrue(e.getMessage().contains("granularity channel"), e.getMessage());
    }

    @Test
    void layersAreCheckedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new DagLayer.Builder("c", "Conv", DagLayer.Kind.CONVOLUTION, 3)
                .input(Source.all(0, 4)).kernel(1, 1, 2).weights(new double[6]).build()); // 2 groups do not divide 3
        List<DagLayer> l = new ArrayList<>();
        l.add(new DagLayer.Builder("input", "input", DagLayer.Kind.INPUT, 2).build());
        l.add(new DagLayer.Builder("d", "Gemm", DagLayer.Kind.DENSE, 1).input(new Source(0, 1, 2)).weights(new double[2]).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkDag("m", "x", l, Collections.emptySet()));
        assertTrue(e.getMessage().contains("'d' reads units 1..3"), e.getMessage());
        assertEquals(Granularity.BLOCK, Granularity.parse("Block"));
        assertThrows(IllegalArgumentException.class, () -> KernelNorm.parse("l3"));
    }

    static int edge(NeuralGraph g, String from, String to) {
        int s = g.indexOf(from), t = g.indexOf(to);
        for (int e = 0; e < g.edgeCount(); e++) if (g.source(e) == s && g.target(e) == t) return e;
        return -1;
    }
}
