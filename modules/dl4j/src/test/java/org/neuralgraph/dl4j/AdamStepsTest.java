package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.dl4j.TrainingSteps.assertClose;
import static org.neuralgraph.dl4j.TrainingSteps.batch;

/**
 * {@link AdamSteps}: networks whose Adam steps are computed in Java train like the same networks on libnd4j's
 * {@code adam_updater} op (a clone has a fresh updater, so it runs the op), over many steps so that the bias
 * corrections change, with dropout, with a convolution, and with an Adam block that starts inside the parameter vector.
 * On the development machine the two gave bit-identical parameters after 20 steps; the check allows float rounding.
 */
class AdamStepsTest {

    @Test
    void trainingMatchesLibnd4jsOp() {
        for (ModelSpec spec : new ModelSpec[]{ModelSpec.preset("mlp-seed000"), ModelSpec.preset("lenet"), NetFragmentModels.spec(11, 2)}) {
            int inputs = spec.channels * spec.height * spec.width;
            int classes = spec.layers.get(spec.layers.size() - 1).units;
            MultiLayerNetwork java = ModelFactory.build(spec);
            MultiLayerNetwork op = ConvolutionOps.install(java.clone()); // the same convolution code as the original
            AdamSteps.install(java);
            assertEquals(1, count(java, AdamSteps.JavaAdamUpdater.class), spec.name + ": one Adam block, computed in Java");
            assertEquals(0, count(op, AdamSteps.JavaAdamUpdater.class), spec.name + ": the clone runs the op");
            for (int step = 0; step < 20; step++) {
                DataSet b = batch(8, inputs, classes, step);
                Nd4j.getRandom().setSeed(100 + step); // the same dropout masks for both
                java.fit(b);
                Nd4j.getRandom().setSeed(100 + step);
                op.fit(b);
            }
            assertClose(op.params(), java.params(), spec.name + " parameters after 20 steps");
            assertClose(op.getUpdater().getStateViewArray(), java.getUpdater().getStateViewArray(), spec.name + " updater state (m, v)");
        }
    }

    /** Net fragment model 11's first layer is fixed with SGD(0): its block keeps DL4J's updater. */
    @Test
    void onlyAdamBlocksAreReplaced() {
        MultiLayerNetwork net = AdamSteps.install(ModelFactory.build(NetFragmentModels.spec(11, 2)));
        List<UpdaterBlock> blocks = ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks();
        assertTrue(blocks.size() >= 2, "a fixed block and an Adam block");
        assertTrue(blocks.get(0).getParamOffsetStart() == 0 && !(blocks.get(0).getGradientUpdater() instanceof AdamUpdater));
        assertTrue(blocks.get(blocks.size() - 1).getGradientUpdater() instanceof AdamSteps.JavaAdamUpdater);
    }

    @Test
    void optOutLeavesTheOp() {
        System.setProperty(AdamSteps.PROPERTY, "false");
        try {
            assertFalse(AdamSteps.enabled());
            MultiLayerNetwork net = AdamSteps.install(ModelFactory.build(ModelSpec.preset("mlp-seed000")));
            assertEquals(0, count(net, AdamSteps.JavaAdamUpdater.class));
            assertEquals(1, count(net, AdamUpdater.class));
        } finally {
            System.clearProperty(AdamSteps.PROPERTY);
        }
        assertTrue(AdamSteps.enabled());
    }

    private static long count(MultiLayerNetwork net, Class<?> updaterClass) {
        return ((BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks().stream()
                .map(UpdaterBlock::getGradientUpdater).filter(g -> g != null && g.getClass() == updaterClass).count();
    }
}
