package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.dl4j.TrainingSteps.assertClose;
import static org.neuralgraph.dl4j.TrainingSteps.fitAlike;

/**
 * {@link UpdaterBlocks}: networks with the lean blocks train like the same networks on DL4J's own blocks and
 * libnd4j's {@code adam_updater} op (a clone has a fresh updater), over many steps so that Adam's bias corrections
 * change, with dropout, with convolutions, with an Adam block that starts inside the parameter vector, and with L2
 * regularisation and weight decay (which the blocks apply before and after the updater). On the development machine
 * the two gave bit-identical parameters after 20 steps; the check allows float rounding.
 */
class UpdaterBlocksTest {

    @Test
    void trainingMatchesDl4jsOwnBlocks() {
        for (ModelSpec spec : new ModelSpec[]{ModelSpec.preset("mlp-seed000"), ModelSpec.preset("lenet"), NetFragmentModels.spec(11, 2)}) {
            int inputs = spec.channels * spec.height * spec.width;
            int classes = spec.layers.get(spec.layers.size() - 1).units;
            MultiLayerNetwork lean = ModelFactory.build(spec);
            MultiLayerNetwork dl4j = ConvolutionOps.install(lean.clone()); // the same convolution code as the original
            UpdaterBlocks.install(lean);
            assertEquals(1, count(lean, UpdaterBlocks.JavaAdamUpdater.class), spec.name + ": one Adam block, computed in Java");
            assertEquals(0, count(dl4j, UpdaterBlocks.JavaAdamUpdater.class), spec.name + ": the clone runs the op");
            trainAlike(lean, dl4j, inputs, classes, spec.name);
        }
    }

    @Test
    void regularisationIsApplied() {
        MultiLayerNetwork lean = denseNet(1e-2, 1e-3);
        MultiLayerNetwork dl4j = lean.clone();
        MultiLayerNetwork unregularised = denseNet(0, 0);
        unregularised.setParams(lean.params());
        UpdaterBlocks.install(lean);
        UpdaterBlocks.install(unregularised);
        trainAlike(lean, dl4j, 20, 4, "l2 + weight decay");
        trainAlike(unregularised, unregularised.clone(), 20, 4, "unregularised");
        double apart = lean.params().sub(unregularised.params()).amaxNumber().doubleValue();
        assertTrue(apart > 1e-4, "regularisation changed the parameters (by " + apart + ")");
    }

    private static MultiLayerNetwork denseNet(double l2, double weightDecay) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(1e-2)).l2(l2).weightDecay(weightDecay).list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(4).activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    /** Net fragment model 11's first layer is fixed with SGD(0): its block keeps that updater; every block takes its own views. */
    @Test
    void blocksKeepTheirUpdatersAndUseTheirOwnViews() {
        MultiLayerNetwork net = UpdaterBlocks.install(ModelFactory.build(NetFragmentModels.spec(11, 2)));
        BaseMultiLayerUpdater<?> updater = (BaseMultiLayerUpdater<?>) net.getUpdater();
        List<UpdaterBlock> blocks = updater.getUpdaterBlocks();
        assertTrue(blocks.size() >= 2, "a fixed block and an Adam block");
        assertFalse(blocks.get(0).getGradientUpdater() instanceof AdamUpdater, "the fixed kernels' SGD(0)");
        assertTrue(blocks.get(blocks.size() - 1).getGradientUpdater() instanceof UpdaterBlocks.JavaAdamUpdater);
        for (UpdaterBlock b : blocks) {
            UpdaterBlocks.OwnViewsBlock own = assertInstanceOf(UpdaterBlocks.OwnViewsBlock.class, b);
            assertTrue(own.isNetworksOwn(updater.getFlattenedGradientsView().reshape(1, net.numParams()), net.params()),
                    "block at " + b.getParamOffsetStart() + " sees the network's own arrays");
            assertFalse(own.isNetworksOwn(updater.getFlattenedGradientsView().dup(), net.params().dup()), "a copy is not the network's");
        }
        UpdaterBlock first = blocks.get(0);
        UpdaterBlocks.install(net);
        assertSame(first, updater.getUpdaterBlocks().get(0), "installing twice changes nothing");
    }

    /** The switch's old name, {@code neuralgraph.leanUpdater}, still turns the blocks off (see {@link TrainingShortcuts}). */
    @Test
    void optOutLeavesDl4jsBlocks() {
        System.setProperty("neuralgraph.leanUpdater", "false");
        try {
            assertFalse(TrainingShortcuts.isOn(TrainingShortcuts.Shortcut.LEAN_UPDATER));
            MultiLayerNetwork net = UpdaterBlocks.install(ModelFactory.build(ModelSpec.preset("mlp-seed000")));
            assertEquals(0, count(net, UpdaterBlocks.JavaAdamUpdater.class));
            assertEquals(1, count(net, AdamUpdater.class));
        } finally {
            System.clearProperty("neuralgraph.leanUpdater");
        }
        assertTrue(TrainingShortcuts.isOn(TrainingShortcuts.Shortcut.LEAN_UPDATER));
    }

    private static void trainAlike(MultiLayerNetwork lean, MultiLayerNetwork dl4j, int inputs, int classes, String name) {
        fitAlike(lean, dl4j, 20, 8, inputs, classes);
        assertClose(dl4j.params(), lean.params(), name + " parameters after 20 steps");
        assertClose(dl4j.getUpdater().getStateViewArray(), lean.getUpdater().getStateViewArray(), name + " updater state");
    }

    private static long count(MultiLayerNetwork net, Class<?> updaterClass) {
        return ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks().stream()
                .map(UpdaterBlock::getGradientUpdater).filter(g -> g != null && g.getClass() == updaterClass).count();
    }
}
