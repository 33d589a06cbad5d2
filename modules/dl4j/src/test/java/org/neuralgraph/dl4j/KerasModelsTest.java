package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.netfragment.LayerSignal;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Keras .h5 files through DL4J's Keras import and {@link KerasModels}. No Keras or TensorFlow installation is reachable
 * here: the files are written by {@code src/test/resources/keras/make_keras_h5.py} with h5py in the HDF5 layout Keras
 * 2's {@code model.save()} documents and writes (root attributes {@code keras_version}, {@code backend},
 * {@code model_config}; group {@code model_weights} with {@code layer_names}, per layer {@code weight_names} and the
 * datasets {@code kernel:0}, {@code bias:0}), and the reference activations are numpy's, computed there in Keras's
 * channels-last semantics.
 */
class KerasModelsTest {

    @TempDir
    Path tmp;

    private static Path keras(String name) {
        return TorchReference.resource("keras/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras_mlp", "keras_cnn"})
    void theRebuiltNetworkComputesWhatKerasDoesAndItsRecordersAgree(String name) throws Exception {
        Map<String, TorchReference.Tensor> io = TorchReference.read("keras/" + name + ".io.csv");
        TorchReference.Tensor input = io.get("input");
        int n = input.shape[0], h = input.shape[2], w = input.shape[3];
        TrainingRun run = ModelLoader.open(keras(name + ".h5"));
        assertEquals(1, run.checkpoints().size());
        MultiLayerNetwork net = run.checkpoints().get(0).load();
        assertTrue(net.getLayer(net.getnLayers() - 1).conf().getLayer() instanceof OutputLayer, "the last Dense is the output layer");
        assertTrue(NetworkInput.of(net).fits(28, 28));
        run.checkpoints().get(0).checkInput(28, 28);
        LabeledImages images = new LabeledImages(input.values, new int[]{0, 1, 2, 3}, h, w, n);

        double[] out = net.output(Nd4j.create(input.values, new long[]{n, (long) h * w}, 'c'), false).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        assertClose(name + " output", out, io.get("output").values);
        if (io.containsKey("dense_1")) {
            LayerActivations a = ActivationRecorder.record(net, images, ProgressMonitor.NONE).get(0);
            double[] d = new double[a.values().length];
            for (int i = 0; i < d.length; i++) d[i] = a.values()[i];
            assertClose(name + " dense_1", d, io.get("dense_1").values);
        }
        if (io.containsKey("conv_1")) {
            for (CompositeMaps cm : FeatureMapRecorder.record(net, images, ProgressMonitor.NONE)) {
                TorchReference.Tensor t = io.get(cm.layerName());
                int size = t.values.length / n, plane = cm.height() * cm.width();
                for (int s = 0; s < n; s++) {
                    double[] map = new double[size];
                    for (int c = 0; c < cm.channels(); c++) System.arraycopy(cm.map(s, c), 0, map, c * plane, plane);
                    assertClose(name + " " + cm.layerName() + " image " + s, map, Arrays.copyOfRange(t.values, s * size, (s + 1) * size));
                }
            }
        }
        List<String> names = LayerSignals.layerNames(net);
        for (int s = 0; s < n; s++) {
            List<LayerSignal> signals = LayerSignals.record(net, Arrays.copyOfRange(input.values, s * h * w, (s + 1) * h * w), 1, h, w);
            for (int l = 0; l < signals.size(); l++) {
                float[] want = io.get(names.get(l)).values;
                int size = want.length / n;
                assertClose(name + " signal " + names.get(l), signals.get(l).output(), Arrays.copyOfRange(want, s * size, (s + 1) * size));
            }
        }
    }

    /** Two input channels, padding "same", an Activation layer, average pooling: layer by layer against numpy. */
    @Test
    void optionsOfConv2dAndPoolingAndActivationLayers() throws Exception {
        Map<String, TorchReference.Tensor> io = TorchReference.read("keras/keras_options.io.csv");
        TorchReference.Tensor input = io.get("input");                        // [4, 2, 10, 10], channel-major
        MultiLayerNetwork net = KerasModels.load(keras("keras_options.h5"));
        assertEquals("2x10x10 images (channels x height x width)", NetworkInput.of(net).toString());
        assertFalse(NetworkInput.of(net).fits(10, 10), "one-channel images do not fit two channels");
        List<org.nd4j.linalg.api.ndarray.INDArray> acts = net.feedForward(Nd4j.create(input.values, new long[]{4, 200}, 'c'), false);
        List<String> names = Arrays.asList("conv_1", "dense_1", "output");
        assertEquals(names, Dl4jWeights.extract(net, "o").layers().stream().map(LayerWeights::name).collect(java.util.stream.Collectors.toList()));
        int[] layerOf = {0, 2, 3};                                            // conv, pool, dense, output
        for (int k = 0; k < 3; k++) {
            double[] got = acts.get(layerOf[k] + 1).castTo(DataType.DOUBLE).dup('c').data().asDouble();
            assertClose("keras_options " + names.get(k), got, io.get(names.get(k)).values);
        }
    }

    private static void assertClose(String what, double[] dl4j, float[] reference) {
        double d = TorchReference.maxRelativeDifference(dl4j, reference, OnnxNetworksTest.FLOOR);
        assertTrue(d <= OnnxNetworksTest.TOLERANCE, what + ": DL4J and the Keras reference differ by " + d + " (relative)");
    }

    /** The weight graph's layers carry Keras's numbers: Dense [in, out] as stored, Conv2D [kH, kW, in, out] read as [out, in, kH, kW]. */
    @Test
    void weightsAreKerassInTheProjectsLayout() throws Exception {
        Map<String, TorchReference.Tensor> mlp = TorchReference.read("keras/keras_mlp.expected.csv");
        ModelWeights m = ModelLoader.open(keras("keras_mlp.h5")).checkpoints().get(0).weights("keras_mlp");
        assertEquals(Arrays.asList("dense_1", "output"), Arrays.asList(m.layers().get(0).name(), m.layers().get(1).name()));
        assertArrayEquals(doubles(mlp.get("dense/kernel:0").values), m.layers().get(0).rawWeights(), 0.0);
        assertArrayEquals(doubles(mlp.get("dense_1/kernel:0").values), m.layers().get(1).rawWeights(), 0.0);
        assertEquals(mlp.get("dense_1/bias:0").values[3], m.layers().get(1).bias(3), 0.0);
        assertEquals("softmax", m.layers().get(1).activation());

        Map<String, TorchReference.Tensor> cnn = TorchReference.read("keras/keras_cnn.expected.csv");
        ModelWeights c = ModelLoader.open(keras("keras_cnn.h5")).checkpoints().get(0).weights("keras_cnn");
        TorchReference.Tensor k2 = cnn.get("conv2d_1/kernel:0");                  // [3, 3, 4, 3]
        LayerWeights conv2 = c.layers().get(1);
        for (int o = 0; o < 3; o++) for (int i = 0; i < 4; i++) for (int y = 0; y < 3; y++) for (int x = 0; x < 3; x++) {
            assertEquals(k2.at(y, x, i, o), conv2.kernel(o, i, y, x), 0.0);
        }
        TorchReference.Tensor dense = cnn.get("dense/kernel:0");                 // [75, 10], rows (row, column, channel) of 5x5x3
        LayerWeights out = c.layers().get(2);
        for (int ch = 0; ch < 3; ch++) for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++) for (int j = 0; j < 10; j++) {
            assertEquals(dense.at((y * 5 + x) * 3 + ch, j), out.dense((ch * 5 + y) * 5 + x, j), 0.0, "the project's rows are (channel, row, column)");
        }
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    private void refused(Path file, String... parts) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.open(file), file.toString());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        assertThrows(ModelFileException.class, () -> KerasModels.load(file));
    }

    @Test
    void aFunctionalModelAndAnHdf5FileThatIsNoKerasModelAreNamed() {
        refused(keras("keras_functional.h5"), "functional-API model", "only Sequential models are read");
        refused(keras("not_keras.h5"), "without a Keras model_config");
    }

    @Test
    void truncatedForgedAndForeignFilesAreRefusedBeforeDl4jReadsThem() throws IOException {
        byte[] all = Files.readAllBytes(keras("keras_mlp.h5"));
        refused(Files.write(tmp.resolve("half.h5"), Arrays.copyOf(all, all.length / 2)), "half.h5");
        refused(Files.write(tmp.resolve("head.h5"), Arrays.copyOf(all, 600)), "not a readable");
        refused(keras("keras_forged.h5"), "declare 10000000186 values", "forged or truncated");
        refused(Files.write(tmp.resolve("notes.h5"), "not a model\n".getBytes(StandardCharsets.UTF_8)), "not an HDF5 file");
        refused(Files.write(tmp.resolve("empty.h5"), new byte[0]), "not an HDF5 file");
        refused(tmp.resolve("missing.h5"), "no such model file");
        Path big = tmp.resolve("big.h5");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(KerasModels.MAX_FILE_BYTES + 1); // sparse: refused by its size before a byte is read
        }
        refused(big, "larger than the limit");
    }
}
