package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActivationRecorderTest {

    private static ModelSpec spec() {
        ModelSpec s = new ModelSpec();
        s.name = "tiny";
        s.height = 4;
        s.width = 4;
        s.layers.add(new ModelSpec.LayerSpec("dense", 7, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("dense", 5, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 3, 0, 1, "softmax"));
        s.dropout = 0.5; // must not act when recording
        s.seed = 7;
        return s.validate();
    }

    /** 2,500 samples: more than two batches, the last one partial. */
    private static LabeledImages data() {
        Random r = new Random(3);
        int n = 2500;
        float[] px = new float[n * 16];
        int[] y = new int[n];
        for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
        for (int i = 0; i < n; i++) y[i] = i % 3;
        return new LabeledImages(px, y, 4, 4, 3);
    }

    @Test
    void recordsReluOfEachHiddenDenseLayerComputedByHand() {
        MultiLayerNetwork net = ModelFactory.build(spec());
        LabeledImages d = data();
        List<LayerActivations> acts = ActivationRecorder.record(net, d, ProgressMonitor.NONE);
        assertEquals(2, acts.size());
        assertEquals("dense_2", acts.get(1).layerName());
        assertEquals(7, acts.get(0).neurons());
        assertEquals(2500, acts.get(1).samples());
        assertArrayEquals(d.labels(), acts.get(0).labels());
        float[] w1 = net.getLayer(0).getParam("W").castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] b1 = net.getLayer(0).getParam("b").castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] w2 = net.getLayer(1).getParam("W").castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] b2 = net.getLayer(1).getParam("b").castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int i : new int[]{0, 999, 1000, 2499}) {
            float[] h1 = new float[7];
            for (int j = 0; j < 7; j++) {
                double z = b1[j];
                for (int p = 0; p < 16; p++) z += d.pixels()[i * 16 + p] * w1[p * 7 + j];
                h1[j] = (float) Math.max(0, z);
                assertEquals(h1[j], acts.get(0).get(i, j), 1e-5, "layer 1, sample " + i + ", neuron " + j);
            }
            for (int j = 0; j < 5; j++) {
                double z = b2[j];
                for (int p = 0; p < 7; p++) z += h1[p] * w2[p * 5 + j];
                assertEquals(Math.max(0, z), acts.get(1).get(i, j), 1e-5, "layer 2, sample " + i + ", neuron " + j);
            }
        }
    }

    @Test
    void dataOfTheWrongShapeIsRefused() {
        MultiLayerNetwork net = ModelFactory.build(spec());
        LabeledImages wrong = new LabeledImages(new float[10 * 9], new int[10], 3, 3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationRecorder.record(net, wrong, ProgressMonitor.NONE));
        assertEquals("the model's first layer takes 16 inputs but the images have 3x3 = 9 pixels", e.getMessage());
    }
}
