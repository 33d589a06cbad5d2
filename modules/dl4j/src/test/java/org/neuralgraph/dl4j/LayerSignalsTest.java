package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.ClassActivity;
import org.neuralgraph.core.netfragment.ContributionGraph;
import org.neuralgraph.core.netfragment.LayerSignal;
import org.neuralgraph.core.netfragment.SegmentDigits;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 7, item 3b: layer signals of the net-fragment study's models and their contribution graphs, checked against DL4J. */
class LayerSignalsTest {

    static final LabeledImages DIGITS = SegmentDigits.standard().images();

    static float[] digit(int d) {
        return Arrays.copyOfRange(DIGITS.pixels(), d * 81, (d + 1) * 81);
    }

    @Test
    void shapesFollowTheNetworkThroughMaxPooling() {
        MultiLayerNetwork net = ModelFactory.build(NetFragmentModels.spec(7, 3));
        List<LayerSignal> s = LayerSignals.record(net, digit(8), 1, 9, 9);
        assertEquals(4, s.size());
        assertArrayEquals(new int[]{1, 9, 9}, s.get(0).inputShape());
        assertArrayEquals(new int[]{2, 7, 7}, s.get(0).outputShape());
        assertArrayEquals(new int[]{2, 3, 3}, s.get(1).inputShape(), "conv_2 receives the pooled maps");
        assertArrayEquals(new int[]{4, 1, 1}, s.get(1).outputShape());
        assertArrayEquals(new int[]{4, 1, 1}, s.get(2).inputShape());
        assertArrayEquals(new int[]{12}, s.get(2).outputShape());
        assertArrayEquals(new int[]{12}, s.get(3).inputShape());
        assertArrayEquals(new int[]{10}, s.get(3).outputShape());
        for (int i = 0; i < 81; i++) assertEquals(digit(8)[i], s.get(0).input()[i], 0);
        // the pooled input is the 2x2/2 maximum of conv_1's output (rows and columns 0..5 of the 7x7 map)
        double[] map = s.get(0).output(), pooled = s.get(1).input();
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < 3; r++) {
                for (int q = 0; q < 3; q++) {
                    double m = 0;
                    for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) m = Math.max(m, map[(c * 7 + 2 * r + dy) * 7 + 2 * q + dx]);
                    assertEquals(m, pooled[(c * 3 + r) * 3 + q], 0);
                }
            }
        }
        assertEquals(Arrays.asList("conv_1", "conv_2", "dense_1", "output"), LayerSignals.layerNames(net));
        double sum = 0;
        for (double p : s.get(3).output()) sum += p;
        assertEquals(1, sum, 1e-5, "the output is the softmax");
    }

    /** DL4J flattens NCHW maps for a dense layer in channel, row, column order: the order the graph assumes. */
    @Test
    void dl4jFlattensMapsChannelRowColumn() {
        INDArray maps = Nd4j.arange(2 * 3 * 4).castTo(DataType.FLOAT).reshape('c', 1, 2, 3, 4);
        INDArray flat = new CnnToFeedForwardPreProcessor(3, 4, 2).preProcess(maps, 1, LayerWorkspaceMgr.noWorkspaces());
        for (int c = 0; c < 2; c++) for (int h = 0; h < 3; h++) for (int w = 0; w < 4; w++) {
            assertEquals(maps.getDouble(0, c, h, w), flat.getDouble(0, (c * 3 + h) * 4 + w), 0);
        }
        MultiLayerNetwork net = ModelFactory.build(NetFragmentModels.spec(1, 2));
        assertTrue(net.getLayerWiseConfigurations().getInputPreProcess(1) instanceof CnnToFeedForwardPreProcessor);
    }

    /**
     * The key identity, against DL4J: for each unit of each weight layer, its incoming contributions plus its bias (times
     * the positions of a channel's map) equal its pre-activation (summed over the map). The pre-activation is DL4J's own:
     * the same network with that one layer's activation set to identity. Models nf-1 (conv), nf-7 (conv, max-pool,
     * conv), nf-10 (dense), untrained (PyTorch's initialisation gives non-zero biases), on four digits.
     */
    @Test
    void contributionsAddUpToDl4jsPreActivation() {
        for (int model : new int[]{1, 7, 10}) {
            ModelSpec spec = NetFragmentModels.spec(model, 11);
            MultiLayerNetwork net = ModelFactory.build(spec);
            ModelWeights weights = Dl4jWeights.extract(net, spec.name);
            List<Integer> weightLayers = LayerSignals.weightLayers(net);
            for (int d : new int[]{0, 1, 4, 8}) {
                List<LayerSignal> signals = LayerSignals.record(net, digit(d), 1, 9, 9);
                NeuralGraph g = ContributionGraph.build(weights, signals, null, "digit " + d);
                int checkedPositive = 0;
                for (int l = 0; l < weightLayers.size(); l++) {
                    double[] pre = preActivation(net, weightLayers.get(l), digit(d));
                    LayerWeights lw = weights.layers().get(l);
                    int positions = signals.get(l).outputPositions();
                    assertEquals(lw.nOut() * positions, pre.length);
                    for (int u = 0; u < lw.nOut(); u++) {
                        double expected = 0;
                        for (int p = u * positions; p < (u + 1) * positions; p++) expected += pre[p];
                        String id = l == weightLayers.size() - 1 ? "class_" + u : "L" + (l + 1) + "N" + u;
                        double got = incoming(g, id) + positions * lw.bias(u);
                        assertEquals(expected, got, 1e-4 * (1 + Math.abs(expected)), spec.name + ", digit " + d + ", " + lw.name() + " unit " + u);
                        // a ReLU neuron that is on outputs its pre-activation
                        double out = signals.get(l).output()[u];
                        if (positions == 1 && "relu".equals(lw.activation()) && out > 0) {
                            assertEquals(out, got, 1e-4 * (1 + out));
                            checkedPositive++;
                        }
                    }
                }
                assertTrue(checkedPositive > 0, spec.name + ": some ReLU neuron is on");
            }
        }
    }

    /** DL4J's pre-activation of layer {@code layer}: a copy whose layer has the identity as activation. */
    static double[] preActivation(MultiLayerNetwork net, int layer, float[] image) {
        MultiLayerNetwork copy = net.clone();
        ((BaseLayer) copy.getLayer(layer).conf().getLayer()).setActivationFn(new ActivationIdentity());
        INDArray x = Nd4j.create(image, new long[]{1, image.length}, 'c');
        return copy.feedForward(x, false).get(layer + 1).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    @Test
    void modelOneGraphHasPixelsChannelsHeadAndClassesWithDeadAndSelectivity() {
        ModelSpec spec = NetFragmentModels.spec(1, 5);
        MultiLayerNetwork net = ModelFactory.build(spec);
        List<ClassActivity> activity = LayerSignals.classActivity(net, DIGITS);
        assertEquals(3, activity.size());
        assertEquals(Arrays.asList("conv_1", "dense_1", "output"), Arrays.asList(activity.get(0).layerName(), activity.get(1).layerName(), activity.get(2).layerName()));
        NeuralGraph g = ContributionGraph.build(Dl4jWeights.extract(net, spec.name), LayerSignals.record(net, digit(3), 1, 9, 9), activity, "digit 3");
        assertEquals(81 + 2 + 12 + 10, g.nodeCount());
        assertEquals("px_r4c4", g.nodeId(4 * 9 + 4));
        assertEquals("L1N1", g.nodeId(82));
        assertEquals("L2N0", g.nodeId(83));
        assertEquals("class_9", g.nodeId(104));
        assertNotNull(g.nodeColumns().get("dead"));
        assertNotNull(g.nodeColumns().get("selectivity"));
        int[] dead = g.nodeColumns().get("dead").ints();
        double[] sel = g.nodeColumns().get("selectivity").doubles();
        int[] layer = g.nodeColumns().get("layer").ints();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (layer[v] == 0) {
                assertEquals(0, dead[v]);
                assertEquals(0, sel[v], 0);
            } else {
                int u = g.nodeColumns().get("unit").ints()[v];
                ClassActivity a = activity.get(layer[v] - 1);
                assertEquals(a.dead(u) ? 1 : 0, dead[v]);
                assertEquals(a.selectivity(u), sel[v], 0);
                assertTrue(sel[v] >= 0 && sel[v] <= 1);
            }
        }
        assertEquals("digit 3", g.graphAttributes().get("input_label"));
        assertEquals("nf-1", g.graphAttributes().get("model"));
        assertEquals("81-2-12-10", g.graphAttributes().get("layers"));
        // edges leave only from lit pixels: digit 3 has pixels, no edge starts at an unlit pixel
        float[] img = digit(3);
        for (int e = 0; e < g.edgeCount(); e++) if (g.source(e) < 81) assertEquals(1f, img[g.source(e)], 0);
    }

    /** One image per class: the class mean is the recorded output itself (a channel: the mean of its map); dead = never above 0. */
    @Test
    void classActivityAgreesWithTheRecordedSignals() {
        MultiLayerNetwork net = ModelFactory.build(NetFragmentModels.spec(10, 4));
        List<ClassActivity> activity = LayerSignals.classActivity(net, DIGITS);
        assertEquals(3, activity.size());
        assertEquals(81, activity.get(0).units());
        assertEquals(10, activity.get(0).classes());
        double[][] max = new double[3][];
        for (int d = 0; d < 10; d++) {
            List<LayerSignal> s = LayerSignals.record(net, digit(d), 1, 9, 9);
            for (int l = 0; l < 3; l++) {
                if (max[l] == null) max[l] = new double[s.get(l).outputUnits()];
                for (int u = 0; u < s.get(l).outputUnits(); u++) {
                    assertEquals(s.get(l).meanOutput(u), activity.get(l).classMean(u, d), 1e-12);
                    max[l][u] = Math.max(max[l][u], s.get(l).meanOutput(u));
                }
            }
        }
        int deadCount = 0;
        for (int l = 0; l < 3; l++) {
            for (int u = 0; u < max[l].length; u++) {
                assertEquals(max[l][u] == 0, activity.get(l).dead(u));
                if (activity.get(l).dead(u)) deadCount++;
            }
        }
        assertTrue(deadCount > 0, "untrained FC 81 with PyTorch's initialisation has units never on for the ten digits");

        MultiLayerNetwork cnn = ModelFactory.build(NetFragmentModels.spec(2, 4));
        ClassActivity conv = LayerSignals.classActivity(cnn, DIGITS).get(0);
        LayerSignal s5 = LayerSignals.record(cnn, digit(5), 1, 9, 9).get(0);
        for (int c = 0; c < 4; c++) {
            double mean = 0, m = 0;
            for (int p = c * 49; p < (c + 1) * 49; p++) { mean += s5.output()[p]; m = Math.max(m, s5.output()[p]); }
            assertEquals(mean / 49, conv.classMean(c, 5), 1e-12);
            assertTrue(conv.max(c) >= m);
        }
    }

    @Test
    void unsupportedLayersAndWrongImagesAreRefused() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(4).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new OutputLayer.Builder().nOut(2).build())
                .setInputType(InputType.feedForward(81)).build();
        MultiLayerNetwork withDropout = new MultiLayerNetwork(conf);
        withDropout.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSignals.record(withDropout, digit(0), 1, 9, 9));
        assertTrue(e.getMessage().contains("layer 1 (DropoutLayer) is not supported"), e.getMessage());

        MultiLayerNetwork net = ModelFactory.build(NetFragmentModels.spec(1, 1));
        e = assertThrows(IllegalArgumentException.class, () -> LayerSignals.record(net, new float[80], 1, 9, 9));
        assertTrue(e.getMessage().contains("80 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LayerSignals.record(net, new float[81], 1, 3, 27));
        assertTrue(e.getMessage().contains("not as the given [1, 3, 27]"), e.getMessage());
        float[] nan = digit(0);
        nan[5] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> LayerSignals.record(net, nan, 1, 9, 9));
        assertTrue(e.getMessage().contains("pixel 5"), e.getMessage());
        MultiLayerNetwork mlp = ModelFactory.build(NetFragmentModels.spec(9, 1));
        e = assertThrows(IllegalArgumentException.class, () -> LayerSignals.record(mlp, new float[64], 1, 8, 8));
        assertTrue(e.getMessage().contains("takes 81 inputs"), e.getMessage());
    }

    static double incoming(NeuralGraph g, String node) {
        int v = g.indexOf(node);
        assertTrue(v >= 0, node);
        double s = 0;
        double[] c = g.edgeColumns().get("contribution").doubles();
        for (int e = 0; e < g.edgeCount(); e++) if (g.target(e) == v) s += c[e];
        return s;
    }
}
