package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.capacitance.GradientFlowInteraction;
import org.neuralgraph.core.capacitance.NeuralCapacitanceProbe;
import org.neuralgraph.core.capacitance.ProbeBatch;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.LayerWeights;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ProbedFineTuningTest {

    private static ModelSpec spec(int features) {
        ModelSpec s = new ModelSpec();
        s.name = "candidate";
        s.height = 4;
        s.width = 4;
        s.layers.add(new ModelSpec.LayerSpec("dense", 12, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("dense", features, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 3, 0, 1, "softmax"));
        s.seed = 5;
        return s.validate();
    }

    /** Three classes told apart by the mean brightness of the image's thirds. */
    private static LabeledImages data(int n, long seed) {
        Random r = new Random(seed);
        float[] px = new float[n * 16];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int p = 0; p < 16; p++) px[i * 16 + p] = (float) (r.nextDouble() * 0.5 + (p * 3 / 16 == y[i] ? 0.5 : 0));
        }
        return new LabeledImages(px, y, 4, 4, 3);
    }

    private static float[] flat(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    @Test
    void theProbeComputesWhatTheDl4jNetworkComputes() {
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(8, new int[]{6, 5}, 3, "relu", 11);
        MultiLayerNetwork net = ProbedFineTuning.withProbe(ModelFactory.build(spec(8)), "candidate", probe, new ProbedFineTuning.Settings());
        assertEquals(3 - 1 + 3, net.getnLayers());
        LabeledImages d = data(40, 1);
        ProbeBatch batch = probe.forward(ProbedFineTuning.features(net, 2, d), d.labels());
        float[] dl4j = flat(net.output(Nd4j.create(d.pixels(), new long[]{40, 16}, 'c'), false));
        double[] e = batch.error(batch.layerCount() - 1); // softmax - onehot
        for (int b = 0; b < 40; b++) {
            for (int c = 0; c < 3; c++) {
                double softmax = e[b * 3 + c] + (d.labels()[b] == c ? 1 : 0);
                assertEquals(dl4j[b * 3 + c], softmax, 1e-5, "sample " + b + " class " + c);
            }
        }
    }

    @Test
    void fineTuningMovesTheBottomAndLeavesTheProbeAndTheCandidateAlone() {
        MultiLayerNetwork candidate = ModelFactory.build(spec(8));
        float[] before = flat(candidate.params());
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(8, new int[]{16}, 3, "relu", 3);
        ProbedFineTuning.Settings s = new ProbedFineTuning.Settings();
        s.epochs = 6;
        s.learningRate = 0.05; // few steps on a toy problem
        s.probeSamples = 100;
        MultiLayerNetwork net = ProbedFineTuning.withProbe(candidate, "candidate", probe, s);
        List<ProbedFineTuning.Epoch> epochs = ProbedFineTuning.run(candidate, "candidate", probe, new GradientFlowInteraction(),
                data(600, 2), data(300, 3), s, ProgressMonitor.NONE);
        assertArrayEquals(before, flat(candidate.params()), 0f, "the candidate itself is not changed");
        assertEquals(7, epochs.size());
        assertEquals(0, epochs.get(0).epoch);
        assertTrue(Double.isNaN(epochs.get(0).trainingLoss));
        for (ProbedFineTuning.Epoch e : epochs) {
            assertTrue(e.betaEff > 0 && Double.isFinite(e.betaEff), "beta_eff " + e.betaEff);
            assertEquals(8 * 16 + 16 * 3, e.strengths.length);
        }
        assertTrue(epochs.get(6).validationAccuracy > 0.6, "the bottom learns under the frozen probe: " + epochs.stream().map(e -> e.validationAccuracy + "/" + e.trainingLoss + "/" + e.betaEff).collect(java.util.stream.Collectors.toList()));
        assertTrue(epochs.get(6).trainingLoss < epochs.get(1).trainingLoss);

        // the same fine-tuning by hand, to look at the weights: probe layers keep the probe's weights exactly
        for (org.nd4j.linalg.dataset.DataSet b : Batches.shuffled(data(600, 2), 64, 1)) net.fit(b);
        List<LayerWeights> layers = probe.layers();
        for (int k = 0; k < layers.size(); k++) {
            float[] w = flat(net.getLayer(2 + k).getParam("W"));
            double[] expected = layers.get(k).rawWeights();
            for (int i = 0; i < w.length; i++) assertEquals(expected[i], w[i], 1e-6, "probe layer " + k + " weight " + i);
        }
        assertFalse(java.util.Arrays.equals(flat(candidate.getLayer(0).getParam("W")), flat(net.getLayer(0).getParam("W"))),
                "the bottom layers are fine-tuned");
    }

    @Test
    void aProbeOfTheWrongWidthIsRefusedByName() {
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(9, new int[]{6}, 3, "relu", 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbedFineTuning.withProbe(ModelFactory.build(spec(8)), "zoo-x", probe, new ProbedFineTuning.Settings()));
        assertTrue(e.getMessage().contains("zoo-x") && e.getMessage().contains("9"), e.getMessage());
    }
}
