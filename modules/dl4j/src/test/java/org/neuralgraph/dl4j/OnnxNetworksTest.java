package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.LayerSignal;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ONNX files exported by PyTorch 1.13 itself ({@code src/test/resources/onnx/make_torch_onnx.py}: Darnell and Leonard's MLP and
 * LeNet, the net-fragment study's model 7), converted into DL4J networks by {@link OnnxNetworks} and run by the project's own
 * recorders, against what PyTorch computed on the same four inputs and the parameters it saved.
 */
class OnnxNetworksTest {

    /** Largest relative difference (to max(|PyTorch value|, {@link #FLOOR})) accepted between DL4J and PyTorch. */
    static final double TOLERANCE = 1e-4;
    static final double FLOOR = 1e-2;

    private static Path onnx(String name) {
        return TorchReference.resource("onnx/" + name + ".onnx");
    }

    /** The saved parameters per layer in layer order, {weight, bias or null}, as PyTorch names and shapes them. */
    private static List<TorchReference.Tensor[]> parameters(String name) throws Exception {
        Map<String, TorchReference.Tensor[]> layers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, TorchReference.Tensor> e : TorchReference.read("onnx/" + name + ".expected.csv").entrySet()) {
            String module = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
            layers.computeIfAbsent(module, k -> new TorchReference.Tensor[2])[e.getKey().endsWith(".weight") ? 0 : 1] = e.getValue();
        }
        return new ArrayList<>(layers.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"torch_mlp", "torch_lenet", "torch_nf7", "torch_options"})
    void weightGraphCarriesExactlyPyTorchsWeights(String name) throws Exception {
        List<TorchReference.Tensor[]> p = parameters(name);
        ModelWeights m = ModelLoader.open(onnx(name)).checkpoints().get(0).weights(name);
        assertEquals(p.size(), m.layers().size());
        NeuralGraph g = WeightGraph.build(m, Sparsification.none());
        int[] layer = g.nodeColumns().get("layer").ints(), index = g.nodeColumns().get("index").ints();
        double[] bias = g.nodeColumns().get("bias").doubles(), value = g.edgeColumns().get("value").doubles();
        int[] units = new int[m.layers().size() + 1];
        units[0] = m.inputUnits();
        for (int v = 0; v < g.nodeCount(); v++) {
            if (layer[v] > 0) {
                TorchReference.Tensor b = p.get(layer[v] - 1)[1];
                assertEquals(b == null ? Double.NaN : b.values[index[v]], bias[v], 0.0, "bias of " + g.nodeId(v));
            }
            units[layer[v]] = Math.max(units[layer[v]], index[v] + 1);
        }
        long expectedEdges = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            int l = layer[g.target(e)], i = index[g.source(e)], o = index[g.target(e)];
            TorchReference.Tensor w = p.get(l - 1)[0];
            double want = 0;
            if (w.shape.length == 4) {                          // convolution: one edge per channel pair, the kernel's sum
                for (int y = 0; y < w.shape[2]; y++) for (int x = 0; x < w.shape[3]; x++) want += w.at(o, i, y, x);
                assertEquals(want, value[e], 1e-12, g.nodeId(g.source(e)) + " -> " + g.nodeId(g.target(e)));
            } else {                                            // nn.Linear [out, in]; after a convolution grouped by channel
                int group = w.shape[1] / units[l - 1];
                for (int x = i * group; x < (i + 1) * group; x++) want += w.at(o, x);
                assertEquals(want, value[e], group == 1 ? 0.0 : 1e-12, g.nodeId(g.source(e)) + " -> " + g.nodeId(g.target(e)));
            }
        }
        for (int l = 0; l < m.layers().size(); l++) expectedEdges += (long) units[l] * units[l + 1];
        assertEquals(expectedEdges, g.edgeCount());
        // the converted network holds the same numbers
        ModelWeights converted = Dl4jWeights.extract(OnnxNetworks.load(onnx(name)), name);
        for (int l = 0; l < m.layers().size(); l++) {
            assertArrayEquals(m.layers().get(l).rawWeights(), converted.layers().get(l).rawWeights(), 0.0, name + " layer " + l);
            assertEquals(m.layers().get(l).name(), converted.layers().get(l).name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"torch_mlp", "torch_lenet", "torch_nf7", "torch_options"})
    void recordersOnTheConvertedNetworkMatchPyTorch(String name) throws Exception {
        Map<String, TorchReference.Tensor> io = TorchReference.read("onnx/" + name + ".io.csv");
        TorchReference.Tensor input = io.get("input");
        int n = input.shape[0], h = input.shape[2], w = input.shape[3];
        MultiLayerNetwork net = OnnxNetworks.load(onnx(name));
        // one class per image, so that every per-class composite map is one image's map
        LabeledImages images = new LabeledImages(input.values, new int[]{0, 1, 2, 3}, h, w, n);
        assertTrue(NetworkInput.of(net).fits(h, w));
        StringBuilder report = new StringBuilder(name);

        INDArray out = net.output(Nd4j.create(input.values, new long[]{n, (long) h * w}, 'c'), false);
        float[] want = io.get("output").values.clone();
        if (name.equals("torch_lenet")) for (int i = 0; i < want.length; i++) want[i] = (float) Math.exp(want[i]); // LogSoftmax -> softmax
        check(report, "output", doubles(out), want);

        List<LayerActivations> acts = ActivationRecorder.record(net, images, ProgressMonitor.NONE);
        for (LayerActivations a : acts) {
            float[] v = a.values();
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) d[i] = v[i];
            check(report, "ActivationRecorder " + a.layerName(), d, io.get(a.layerName()).values);
        }
        assertEquals(io.keySet().stream().filter(k -> k.startsWith("dense_")).count(), acts.size());

        if (io.containsKey("conv_1")) {
            List<CompositeMaps> maps = FeatureMapRecorder.record(net, images, ProgressMonitor.NONE);
            for (CompositeMaps cm : maps) {
                TorchReference.Tensor t = io.get(cm.layerName());
                int size = t.values.length / n;
                assertArrayEquals(new int[]{t.shape[1], t.shape[2], t.shape[3]}, new int[]{cm.channels(), cm.height(), cm.width()});
                for (int s = 0; s < n; s++) {
                    double[] map = new double[size];
                    for (int c = 0; c < cm.channels(); c++) System.arraycopy(cm.map(s, c), 0, map, c * cm.height() * cm.width(), cm.height() * cm.width());
                    check(report, "FeatureMapRecorder " + cm.layerName() + " image " + s, map, Arrays.copyOfRange(t.values, s * size, (s + 1) * size));
                }
            }
            FirstLayerFilters filters = FirstLayerFilters.of(net, name);
            TorchReference.Tensor conv1 = parameters(name).get(0)[0];
            double[][] pts = filters.points();
            for (int o = 0; o < pts.length; o++) {
                for (int k = 0; k < pts[o].length; k++) assertEquals((double) conv1.values[o * pts[o].length + k], pts[o][k], 0.0);
            }
        }

        if (name.equals("torch_options")) { // padding, dilation: the contribution graph's own limits, said as for DL4J models
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerSignals.record(net, Arrays.copyOf(input.values, h * w), 1, h, w));
            assertTrue(e.getMessage().contains("without padding or dilation"), e.getMessage());
            System.out.println(report);
            return;
        }
        List<String> names = LayerSignals.layerNames(net);
        for (int s = 0; s < n; s++) {
            List<LayerSignal> signals = LayerSignals.record(net, Arrays.copyOfRange(input.values, s * h * w, (s + 1) * h * w), 1, h, w);
            for (int l = 0; l < signals.size(); l++) {
                String layerName = names.get(l);
                TorchReference.Tensor t = io.get(layerName);
                float[] expected = t.values;
                if (layerName.equals("output")) expected = want;
                int size = expected.length / n;
                check(report, "LayerSignals " + layerName + " image " + s, signals.get(l).output(), Arrays.copyOfRange(expected, s * size, (s + 1) * size));
            }
        }
        System.out.println(report);
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static void check(StringBuilder report, String what, double[] dl4j, float[] torch) {
        double d = TorchReference.maxRelativeDifference(dl4j, torch, FLOOR);
        report.append(String.format(Locale.ROOT, "%n  %-40s max rel. difference %.2e", what, d));
        assertTrue(d <= TOLERANCE, what + ": DL4J and PyTorch differ by " + d + " (relative)");
    }
}
