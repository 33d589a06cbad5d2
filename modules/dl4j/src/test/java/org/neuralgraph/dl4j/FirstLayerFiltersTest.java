package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.Arrays;
import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.*;

class FirstLayerFiltersTest {

    /** Brüel Gabrielsson, Sections 4 and 7: 28 -conv5-> 24 -pool-> 12 -conv5-> 8 -pool-> 4; 8 x 4 x 4 = 128 -> 512 -> 10. */
    @Test
    void cnnMapperPresetHasThePapersShapes() {
        ModelSpec s = ModelSpec.preset("cnn-mapper");
        assertTrue(ModelSpec.presetNames().contains("cnn-mapper"));
        assertEquals("1-64-8-512-10", s.sizes());
        assertEquals(100, s.batchSize);
        assertEquals(0.5, s.dropout);
        MultiLayerNetwork net = ModelFactory.build(s);
        long conv1 = 64 * 25 + 64, conv2 = 8 * 64 * 25 + 8, dense = 128 * 512 + 512, out = 512 * 10 + 10;
        assertEquals(conv1 + conv2 + dense + out, net.numParams());
        assertEquals(85_650, net.numParams());
        assertArrayEquals(new long[]{64, 1, 5, 5}, net.getLayer(0).paramTable().get("W").shape());
        assertInstanceOf(ConvolutionLayer.class, net.getLayer(0).conf().getLayer());
        assertInstanceOf(SubsamplingLayer.class, net.getLayer(1).conf().getLayer());
        assertArrayEquals(new long[]{8, 64, 5, 5}, net.getLayer(2).paramTable().get("W").shape());
        assertArrayEquals(new long[]{128, 512}, net.getLayer(4).paramTable().get("W").shape());
        assertArrayEquals(new long[]{512, 10}, net.getLayer(5).paramTable().get("W").shape());
        // dropout 0.5 after the dense layer = DL4J keep-probability 0.5 on the readout layer's input
        assertEquals(0.5, ((org.deeplearning4j.nn.conf.dropout.Dropout) ((OutputLayer) net.getLayer(5).conf().getLayer()).getIDropout()).getP(), 1e-12);
        assertEquals(10, net.output(org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, 3, 784)).size(1));

        ModelSpec two = s.withClasses(2);
        assertEquals(2, two.outputUnits());
        assertEquals(10, s.outputUnits(), "withClasses copies");
        assertEquals(85_650 - 8 * 513, ModelFactory.build(two).numParams());
    }

    /** Truncated normal, sd 0.1 (cut at +-0.2), biases 0.1: TensorFlow's MNIST tutorial, which Brüel Gabrielsson follows. */
    @Test
    void truncatedNormalInitialisation() {
        ModelWeights w = Dl4jWeights.extract(ModelFactory.build(ModelSpec.preset("cnn-mapper")), "cnn-mapper");
        double[] dense = w.layers().get(2).rawWeights();
        double sum = 0, sq = 0, max = 0;
        for (double x : dense) { sum += x; sq += x * x; max = Math.max(max, Math.abs(x)); }
        double mean = sum / dense.length, sd = Math.sqrt(sq / dense.length - mean * mean);
        assertEquals(0, mean, 0.002);
        assertEquals(0.088, sd, 0.004, "sd of N(0, 0.1^2) truncated at 2 sd is 0.088");
        assertTrue(max <= 0.2 + 1e-6, "truncated at 0.2: " + max);
        for (int j = 0; j < 64; j++) assertEquals(0.1, w.layers().get(0).bias(j), 1e-7);
    }

    @Test
    void filtersAreTheFirstConvolutionsWeights() {
        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("cnn-mapper"));
        FirstLayerFilters f = FirstLayerFilters.of(net, "cnn-mapper");
        assertEquals(64, f.size());
        assertEquals(25, f.dimension());
        assertEquals(5, f.kernelH());
        assertEquals(1, f.inChannels());
        INDArray w = net.getLayer(0).paramTable().get("W");
        for (int o = 0; o < 64; o++) {
            assertEquals(25, f.points()[o].length);
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 5; x++) assertEquals(w.getDouble(o, 0, y, x), f.points()[o][y * 5 + x], 0, "filter " + o);
            }
            assertEquals("run0/f" + o, f.ids().get(o));
        }
    }

    @Test
    void poolsSeveralNetworksWithDistinctIds() {
        ModelSpec a = ModelSpec.preset("cnn-mapper");
        ModelSpec b = a.copy();
        b.seed = a.seed + 1;
        MultiLayerNetwork na = ModelFactory.build(a), nb = ModelFactory.build(b);
        FirstLayerFilters f = FirstLayerFilters.pooled(Arrays.asList(na, nb), "cnn-mapper");
        assertEquals(128, f.size());
        assertEquals(128, new HashSet<>(f.ids()).size());
        assertEquals("run1/f0", f.ids().get(64));
        assertEquals("run1/f63", f.ids().get(127));
        assertArrayEquals(FirstLayerFilters.of(nb, "b").points()[5], f.points()[69], 0);
        assertFalse(Arrays.equals(f.points()[0], f.points()[64]), "different seeds, different filters");
    }

    @Test
    void refusesAModelWithoutConvolutionAndMismatchedFilters() {
        MultiLayerNetwork mlp = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FirstLayerFilters.of(mlp, "my-mlp"));
        assertTrue(e.getMessage().startsWith("model my-mlp has no convolution layer"), e.getMessage());
        assertTrue(e.getMessage().contains("dense_1"), e.getMessage());

        ModelSpec three = ModelSpec.preset("cnn-mapper");
        three.layers.get(0).kernel = 3;
        MultiLayerNetwork n5 = ModelFactory.build(ModelSpec.preset("cnn-mapper")), n3 = ModelFactory.build(three);
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> FirstLayerFilters.pooled(Arrays.asList(n5, n3), "mix"));
        assertTrue(m.getMessage().startsWith("model mix run 1: first-layer filters are 1 x 3 x 3"), m.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> FirstLayerFilters.pooled(Arrays.asList(n5, mlp), "mix"));
        assertTrue(p.getMessage().startsWith("model mix run 1 has no convolution layer"), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FirstLayerFilters.pooled(java.util.Collections.emptyList(), "none"));
    }
}
