package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.dl4j.TrainingSteps.assertAdamClose;
import static org.neuralgraph.dl4j.TrainingSteps.assertClose;
import static org.neuralgraph.dl4j.TrainingSteps.batch;
import static org.neuralgraph.dl4j.TrainingSteps.fitAlike;

/**
 * {@link InputConvolution}: the first convolution layer's weight and bias gradients computed as a convolution equal
 * those of libnd4j's {@code conv2d_bp} (on a clone of the network: fresh layers, given ConvolutionOps' helper), every
 * other gradient too, training follows (also with {@link ReluActivations}' layers, as {@code Trainer} uses them), and
 * after the scope the network computes input gradients again.
 */
class InputConvolutionTest {

    @Test
    void gradientsAndTrainingMatchConv2dBp() {
        for (ModelSpec spec : new ModelSpec[]{ModelSpec.preset("lenet"), ModelSpec.preset("cnn-mapper"), NetFragmentModels.spec(11, 2)}) {
            spec.learningRate = 1e-4; // small steps: Adam turns float rounding in tiny gradients into whole steps
            int inputs = spec.channels * spec.height * spec.width;
            int classes = spec.layers.get(spec.layers.size() - 1).units;
            for (boolean asTrainerDoes : new boolean[]{false, true}) {
                MultiLayerNetwork fast = ModelFactory.build(spec);
                MultiLayerNetwork bp = ConvolutionOps.install(fast.clone());
                if (asTrainerDoes) ReluActivations.install(fast);
                try (InputConvolution.Scope s = InputConvolution.withoutInputGradient(fast)) {
                    assertInstanceOf(InputConvolution.WeightGradientsOnly.class, fast.getLayer(0).getHelper(), spec.name);
                    assertSameGradients(fast, bp, batch(16, inputs, classes, 5), spec.name);
                    fitAlike(fast, bp, 5, 8, inputs, classes);
                    assertAdamClose(bp.params(), fast.params(), spec.learningRate, 5, spec.name + " parameters after 5 steps");
                }
                assertEquals(MKLDNNConvHelper.class, fast.getLayer(0).getHelper().getClass(), spec.name + ": the helper is back");
            }
        }
    }

    @Test
    void inputGradientsAfterTheScope() {
        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("lenet"));
        DataSet b = batch(4, 784, 10, 9);
        INDArray before = net.calculateGradients(b.getFeatures(), b.getLabels(), null, null).getSecond().dup();
        InputConvolution.withoutInputGradient(net).close();
        INDArray after = net.calculateGradients(b.getFeatures(), b.getLabels(), null, null).getSecond();
        assertTrue(before.amaxNumber().doubleValue() > 0, "a real input gradient");
        assertEquals(before, after);
    }

    /** A strided first convolution keeps conv2d_bp (same gradients); a dense first layer gets nothing. */
    @Test
    void otherFirstLayersKeepTheirCode() {
        MultiLayerNetwork strided = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(4).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(9, 9, 1)).build());
        strided.init();
        ConvolutionOps.install(strided);
        MultiLayerNetwork bp = ConvolutionOps.install(strided.clone());
        try (InputConvolution.Scope s = InputConvolution.withoutInputGradient(strided)) {
            assertSameGradients(strided, bp, batch(6, 81, 3, 1), "stride 2");
        }
        MultiLayerNetwork mlp = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        try (InputConvolution.Scope s = InputConvolution.withoutInputGradient(mlp)) {
            assertNull(mlp.getLayer(0).getHelper());
        }
    }

    private static void assertSameGradients(MultiLayerNetwork a, MultiLayerNetwork b, DataSet batch, String name) {
        for (MultiLayerNetwork n : new MultiLayerNetwork[]{a, b}) {
            n.setInput(batch.getFeatures());
            n.setLabels(batch.getLabels());
            Nd4j.getRandom().setSeed(7);
            n.computeGradientAndScore();
        }
        assertEquals(b.score(), a.score(), 1e-5, name + " loss");
        for (String key : b.gradient().gradientForVariable().keySet()) {
            assertClose(b.gradient().getGradientFor(key), a.gradient().getGradientFor(key), name + " gradient " + key);
        }
    }
}
