package org.neuralgraph.core.netfragment;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.netfragment.ClassSelectivityTest.assertMessage;

class ContributionGraphTest {

    /**
     * Pixels x = (1, 0, 2) in one row; dense 3 -> 2 (ReLU), output 2 -> 2.
     * Hidden pre-activations: 1*1 + 0*5 + 2*0.5 + 0.5 = 2.5 and 1*(-1) + 0*5 + 2*2 - 10 = -7, so h = (2.5, 0);
     * outputs 2.5*2 + 0*3 + 0 = 5 and 2.5*(-1) + 0*4 + 1 = -1.5.
     */
    static ModelWeights denseModel() {
        LayerWeights d1 = LayerWeights.dense("dense_1", 3, 2, new double[]{1, -1, 5, 5, 0.5, 2}, new double[]{0.5, -10}, "relu");
        LayerWeights out = LayerWeights.dense("output", 2, 2, new double[]{2, -1, 3, 4}, new double[]{0, 1}, "identity");
        return new ModelWeights("hand", 3, Arrays.asList(d1, out));
    }

    static List<LayerSignal> denseSignals() {
        return Arrays.asList(
                LayerSignal.dense(new int[]{1, 1, 3}, new double[]{1, 0, 2}, new double[]{2.5, 0}),
                LayerSignal.dense(new int[]{2}, new double[]{2.5, 0}, new double[]{5, -1.5}));
    }

    @Test
    void handMadeDenseCase() {
        NeuralGraph g = ContributionGraph.build(denseModel(), denseSignals(), null, "three pixels");
        assertTrue(g.isDirected());
        assertEquals(3 + 2 + 2, g.nodeCount());
        assertEquals("px_r0c0", g.nodeId(0));
        assertEquals("px_r0c2", g.nodeId(2));
        assertEquals("L1N1", g.nodeId(4));
        assertEquals("class_0", g.nodeId(5));
        assertEquals("class_1", g.nodeId(6));
        // pixel 1 is 0 and hidden unit 1 is 0: their contributions are left out
        assertEquals(6, g.edgeCount());
        assertContribution(g, "px_r0c0", "L1N0", 1);
        assertContribution(g, "px_r0c0", "L1N1", -1);
        assertContribution(g, "px_r0c2", "L1N0", 1);
        assertContribution(g, "px_r0c2", "L1N1", 4);
        assertContribution(g, "L1N0", "class_0", 5);
        assertContribution(g, "L1N0", "class_1", -2.5);
        assertEquals(-1, edge(g, "px_r0c1", "L1N0"));
        assertEquals(-1, edge(g, "L1N1", "class_0"));
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 2, 2}, g.nodeColumns().get("layer").ints());
        assertArrayEquals(new int[]{0, 1, 2, 0, 1, 0, 1}, g.nodeColumns().get("unit").ints());
        assertArrayEquals(new double[]{1, 0, 2, 2.5, 0, 5, -1.5}, g.nodeColumns().get("activation").doubles(), 0);
        assertEquals("input", g.nodeColumns().get("layer_name").strings()[0]);
        assertEquals("output", g.nodeColumns().get("layer_name").strings()[6]);
        double[] bias = g.nodeColumns().get("bias").doubles();
        assertTrue(Double.isNaN(bias[0]));
        assertEquals(-10, bias[4], 0);
        assertNull(g.nodeColumns().get("dead"), "no class activity, no dead column");
        assertNull(g.nodeColumns().get("selectivity"));
        assertEquals(ContributionGraph.KIND, g.graphAttributes().get("graph_kind"));
        assertEquals("hand", g.graphAttributes().get("model"));
        assertEquals("three pixels", g.graphAttributes().get("input_label"));
        assertEquals("3-2-2", g.graphAttributes().get("layers"));
        // incoming contributions + bias = pre-activation: 1 + 1 + 0.5 = 2.5, -1 + 4 - 10 = -7; 5 + 0 = 5, -2.5 + 1 = -1.5
        assertEquals(2.5, incoming(g, "L1N0") + 0.5, 1e-12);
        assertEquals(-7, incoming(g, "L1N1") - 10, 1e-12);
        assertEquals(-1.5, incoming(g, "class_1") + 1, 1e-12);
        assertNull(ContributionGraph.build(denseModel(), denseSignals()).graphAttributes().get("input_label"));
    }

    @Test
    void deadAndSelectivityColumnsComeFromTheClassActivity() {
        ClassActivity hidden = new ClassActivity("dense_1", new double[][]{{1, 3}, {0, 0}}, new double[]{3, 0});
        ClassActivity out = new ClassActivity("output", new double[][]{{1, 1}, {2, 0}}, new double[]{1, 2});
        NeuralGraph g = ContributionGraph.build(denseModel(), denseSignals(), Arrays.asList(hidden, out), null);
        assertArrayEquals(new int[]{0, 0, 0, 0, 1, 0, 0}, g.nodeColumns().get("dead").ints());
        assertArrayEquals(new double[]{0, 0, 0, 0.5, 0, 0, 1}, g.nodeColumns().get("selectivity").doubles(), 1e-12);
        assertEquals(Integer.class, g.nodeColumns().get("dead").type());
        assertMessage("class activities", () -> ContributionGraph.build(denseModel(), denseSignals(), Collections.singletonList(hidden), null));
        assertMessage("has 1", () -> ContributionGraph.build(denseModel(), denseSignals(),
                Arrays.asList(new ClassActivity("dense_1", new double[][]{{1, 3}}, new double[]{3}), out), null));
    }

    /** A 3x3 image (values 1..9), a 2x2 kernel [[1, 2], [3, 4]]: each pixel meets the kernel weights that cover it. */
    @Test
    void pixelsOfAConvolutionCollectTheKernelWeightsThatCoverThem() {
        double[] img = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        LayerWeights conv = LayerWeights.convolution("conv_1", 1, 1, 2, 2, new double[]{1, 2, 3, 4}, new double[]{-40}, "relu");
        LayerWeights out = LayerWeights.dense("output", 4, 2, new double[]{1, 0, 1, 0, 1, 0, 1, 1}, new double[]{0, 0}, "identity");
        double[] pre = conv(img, 1, 3, 3, conv, 1);
        assertArrayEquals(new double[]{37 - 40, 47 - 40, 67 - 40, 77 - 40}, pre, 1e-12);
        double[] map = relu(pre);
        List<LayerSignal> s = Arrays.asList(
                LayerSignal.convolution(new int[]{1, 3, 3}, img, new int[]{1, 2, 2}, map, 1),
                LayerSignal.dense(new int[]{1, 2, 2}, map, new double[]{7 + 27 + 37, 37}));
        NeuralGraph g = ContributionGraph.build(new ModelWeights("conv", 1, Arrays.asList(conv, out)), s);
        assertEquals(9 + 1 + 2, g.nodeCount());
        assertContribution(g, "px_r0c0", "L1N0", 1 * 1);
        assertContribution(g, "px_r0c2", "L1N0", 3 * 2);
        assertContribution(g, "px_r2c0", "L1N0", 7 * 3);
        assertContribution(g, "px_r1c1", "L1N0", 5 * (1 + 2 + 3 + 4));
        assertContribution(g, "px_r0c1", "L1N0", 2 * (1 + 2));
        assertEquals(0, g.edgeColumns().get("contribution").doubles().length - g.edgeCount());
        assertEquals(37 + 47 + 67 + 77, incoming(g, "L1N0"), 1e-9);
        assertEquals((-3 + 7 + 27 + 37) / 4.0 + 3 / 4.0, g.nodeColumns().get("activation").doubles()[9], 1e-12, "mean of the map (0, 7, 27, 37)");
        // dense on the map: channel 0 -> class j sums over the positions
        assertContribution(g, "L1N0", "class_0", 7 + 27 + 37);
        assertContribution(g, "L1N0", "class_1", 37);
    }

    /**
     * The key identity on random models computed here directly: for every unit, incoming contributions + bias x
     * positions = its pre-activation summed over positions. A: two input channels, conv 3x3, max-pool 2x2/2, conv
     * 2x2, dense, output. B: conv 3x3 stride 2, conv 3x3, dense, output.
     */
    @Test
    void contributionsAddUpToThePreActivationOfEveryUnit() {
        Random rnd = new Random(7);
        for (boolean pooled : new boolean[]{true, false}) {
            int ch = 2, h = pooled ? 9 : 11, stride1 = pooled ? 1 : 2;
            double[] img = new double[ch * h * h];
            for (int i = 0; i < img.length; i++) img[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble();
            LayerWeights c1 = randomConv("conv_1", ch, 3, 3, rnd);
            int h1 = (h - 3) / stride1 + 1;
            double[] pre1 = conv(img, ch, h, h, c1, stride1), a1 = relu(pre1);
            double[] in2 = a1;
            int h2in = h1;
            if (pooled) { in2 = maxPool(a1, 3, h1, h1); h2in = h1 / 2; }
            int k2 = pooled ? 2 : 3;
            LayerWeights c2 = randomConv("conv_2", 3, 4, k2, rnd);
            int h2 = h2in - k2 + 1;
            double[] pre2 = conv(in2, 3, h2in, h2in, c2, 1), a2 = relu(pre2);
            LayerWeights d = randomDense("dense_1", a2.length, 5, rnd);
            double[] pre3 = dense(a2, d), a3 = relu(pre3);
            LayerWeights o = randomDense("output", 5, 3, rnd);
            double[] pre4 = dense(a3, o);
            List<LayerSignal> signals = Arrays.asList(
                    LayerSignal.convolution(new int[]{ch, h, h}, img, new int[]{3, h1, h1}, a1, stride1),
                    LayerSignal.convolution(new int[]{3, h2in, h2in}, in2, new int[]{4, h2, h2}, a2, 1),
                    LayerSignal.dense(new int[]{4, h2, h2}, a2, a3),
                    LayerSignal.dense(new int[]{5}, a3, pre4));
            ModelWeights model = new ModelWeights("random", ch, Arrays.asList(c1, c2, d, o));
            NeuralGraph g = ContributionGraph.build(model, signals);
            assertEquals(ch * h * h + 3 + 4 + 5 + 3, g.nodeCount());
            assertEquals("px_ch1_r0c0", g.nodeId(h * h));
            double[][] pre = {pre1, pre2, pre3, pre4};
            int[] positions = {h1 * h1, h2 * h2, 1, 1};
            for (int l = 0; l < 4; l++) {
                LayerWeights lw = model.layers().get(l);
                for (int u = 0; u < lw.nOut(); u++) {
                    double expected = 0;
                    for (int p = u * positions[l]; p < (u + 1) * positions[l]; p++) expected += pre[l][p];
                    String id = l == 3 ? "class_" + u : "L" + (l + 1) + "N" + u;
                    double got = incoming(g, id) + positions[l] * lw.bias(u);
                    assertEquals(expected, got, 1e-9 * (1 + Math.abs(expected)), (pooled ? "A " : "B ") + id);
                }
            }
            for (int e = 0; e < g.edgeCount(); e++) {
                double c = g.edgeColumns().get("contribution").doubles()[e];
                assertNotEquals(0, c);
                assertEquals(Math.abs(c), g.weight(e), 0);
            }
        }
    }

    @Test
    void signalsThatDoNotFitTheModelAreRejected() {
        ModelWeights m = denseModel();
        assertMessage("2 weight layers but 1 layer signals", () -> ContributionGraph.build(m, denseSignals().subList(0, 1)));
        assertMessage("takes 3 inputs", () -> ContributionGraph.build(m, Arrays.asList(
                LayerSignal.dense(new int[]{4}, new double[4], new double[2]), denseSignals().get(1))));
        assertMessage("2 outputs", () -> ContributionGraph.build(m, Arrays.asList(
                LayerSignal.dense(new int[]{3}, new double[3], new double[3]), denseSignals().get(1))));
        LayerWeights conv = LayerWeights.convolution("conv_1", 1, 2, 3, 3, new double[18], null, "relu");
        LayerWeights out = LayerWeights.dense("output", 2 * 7 * 7, 2, new double[196], null, "softmax");
        ModelWeights cm = new ModelWeights("c", 1, Arrays.asList(conv, out));
        assertMessage("into 7x7, not 6x6", () -> ContributionGraph.build(cm, Arrays.asList(
                LayerSignal.convolution(new int[]{1, 9, 9}, new double[81], new int[]{2, 6, 6}, new double[72], 1),
                LayerSignal.dense(new int[]{2, 7, 7}, new double[98], new double[2]))));
        assertMessage("maps 1 to 2 channels", () -> ContributionGraph.build(cm, Arrays.asList(
                LayerSignal.convolution(new int[]{2, 9, 9}, new double[162], new int[]{2, 7, 7}, new double[98], 1),
                LayerSignal.dense(new int[]{2, 7, 7}, new double[98], new double[2]))));
        assertMessage("spatial", () -> ContributionGraph.build(cm, Arrays.asList(
                LayerSignal.dense(new int[]{81}, new double[81], new double[98]),
                LayerSignal.dense(new int[]{2, 7, 7}, new double[98], new double[2]))));
        LayerWeights d2 = LayerWeights.dense("output", 4, 2, new double[8], null, "softmax");
        assertMessage("layer dense_1 has 2 units", () -> ContributionGraph.build(new ModelWeights("x", 3, Arrays.asList(m.layers().get(0), d2)), Arrays.asList(
                denseSignals().get(0), LayerSignal.dense(new int[]{4}, new double[4], new double[2]))));
        assertMessage("NaN", () -> LayerSignal.dense(new int[]{1}, new double[]{Double.NaN}, new double[1]));
        assertMessage("needs 6", () -> LayerSignal.dense(new int[]{1, 2, 3}, new double[5], new double[1]));
        assertMessage("{channels, height, width} or {n}", () -> LayerSignal.dense(new int[]{2, 3}, new double[6], new double[1]));
        assertMessage("stride", () -> new LayerSignal(new int[]{1}, new double[1], new int[]{1}, new double[1], 0));
    }

    // ---- a direct forward pass ----

    static LayerWeights randomConv(String name, int in, int out, int k, Random rnd) {
        double[] w = new double[out * in * k * k], b = new double[out];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian() * 0.5;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextGaussian() * 0.2;
        return LayerWeights.convolution(name, in, out, k, k, w, b, "relu");
    }

    static LayerWeights randomDense(String name, int in, int out, Random rnd) {
        double[] w = new double[in * out], b = new double[out];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian() * 0.5;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextGaussian() * 0.2;
        return LayerWeights.dense(name, in, out, w, b, "relu");
    }

    /** Pre-activation of a convolution without padding, NCHW. */
    static double[] conv(double[] x, int ch, int h, int w, LayerWeights lw, int stride) {
        int k = lw.kernelH(), oh = (h - k) / stride + 1, ow = (w - k) / stride + 1;
        double[] y = new double[lw.nOut() * oh * ow];
        for (int o = 0; o < lw.nOut(); o++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    double s = lw.bias(o);
                    for (int i = 0; i < ch; i++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) s += lw.kernel(o, i, ky, kx) * x[(i * h + r * stride + ky) * w + c * stride + kx];
                        }
                    }
                    y[(o * oh + r) * ow + c] = s;
                }
            }
        }
        return y;
    }

    static double[] maxPool(double[] x, int ch, int h, int w) {
        int oh = h / 2, ow = w / 2;
        double[] y = new double[ch * oh * ow];
        for (int i = 0; i < ch; i++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) m = Math.max(m, x[(i * h + 2 * r + dy) * w + 2 * c + dx]);
                    y[(i * oh + r) * ow + c] = m;
                }
            }
        }
        return y;
    }

    static double[] dense(double[] x, LayerWeights lw) {
        double[] y = new double[lw.nOut()];
        for (int j = 0; j < y.length; j++) {
            double s = lw.bias(j);
            for (int i = 0; i < x.length; i++) s += lw.dense(i, j) * x[i];
            y[j] = s;
        }
        return y;
    }

    static double[] relu(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.max(0, x[i]);
        return y;
    }

    // ---- graph look-ups ----

    static int edge(NeuralGraph g, String from, String to) {
        int a = g.indexOf(from), b = g.indexOf(to);
        assertTrue(a >= 0 && b >= 0, from + " / " + to);
        for (int e = 0; e < g.edgeCount(); e++) if (g.source(e) == a && g.target(e) == b) return e;
        return -1;
    }

    static void assertContribution(NeuralGraph g, String from, String to, double expected) {
        int e = edge(g, from, to);
        assertTrue(e >= 0, "no edge " + from + " -> " + to);
        assertEquals(expected, g.edgeColumns().get("contribution").doubles()[e], 1e-12, from + " -> " + to);
        assertEquals(Math.abs(expected), g.weight(e), 1e-12);
    }

    /** The sum of the signed contributions into a node. */
    static double incoming(NeuralGraph g, String node) {
        int v = g.indexOf(node);
        assertTrue(v >= 0, node);
        double s = 0;
        double[] c = g.edgeColumns().get("contribution").doubles();
        for (int e = 0; e < g.edgeCount(); e++) if (g.target(e) == v) s += c[e];
        return s;
    }
}
