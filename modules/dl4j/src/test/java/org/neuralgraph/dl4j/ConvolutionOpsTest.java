package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.dl4j.TrainingSteps.assertAdamClose;
import static org.neuralgraph.dl4j.TrainingSteps.assertClose;
import static org.neuralgraph.dl4j.TrainingSteps.batch;
import static org.neuralgraph.dl4j.TrainingSteps.fitAlike;

/**
 * {@link ConvolutionOps}: a network on libnd4j's conv2d ops computes what DL4J's own ConvolutionLayer computes (a
 * clone of the network has fresh layers without the helper, so it runs DL4J's code on the same parameters), trains
 * alike with dropout and the project's updaters, saves the same model zip, and the shipped models load onto it.
 */
class ConvolutionOpsTest {

    @Test
    void lenetOutputsAndGradientsEqualDl4jsOwnLayer() {
        MultiLayerNetwork ops = ModelFactory.build(ModelSpec.preset("lenet"));
        MultiLayerNetwork dl4j = ops.clone();
        assertConvHelpers(ops, true);
        assertConvHelpers(dl4j, false);
        DataSet batch = batch(16, 784, 10, 1);

        assertClose(dl4j.output(batch.getFeatures(), false), ops.output(batch.getFeatures(), false), "outputs");
        assertClose(dl4j.output(batch.getFeatures(), true), ops.output(batch.getFeatures(), true), "training-mode outputs");

        ops.setInput(batch.getFeatures());
        ops.setLabels(batch.getLabels());
        ops.computeGradientAndScore();
        dl4j.setInput(batch.getFeatures());
        dl4j.setLabels(batch.getLabels());
        dl4j.computeGradientAndScore();
        assertEquals(dl4j.score(), ops.score(), 1e-5, "loss");
        for (int i = 0; i < ops.getnLayers(); i++) {
            for (String p : new String[]{"W", "b"}) {
                INDArray g = ops.gradient().getGradientFor(i + "_" + p);
                if (g != null) assertClose(dl4j.gradient().getGradientFor(i + "_" + p), g, "gradient of layer " + i + " " + p);
            }
        }
    }

    /** cnn-mapper: dropout 0.5 before its output layer and Adam; lenet: Adam; model 11: conv kernels fixed by SGD(0). */
    @Test
    void trainingStepsWithDropoutAndUpdatersMatch() {
        for (ModelSpec spec : new ModelSpec[]{ModelSpec.preset("cnn-mapper"), ModelSpec.preset("lenet"), NetFragmentModels.spec(11, 2)}) {
            spec.learningRate = 1e-4; // small steps, so that float rounding in the gradients stays small in the weights
            int inputs = spec.channels * spec.height * spec.width;
            MultiLayerNetwork ops = ModelFactory.build(spec);
            MultiLayerNetwork dl4j = ops.clone();
            INDArray fixedBefore = ops.getLayer(0).getParam("W").dup();
            fitAlike(ops, dl4j, 3, 8, inputs, spec.layers.get(spec.layers.size() - 1).units);
            assertAdamClose(dl4j.params(), ops.params(), spec.learningRate, 3, spec.name + " parameters after 3 steps");
            assertClose(dl4j.getUpdater().getStateViewArray(), ops.getUpdater().getStateViewArray(), spec.name + " updater state");
            if (spec.layers.get(0).fixedKernels != null) assertEquals(fixedBefore, ops.getLayer(0).getParam("W"), "fixed kernels stay fixed");
        }
    }

    /** The route lives only in the layer objects: the zip holds DL4J's configuration, parameters and updater state. */
    @Test
    void checkpointFilesAreTheSame(@TempDir Path dir) throws IOException {
        MultiLayerNetwork ops = ModelFactory.build(ModelSpec.preset("lenet"));
        MultiLayerNetwork dl4j = ops.clone();
        ops.fit(batch(8, 784, 10, 3)); // an updater state to save
        dl4j.fit(batch(8, 784, 10, 3));
        dl4j.setParams(ops.params());
        dl4j.getUpdater().getStateViewArray().assign(ops.getUpdater().getStateViewArray());
        Path a = dir.resolve("ops.zip"), b = dir.resolve("dl4j.zip");
        ModelSerializer.writeModel(ops, a.toFile(), true);
        ModelSerializer.writeModel(dl4j, b.toFile(), true);
        try (ZipFile za = new ZipFile(a.toFile()); ZipFile zb = new ZipFile(b.toFile())) {
            for (String entry : new String[]{"configuration.json", "coefficients.bin", "updaterState.bin"}) {
                assertArrayEquals(bytes(zb, entry), bytes(za, entry), entry);
            }
        }
        MultiLayerNetwork plain = ModelSerializer.restoreMultiLayerNetwork(a.toFile(), true);
        assertConvHelpers(plain, false);
        assertEquals(ops.params(), plain.params());
        MultiLayerNetwork loaded = ModelLoader.loadZip(a);
        assertConvHelpers(loaded, true);
        assertEquals(ops.params(), loaded.params());
    }

    /** The eleven trained models of sample-models/net-fragments: ModelLoader's network against DL4J's own. */
    @Test
    void shippedModelsGiveTheSameOutputs() throws IOException {
        int checked = 0, withConv = 0;
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(Paths.get("../../sample-models/net-fragments/models"), "*.zip")) {
            for (Path zip : zips) {
                MultiLayerNetwork ops = ModelLoader.loadZip(zip);
                MultiLayerNetwork dl4j = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
                if (convLayers(ops) > 0) {
                    assertConvHelpers(ops, true);
                    assertConvHelpers(dl4j, false);
                    withConv++;
                }
                INDArray x = Nd4j.rand(DataType.FLOAT, 32, 81);
                assertClose(dl4j.output(x), ops.output(x), zip.getFileName().toString());
                checked++;
            }
        }
        assertEquals(NetFragmentModels.COUNT, checked);
        assertEquals(NetFragmentModels.COUNT - 2, withConv, "all but models 9 and 10 (head only) convolve");
    }

    /** The switch's old name, {@code neuralgraph.conv2dOps}, still turns the route off (see {@link TrainingShortcuts}). */
    @Test
    void optOutLeavesDl4jsOwnCode() {
        System.setProperty("neuralgraph.conv2dOps", "false");
        try {
            assertFalse(TrainingShortcuts.isOn(TrainingShortcuts.Shortcut.CONV2D_OPS));
            assertConvHelpers(ModelFactory.build(ModelSpec.preset("lenet")), false);
        } finally {
            System.clearProperty("neuralgraph.conv2dOps");
        }
        assertTrue(TrainingShortcuts.isOn(TrainingShortcuts.Shortcut.CONV2D_OPS));
        assertConvHelpers(ModelFactory.build(ModelSpec.preset("lenet")), true);
    }

    /** Asserts that every ConvolutionLayer has (or has not) a helper; there must be at least one. */
    private static void assertConvHelpers(MultiLayerNetwork net, boolean installed) {
        assertTrue(convLayers(net) > 0, "the network has convolution layers");
        for (Layer l : net.getLayers()) {
            if (l instanceof ConvolutionLayer) assertEquals(installed, l.getHelper() != null, "helper on layer " + l.getIndex());
        }
    }

    private static long convLayers(MultiLayerNetwork net) {
        return Arrays.stream(net.getLayers()).filter(l -> l instanceof ConvolutionLayer).count();
    }

    private static byte[] bytes(ZipFile z, String entry) throws IOException {
        ZipEntry e = z.getEntry(entry);
        assertNotNull(e, entry);
        return z.getInputStream(e).readAllBytes();
    }
}
