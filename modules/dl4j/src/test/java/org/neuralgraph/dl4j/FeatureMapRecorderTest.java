package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FeatureMapRecorderTest {

    /** 6x6 images: conv 3x3 (2 filters) gives 4x4 maps, conv 3x3 (3 filters) 2x2 maps. */
    private static MultiLayerNetwork net() {
        ModelSpec s = new ModelSpec();
        s.name = "tinycnn";
        s.height = 6;
        s.width = 6;
        s.layers.add(new ModelSpec.LayerSpec("conv", 2, 3, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("conv", 3, 3, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 3, 0, 1, "softmax"));
        s.weightInit = "pytorch-default"; // non-zero biases too
        s.seed = 3;
        return ModelFactory.build(s.validate());
    }

    private static LabeledImages images(int n, int[] labels) {
        Random r = new Random(9);
        float[] px = new float[n * 36];
        for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
        return new LabeledImages(px, labels, 6, 6, 3);
    }

    @Test
    void oneImagesFirstMapIsItsConvolutionComputedByHand() {
        MultiLayerNetwork net = net();
        LabeledImages one = images(1, new int[]{1});
        List<CompositeMaps> maps = FeatureMapRecorder.record(net, one, ProgressMonitor.NONE);
        assertEquals(2, maps.size());
        CompositeMaps m = maps.get(0);
        assertEquals(2, m.channels());
        assertEquals(4, m.height());
        assertEquals(4, m.width());
        float[] w = net.getLayer(0).getParam("W").castTo(DataType.FLOAT).dup('c').data().asFloat(); // [out, in, kh, kw]
        float[] b = net.getLayer(0).getParam("b").castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] img = one.pixels();
        for (int c = 0; c < 2; c++) {
            double[] map = m.map(-1, c);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    double z = b[c];
                    for (int dy = 0; dy < 3; dy++) for (int dx = 0; dx < 3; dx++) z += w[c * 9 + dy * 3 + dx] * img[(y + dy) * 6 + x + dx];
                    assertEquals(Math.max(0, z), map[y * 4 + x], 1e-5, "channel " + c + " at " + y + "," + x);
                }
            }
        }
        assertArrayEquals(m.map(-1, 0), m.map(1, 0), 0, "class 1's composite is its one image's map");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.map(0, 0));
        assertTrue(e.getMessage().contains("class 0 has no images"), e.getMessage());
    }

    @Test
    void compositesAreMeansOverTheImagesOfEachClassAndOverChannels() {
        MultiLayerNetwork net = net();
        int n = 1200; // three batches, the last one partial
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 3 == 2 ? 2 : i % 2;
        LabeledImages data = images(n, labels);
        CompositeMaps m = FeatureMapRecorder.record(net, data, ProgressMonitor.NONE).get(1);
        assertEquals(3, m.channels());
        assertEquals(2, m.height());
        int[] count = new int[3];
        for (int y : labels) count[y]++;
        for (int c = 0; c < m.channels(); c++) {
            double[] all = m.map(-1, c);
            for (int p = 0; p < 4; p++) {
                double mix = 0;
                for (int k = 0; k < 3; k++) mix += m.map(k, c)[p] * count[k];
                assertEquals(all[p], mix / n, 1e-9, "the all-images map is the class maps weighted by class size");
            }
        }
        double[] mean = m.map(2, -1);
        for (int p = 0; p < 4; p++) assertEquals((m.map(2, 0)[p] + m.map(2, 1)[p] + m.map(2, 2)[p]) / 3, mean[p], 1e-12);
        // one class's composite, recomputed from that class's images alone
        int[] twos = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == 2).toArray();
        CompositeMaps alone = FeatureMapRecorder.record(net, data.subset(twos), ProgressMonitor.NONE).get(1);
        assertArrayEquals(alone.map(-1, 1), m.map(2, 1), 1e-9);
    }

    @Test
    void aModelWithoutConvolutionHasNoFeatureMaps() {
        ModelSpec s = new ModelSpec();
        s.name = "mlp";
        s.height = 6;
        s.width = 6;
        s.layers.add(new ModelSpec.LayerSpec("dense", 4, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 3, 0, 1, "softmax"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureMapRecorder.record(ModelFactory.build(s.validate()), images(2, new int[]{0, 1}), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("no convolution layer"));
    }

    @Test
    void lenetGivesSixMapsOf24AndSixteenOf8() {
        MultiLayerNetwork lenet = ModelFactory.build(ModelSpec.preset("lenet"));
        Random r = new Random(1);
        float[] px = new float[4 * 784];
        for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
        List<CompositeMaps> maps = FeatureMapRecorder.record(lenet, new LabeledImages(px, new int[]{0, 1, 2, 3}, 28, 28, 10), ProgressMonitor.NONE);
        assertEquals(6, maps.get(0).channels());
        assertEquals(24, maps.get(0).height());
        assertEquals(16, maps.get(1).channels());
        assertEquals(8, maps.get(1).width());
        assertEquals(156 + 2_416 + 30_840 + 10_164 + 850, lenet.numParams(), "on 28x28 inputs without padding: 16 maps of 4x4 feed the dense 120");
    }
}
