package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.dl4j.TrainingSteps.assertAdamClose;
import static org.neuralgraph.dl4j.TrainingSteps.assertClose;
import static org.neuralgraph.dl4j.TrainingSteps.batch;
import static org.neuralgraph.dl4j.TrainingSteps.fitAlike;

/**
 * {@link ReluActivations}: dense and convolution ReLU layers whose backward pass reuses the forward activations give
 * DL4J's gradients (against a clone: fresh DL4J layers), with and without dropout, train alike, answer alike in
 * inference, and share the network's parameter and gradient arrays; other activations keep DL4J's layer.
 */
class ReluActivationsTest {

    @Test
    void gradientsAndTrainingMatchDl4jsLayers() {
        for (ModelSpec spec : new ModelSpec[]{ModelSpec.preset("mlp-seed000"), ModelSpec.preset("lenet"), ModelSpec.preset("cnn-mapper")}) {
            spec.learningRate = 1e-4; // small steps: Adam turns float rounding in tiny gradients into whole steps
            int classes = spec.layers.get(spec.layers.size() - 1).units;
            int inputs = spec.channels * spec.height * spec.width;
            MultiLayerNetwork reusing = ModelFactory.build(spec);
            MultiLayerNetwork dl4j = ConvolutionOps.install(reusing.clone());
            ReluActivations.install(reusing);
            long replaced = reusingLayers(reusing).count();
            assertEquals(spec.name.equals("lenet") ? 4 : 3, replaced, spec.name + ": its hidden dense and convolution layers");
            assertTrue(Arrays.stream(reusing.getLayers()).filter(l -> l instanceof ReluActivations.ReusingConvolutionLayer)
                    .allMatch(l -> l.getHelper() != null), spec.name + ": convolutions keep ConvolutionOps' helper");

            DataSet b = batch(16, inputs, classes, 4);
            for (MultiLayerNetwork n : new MultiLayerNetwork[]{reusing, dl4j}) {
                n.setInput(b.getFeatures());
                n.setLabels(b.getLabels());
                Nd4j.getRandom().setSeed(11); // the same dropout masks
                n.computeGradientAndScore();
            }
            assertEquals(dl4j.score(), reusing.score(), 1e-6, spec.name + " loss");
            assertClose(dl4j.gradient().gradient(), reusing.gradient().gradient(), spec.name + " gradients");
            assertTrue(reusingLayers(reusing).allMatch(l -> reused(l) == 1), spec.name + ": every replaced layer reused its activations");

            fitAlike(reusing, dl4j, 10, 8, inputs, classes);
            assertAdamClose(dl4j.params(), reusing.params(), spec.learningRate, 10, spec.name + " parameters after 10 steps");
            assertTrue(reusingLayers(reusing).allMatch(l -> reused(l) == 11), spec.name + ": once per step");
            assertClose(dl4j.output(b.getFeatures()), reusing.output(b.getFeatures()), spec.name + " inference");
        }
    }

    @Test
    void replacedLayersShareTheNetworksArrays() {
        MultiLayerNetwork net = ReluActivations.install(ModelFactory.build(ModelSpec.preset("mlp-seed000")));
        net.setParams(Nd4j.zeros(DataType.FLOAT, 1, net.numParams()));
        assertEquals(0.0, net.getLayer(1).getParam("W").amaxNumber().doubleValue());
        net.getLayer(1).getParam("b").assign(2);
        assertEquals(2.0, net.params().amaxNumber().doubleValue(), "the layer's parameters are views of the network's");
        assertEquals(net.getFlattenedGradients().data().address(), net.getLayer(1).getGradientsViewArray().data().address(),
                "the layer's gradients are views of the network's");
    }

    @Test
    void otherActivationsKeepDl4jsLayer() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(8).nOut(6).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(6).activation(new ActivationReLU(null, 0.5, null)).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(6).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        ReluActivations.install(net);
        assertEquals(org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class, net.getLayer(0).getClass(), "tanh");
        assertEquals(org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class, net.getLayer(1).getClass(), "ReLU with a threshold");
        assertEquals(ReluActivations.ReusingDenseLayer.class, net.getLayer(2).getClass(), "plain ReLU");
    }

    private static java.util.stream.Stream<Layer> reusingLayers(MultiLayerNetwork net) {
        return Arrays.stream(net.getLayers()).filter(l -> l instanceof ReluActivations.ReusingDenseLayer
                || l instanceof ReluActivations.ReusingConvolutionLayer);
    }

    private static int reused(Layer l) {
        return l instanceof ReluActivations.ReusingDenseLayer ? ((ReluActivations.ReusingDenseLayer) l).forward.reused
                : ((ReluActivations.ReusingConvolutionLayer) l).forward.reused;
    }
}
