package org.neuralgraph.dl4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX Runtime on the models PyTorch exported (sample-models/onnx, made by its make-onnx.py with Debian's python3-torch
 * 1.13): every hooked module's output equals PyTorch's to 1e-4 relative, as max |ort - torch| / max(max |torch|, 1e-6)
 * over the tensor.
 */
class OnnxRuntimeActivationsTest {

    static final Path DIR = Paths.get("../../sample-models/onnx").toAbsolutePath().normalize();

    /** PyTorch's tensors of NAME.reference.csv, by name: "input", the hooked modules, "output". */
    static Map<String, OnnxRuntimeActivations.Tensor> reference(String model) throws IOException {
        Map<String, OnnxRuntimeActivations.Tensor> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve(model + ".reference.csv"))) {
            String[] f = line.split(",", 3);
            long[] shape = Arrays.stream(f[1].split("x")).mapToLong(Long::parseLong).toArray();
            String[] v = f[2].trim().split(" ");
            float[] values = new float[v.length];
            for (int i = 0; i < v.length; i++) values[i] = Float.parseFloat(v[i]);
            out.put(f[0], new OnnxRuntimeActivations.Tensor(shape, values));
        }
        return out;
    }

    static double relativeError(float[] a, float[] b) {
        double diff = 0, scale = 1e-6;
        for (int i = 0; i < b.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet-narrow", "resnet-narrow-bn", "mobilenet-narrow", "transformer-13", "transformer-17", "densenet-mini"})
    void everyHookedTensorEqualsPyTorchs(String model) throws IOException {
        Map<String, OnnxRuntimeActivations.Tensor> ref = reference(model);
        OnnxRuntimeActivations.Tensor input = ref.remove("input");
        Map<String, OnnxRuntimeActivations.Tensor> got = OnnxRuntimeActivations.open(DIR.resolve(model + ".onnx"))
                .tensors(input.values, input.shape, new ArrayList<>(ref.keySet()));
        double worst = 0;
        for (Map.Entry<String, OnnxRuntimeActivations.Tensor> e : ref.entrySet()) {
            OnnxRuntimeActivations.Tensor t = got.get(e.getKey());
            assertArrayEquals(e.getValue().shape, t.shape, e.getKey());
            double err = relativeError(t.values, e.getValue().values);
            assertTrue(err <= 1e-4, model + " " + e.getKey() + ": relative error " + err);
            worst = Math.max(worst, err);
        }
        System.out.printf(Locale.ROOT, "%s: %d tensors, max relative error %.2e%n", model, ref.size(), worst);
    }

    @Test
    void everyHiddenLayerOfAResNetIsEachReluAndEachBlocksOutput() throws IOException {
        List<String> layers = OnnxRuntimeActivations.open(DIR.resolve("resnet-narrow.onnx")).hiddenLayers();
        List<String> expected = new ArrayList<>(List.of("relu"));
        for (int s = 1; s <= 4; s++) {
            for (int b = 0; b < 2; b++) {
                expected.add("/model/layer" + s + "/layer" + s + "." + b + "/relu/Relu_output_0");
                expected.add("layer" + s + "." + b);
            }
        }
        assertEquals(expected, layers);
        assertEquals(expected, OnnxRuntimeActivations.open(DIR.resolve("resnet-narrow-bn.onnx")).hiddenLayers(), "BatchNormalization kept");
    }

    @Test
    void everyHiddenLayerOfATransformerIsEachSubLayersOutputAndTheFeedForwardHiddenLayer() throws IOException {
        List<String> seventeen = OnnxRuntimeActivations.open(DIR.resolve("transformer-17.onnx")).hiddenLayers();
        List<String> expected = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            expected.add("/model/enc/layers." + l + "/norm1/LayerNormalization_output_0");
            expected.add("/model/enc/layers." + l + "/Mul_1_output_0");
            expected.add("enc.layers." + l);
        }
        assertEquals(expected, seventeen);
        List<String> thirteen = OnnxRuntimeActivations.open(DIR.resolve("transformer-13.onnx")).hiddenLayers();
        assertEquals(6, thirteen.size(), thirteen.toString());
        assertEquals("enc.layers.0", thirteen.get(2), "LayerNorm written out by opset 13 is followed to its end");
        assertEquals("enc.layers.1", thirteen.get(5));
    }

    @Test
    void mobileNetAndDenseNetHiddenLayers() throws IOException {
        List<String> mobile = OnnxRuntimeActivations.open(DIR.resolve("mobilenet-narrow.onnx")).hiddenLayers();
        System.out.println("mobilenet-narrow: " + mobile.size() + " hidden layers " + mobile);
        for (String residual : new String[]{"features.3", "features.5", "features.6"}) assertTrue(mobile.contains(residual), residual);
        List<String> dense = OnnxRuntimeActivations.open(DIR.resolve("densenet-mini.onnx")).hiddenLayers();
        System.out.println("densenet-mini: " + dense);
        assertEquals(List.of("/model/Relu_output_0", "/model/dense1/Mul_output_0", "/model/dense1/Clip_output_0", "/model/dense2/Mul_output_0",
                "/model/dense2/Clip_output_0"), dense, "ReLU of the stem, Hardswish and ReLU6 (Relu, Clip) of each dense layer");
        assertEquals(46, mobile.size(), "features.0, the expansion's and the depthwise convolution's ReLU6 in each block, the residual sums");
    }

    /** A digit into a 3x32x32 ResNet: 2 black pixels around it, grey over the 3 channels; units are channels (mean over positions). */
    @Test
    void imagesAreAdaptedAndMapsReducedToChannels() throws IOException {
        OnnxRuntimeActivations ort = OnnxRuntimeActivations.open(DIR.resolve("resnet-narrow.onnx"));
        int n = 3;
        float[] px = new float[n * 28 * 28];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
        LabeledImages images = new LabeledImages(px, new int[]{0, 1, 1}, 28, 28, 2);
        ort.checkInput(28, 28);
        assertTrue(ort.inputAdaptation(28, 28).contains("3x32x32"), ort.inputAdaptation(28, 28));
        List<LayerActivations> acts = ort.activations(images, ProgressMonitor.NONE);
        assertEquals(17, acts.size());
        assertEquals(8, acts.get(0).neurons());
        assertEquals("layer4.1", acts.get(16).layerName());
        assertEquals(64, acts.get(16).neurons());

        float[] x = new float[n * 3 * 32 * 32];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 28; i++) System.arraycopy(px, s * 784 + i * 28, x, ((s * 3 + c) * 32 + i + 2) * 32 + 2, 28);
            }
        }
        OnnxRuntimeActivations.Tensor t = ort.tensors(x, new long[]{n, 3, 32, 32}, List.of("layer1.0")).get("layer1.0");
        int plane = (int) (t.shape[2] * t.shape[3]);
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < 8; c++) {
                double sum = 0;
                for (int p = 0; p < plane; p++) sum += t.values[(s * 8 + c) * plane + p];
                assertEquals(sum / plane, acts.get(2).get(s, c), 1e-5);
            }
        }
        List<CompositeMaps> maps = ort.featureMaps(images, ProgressMonitor.NONE);
        assertEquals(17, maps.size());
        assertEquals(16, maps.get(0).height());
    }

    @Test
    void aTransformerLayersUnitsAreItsDimensionsAveragedOverTokens() throws IOException {
        OnnxRuntimeActivations ort = OnnxRuntimeActivations.open(DIR.resolve("transformer-17.onnx"));
        Map<String, OnnxRuntimeActivations.Tensor> ref = reference("transformer-17");
        OnnxRuntimeActivations.Tensor in = ref.get("input");
        LabeledImages images = new LabeledImages(in.values, new int[]{0, 1}, 28, 28, 2);
        assertEquals(null, ort.inputAdaptation(28, 28));
        List<LayerActivations> acts = ort.activations(List.of("enc.layers.1"), images, ProgressMonitor.NONE);
        OnnxRuntimeActivations.Tensor torch = ref.get("enc.layers.1"); // [2, 28, 64]
        for (int s = 0; s < 2; s++) {
            for (int u = 0; u < 64; u++) {
                double sum = 0;
                for (int k = 0; k < 28; k++) sum += torch.values[(s * 28 + k) * 64 + u];
                assertEquals(sum / 28, acts.get(0).get(s, u), 1e-4);
            }
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ort.featureMaps(images, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith(DIR.resolve("transformer-17.onnx") + ": the model has no convolutional hidden layer"), e.getMessage());
    }

    @Test
    void aTensorNotInTheGraphAndACorruptedFileAreRefusedNamingThem(@TempDir Path tmp) throws IOException {
        Path file = DIR.resolve("densenet-mini.onnx");
        OnnxRuntimeActivations ort = OnnxRuntimeActivations.open(file);
        LabeledImages one = new LabeledImages(new float[2 * 784], new int[]{0, 1}, 28, 28, 2);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ort.activations(List.of("dense1", "dense9"), one, ProgressMonitor.NONE));
        assertEquals(file + ": no tensor named 'dense9' in the graph (a tensor is a node's output)", e.getMessage());

        byte[] all = Files.readAllBytes(file);
        Path cut = Files.write(tmp.resolve("cut.onnx"), Arrays.copyOf(all, all.length / 2));
        e = assertThrows(ModelFileException.class, () -> OnnxRuntimeActivations.open(cut));
        assertTrue(e.getMessage().startsWith(cut + ": not a readable ONNX model"), e.getMessage());
        assertEquals(1, e.getMessage().split("\n").length);

        ModelFileException small = assertThrows(ModelFileException.class, () -> OnnxRuntimeActivations.open(DIR.resolve("resnet-narrow.onnx")).checkInput(20, 20));
        assertTrue(small.getMessage().contains("resnet-narrow.onnx: the model reads 3x32x32 images (channels x height x width) but the images are 20x20"), small.getMessage());
    }

    /** What DL4J cannot express is refused where a DL4J network is needed, saying that the model runs through onnxruntime. */
    @Test
    void aResNetHasNoDl4jNetwork() {
        Path file = DIR.resolve("resnet-narrow.onnx");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelReader.ONNX.network(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("this model runs inference-only through onnxruntime (activations, featuremaps), not in DL4J"), e.getMessage());
    }
}
