package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.ProgressMonitor;

import org.neuralgraph.core.capacitance.GradientFlowInteraction;
import org.neuralgraph.core.capacitance.NeuralCapacitanceProbe;

import java.io.IOException;
import java.util.List;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;

/** Residual CNN specs: built as DL4J ComputationGraphs, trained, checkpointed, and refused when a block does not fit. */
class ResidualNetworkTest {

    static TrainTestData small;

    @BeforeAll
    static void data() throws IOException {
        TrainTestData all = ImageDataSource.load(Paths.get("../../sample-models/mnist"), 0.2, 1);
        small = new TrainTestData(all.train().sample(600, 2), all.test().sample(200, 3), "600/200 sample of the shipped MNIST");
    }

    /** A narrow resnet-mini: stem conv 4, an identity block, a projection block and a depthwise separable pair. */
    static ModelSpec tinyResidual(int epochs) {
        ModelSpec s = new ModelSpec();
        s.name = "tiny-residual";
        s.layers.add(new ModelSpec.LayerSpec("conv", 4, 3, 2, "identity"));
        s.layers.add(new ModelSpec.LayerSpec("batchnorm", 0, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("residual", 4, 3, 1, null));
        s.layers.add(new ModelSpec.LayerSpec("residual", 8, 3, 2, null));
        s.layers.add(new ModelSpec.LayerSpec("depthwise", 0, 3, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("conv", 8, 1, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("globalavgpool", 0, 0, 1, null));
        s.layers.add(new ModelSpec.LayerSpec("dense", 16, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 10, 0, 1, "softmax"));
        s.weightInit = "relu";
        s.epochs = epochs;
        s.batchSize = 32;
        s.learningRate = 5e-3;
        return s.validate();
    }

    @Test
    void aResidualSpecIsAComputationGraphWithAddVerticesAndAPlainSpecStaysAChain() {
        assertTrue(ModelSpec.preset("resnet-mini").needsGraph());
        assertFalse(ModelSpec.preset("lenet").needsGraph());
        assertFalse(ModelFactory.network(ModelSpec.preset("lenet")).isGraph());
        Network n = ModelFactory.network(ModelSpec.preset("resnet-mini"));
        assertTrue(n.isGraph());
        ComputationGraph g = n.graph();
        // three blocks: L2 (identity), L3 and L4 (projections)
        assertTrue(g.getConfiguration().getVertices().get("L2_add") instanceof ElementWiseVertex);
        assertNull(g.getConfiguration().getVertices().get("L2_proj"), "8 -> 8 channels, stride 1: identity shortcut");
        assertNotNull(g.getConfiguration().getVertices().get("L3_proj"), "8 -> 16 channels, stride 2: projection");
        assertEquals(2, g.getConfiguration().getVertexInputs().get("L3_add").size());
        assertEquals(10, g.outputSingle(false, org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 784)).size(1));
        Network tiny = ModelFactory.network(tinyResidual(1));
        LayerVertex dw = (LayerVertex) tiny.graph().getConfiguration().getVertices().get("L4");
        assertTrue(dw.getLayerConf().getLayer() instanceof DepthwiseConvolution2D);
        assertThrows(IllegalArgumentException.class, () -> ModelFactory.build(ModelSpec.preset("resnet-mini")), "a graph is no MultiLayerNetwork");
    }

    @Test
    void trainsOneEpochLossFallsAndTheCheckpointRoundTrips(@TempDir Path tmp) throws IOException {
        long t0 = System.nanoTime();
        TrainingRun r = Trainer.train(tinyResidual(1), small, 2, tmp.resolve("run"), false, ProgressMonitor.NONE);
        Checkpoint first = r.checkpoints().get(0), last = r.checkpoints().get(1);
        System.out.printf("tiny residual, 600 images, 1 epoch: %.1f s, train loss %.3f -> %.3f, test acc %.3f%n",
                (System.nanoTime() - t0) / 1e9, first.trainLoss(), last.trainLoss(), last.testAccuracy());
        assertTrue(last.trainLoss() < first.trainLoss(), first.trainLoss() + " -> " + last.trainLoss());

        TrainingRun reopened = ModelLoader.open(tmp.resolve("run"));
        Network net = reopened.checkpoints().get(1).loadTrainable();
        assertTrue(net.isGraph());
        assertEquals(last.testAccuracy(), Evaluation.of(net, small.test()).accuracy(), 1e-9);
        ModelFileException e = assertThrows(ModelFileException.class, () -> reopened.checkpoints().get(1).load());
        assertTrue(e.getMessage().contains("checkpoint-epoch-0001.zip") && e.getMessage().contains("ComputationGraph"), e.getMessage());
    }

    @Test
    void aBlockWhoseChannelsDoNotFitIsRefusedNamingTheField() {
        ModelSpec s = tinyResidual(1);
        s.layers.get(2).units = 6;
        s.layers.get(2).shortcut = "identity";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::validate);
        assertEquals("layers[2].units: a residual block with an identity shortcut keeps its 4 input channels, got 6 (use \"shortcut\": \"projection\")", e.getMessage());

        ModelSpec d = tinyResidual(1);
        d.layers.get(4).kernel = 0;
        assertEquals("layers[4].kernel must be >= 1, got 0", assertThrows(IllegalArgumentException.class, d::validate).getMessage());

        ModelSpec w = tinyResidual(1);
        w.layers.get(4).units = 5;
        assertTrue(assertThrows(IllegalArgumentException.class, w::validate).getMessage().startsWith("layers[4].units: a depthwise convolution (depth multiplier 1) keeps its 8 input channels"));

        ModelSpec flat = tinyResidual(1);
        flat.layers.add(7, new ModelSpec.LayerSpec("residual", 8, 3, 1, null));
        assertEquals("layers[7]: a residual layer needs a feature map, but the globalavgpool layer (layers[6]) before it made the signal flat",
                assertThrows(IllegalArgumentException.class, flat::validate).getMessage());
    }

    @Test
    void aResidualCnnFineTunesUnderAFrozenProbe() {
        Network candidate = ModelFactory.network(tinyResidual(1));
        float[] before = candidate.model().params().dup().data().asFloat();
        assertEquals(16, ProbedFineTuning.featureWidth(candidate, "tiny-residual"));
        NeuralCapacitanceProbe probe = NeuralCapacitanceProbe.random(16, new int[]{8}, 10, "relu", 3);
        ProbedFineTuning.Settings s = new ProbedFineTuning.Settings();
        s.epochs = 3;
        s.learningRate = 5e-3;
        s.probeSamples = 100;
        long t0 = System.nanoTime();
        List<ProbedFineTuning.Epoch> epochs = ProbedFineTuning.run(candidate, "tiny-residual", probe, new GradientFlowInteraction(),
                small.train().sample(400, 4), small.test(), s, ProgressMonitor.NONE);
        System.out.printf("tiny residual fine-tuned 3 epochs on 400 images: %.1f s, beta_eff %s%n", (System.nanoTime() - t0) / 1e9,
                epochs.stream().map(e -> String.format(java.util.Locale.ROOT, "%.3g", e.betaEff)).collect(java.util.stream.Collectors.toList()));
        assertArrayEquals(before, candidate.model().params().dup().data().asFloat(), 0f, "the candidate itself is not changed");
        assertEquals(4, epochs.size());
        for (ProbedFineTuning.Epoch e : epochs) {
            assertTrue(e.betaEff > 0 && Double.isFinite(e.betaEff), "beta_eff " + e.betaEff);
            assertEquals(16 * 8 + 8 * 10, e.strengths.length);
        }
        assertTrue(epochs.get(3).trainingLoss < epochs.get(1).trainingLoss, epochs.get(1).trainingLoss + " -> " + epochs.get(3).trainingLoss);

        // the probe's vertices keep the probe's weights while the bottom moves
        ComputationGraph g = ProbedFineTuning.withProbe(candidate.graph(), "tiny-residual", probe, s);
        for (org.nd4j.linalg.dataset.DataSet b : Batches.shuffled(small.train().sample(200, 5), 32, 1)) g.fit(b);
        double[] w0 = probe.layers().get(0).rawWeights();
        float[] w = g.getLayer("ncp_1").getParam("W").dup('c').data().asFloat();
        for (int i = 0; i < w.length; i++) assertEquals(w0[i], w[i], 1e-6, "probe weight " + i);
        assertFalse(java.util.Arrays.equals(candidate.graph().getLayer("L2_conv1").getParam("W").dup().data().asFloat(),
                g.getLayer("L2_conv1").getParam("W").dup().data().asFloat()), "the residual blocks are fine-tuned");
        // the probe reads what ProbedFineTuning measures: the dense vertex under the output
        assertEquals(200 * 16, ProbedFineTuning.features(g, "L7", small.test()).length);
    }
}
