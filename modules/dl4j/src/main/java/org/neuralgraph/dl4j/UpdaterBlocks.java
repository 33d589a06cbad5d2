package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.neuralgraph.dl4j.TrainingShortcuts.Shortcut;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Gives a DL4J network's updater blocks (the parameter ranges that share an updater) less work per training step,
 * with the same arithmetic and state: the network's configuration, updater state layout and saved model zip stay
 * DL4J's own. Measured on this project's 2-core machine (issue 2; docs/benchmarks.md):
 * <ul>
 *   <li><b>Adam in Java.</b> ND4J 1.0.0-M2.1's {@code adam_updater} op takes about 6 ns per parameter, because its
 *       element loop calls a square root that the compiler does not vectorise (libnd4j's own {@code sqrt} transform is
 *       as slow: 2.8 ms for 669,706 floats, against 0.2 ms for the same loop in Java): 3.9 ms of a 14 ms training step
 *       of mlp-512 (784-512-512-10), 0.27 ms of a 2-3 ms step of mlp-seed000. {@link JavaAdamUpdater} computes the
 *       op's step, term for term, in float32 on copies of the three vectors.</li>
 *   <li><b>The block's own views.</b> DL4J's {@code BaseMultiLayerUpdater.update} tells a block the gradient is
 *       "external" whenever {@code Gradient.gradient()} is not the very object of the network's flattened gradients,
 *       and in M2.1 it never is (it returns a new array object, a reshape over the same memory). The block then slices the
 *       full gradient and parameter vectors again for itself and for every parameter's regularisation, before and after
 *       the updater: about 40 new array views per step of mlp-seed000, 0.14 ms. {@link OwnViewsBlock} checks that the
 *       "external" arrays are the network's own memory and then takes DL4J's standard path, which uses the views the
 *       block already holds.</li>
 * </ul>
 * DL4J keeps its blocks in a list that {@code getUpdaterBlocks()} returns as is; {@link #install} puts an
 * {@link OwnViewsBlock} in each place. Results equal DL4J's own within float rounding ({@code UpdaterBlocksTest}).
 *
 * <p>On unless {@link TrainingShortcuts} says otherwise ({@code -Dneuralgraph.shortcut.leanUpdater=false}, its old
 * name {@code -Dneuralgraph.leanUpdater=false}); when the network's updater or block list is not what DL4J 1.0.0-M2.1
 * gives, a warning says so and the network keeps DL4J's own blocks.
 */
public final class UpdaterBlocks {

    private UpdaterBlocks() { }

    /**
     * Replaces each updater block of {@code net} by an {@link OwnViewsBlock} over the same ranges, views and state when
     * {@link TrainingShortcuts} has the shortcut on. Creates the network's updater when it has none yet, as
     * {@code fit} would. Call it just before training: DL4J makes new blocks when a network is cloned,
     * re-initialised or given a new updater.
     *
     * @return {@code net}
     */
    public static MultiLayerNetwork install(MultiLayerNetwork net) {
        if (!TrainingShortcuts.isOn(Shortcut.LEAN_UPDATER)) return net;
        Updater updater = net.getUpdater();
        if (!(updater instanceof BaseMultiLayerUpdater)) {
            TrainingShortcuts.cannotInstall(Shortcut.LEAN_UPDATER, "the network's updater is "
                    + (updater == null ? "none" : updater.getClass().getName()) + ", not a BaseMultiLayerUpdater");
            return net;
        }
        List<UpdaterBlock> blocks = ((BaseMultiLayerUpdater<?>) updater).getUpdaterBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof OwnViewsBlock) continue;
            OwnViewsBlock own = new OwnViewsBlock(blocks.get(i));
            try {
                blocks.set(i, own);
            } catch (UnsupportedOperationException e) {
                TrainingShortcuts.cannotInstall(Shortcut.LEAN_UPDATER, "the updater's block list cannot be changed");
                return net;
            }
            if (((BaseMultiLayerUpdater<?>) updater).getUpdaterBlocks().get(i) != own) { // a copy: the updater keeps its blocks
                TrainingShortcuts.cannotInstall(Shortcut.LEAN_UPDATER, "getUpdaterBlocks() is not the updater's own block list");
                return net;
            }
        }
        return net;
    }

    /** Where an array's first element lives: ND4J's buffer address is the allocation's, the offset the array's. */
    private static long start(INDArray a) {
        return a.data().address() + a.offset() * a.dataType().width();
    }

    /**
     * An updater block that takes DL4J's standard path when the "external" gradient and parameters are the network's
     * own arrays, and computes Adam in Java.
     */
    static final class OwnViewsBlock extends UpdaterBlock {

        OwnViewsBlock(UpdaterBlock of) {
            super(of.getParamOffsetStart(), of.getParamOffsetEnd(), of.getUpdaterViewOffsetStart(), of.getUpdaterViewOffsetEnd(),
                    of.getLayersAndVariablesInBlock());
            setUpdaterView(of.getUpdaterView());
            setGradientView(of.getGradientView());
            setUpdaterViewRequiresInitialization(of.isUpdaterViewRequiresInitialization());
            GradientUpdater<?> g = of.getGradientUpdater();
            boolean floatAdam = g != null && g.getClass() == AdamUpdater.class && ((AdamUpdater) g).getM() != null
                    && ((AdamUpdater) g).getM().dataType() == DataType.FLOAT;
            setGradientUpdater(floatAdam ? new JavaAdamUpdater((AdamUpdater) g) : g);
        }

        @Override
        public void updateExternalGradient(int iteration, int epoch, INDArray fullNetworkGradientView, INDArray fullNetworkParamsArray) {
            if (isNetworksOwn(fullNetworkGradientView, fullNetworkParamsArray)) {
                update(iteration, epoch);
            } else {
                super.updateExternalGradient(iteration, epoch, fullNetworkGradientView, fullNetworkParamsArray);
            }
        }

        /** True when this block's gradient view and first parameter view lie where the full arrays would slice them. */
        boolean isNetworksOwn(INDArray gradients, INDArray params) {
            List<ParamState> states = getLayersAndVariablesInBlock();
            if (getGradientView() == null || states.isEmpty() || states.get(0).getParamView() == null) return false;
            long shift = (long) getParamOffsetStart() * gradients.dataType().width();
            return start(getGradientView()) == start(gradients) + shift
                    && start(states.get(0).getParamView()) == start(params) + shift;
        }
    }

    /**
     * DL4J's {@link AdamUpdater} with the step of libnd4j's {@code adam_updater} computed in Java (Kingma &amp; Ba 2015,
     * Algorithm 1, with the bias corrections folded into the step size as in their Section 2): with
     * {@code t = iteration + 1},
     * <pre>
     *   m = beta1 m + (1 - beta1) g
     *   v = beta2 v + (1 - beta2) g^2
     *   g = m * lr sqrt(1 - beta2^t) / (1 - beta1^t) / (sqrt(v) + epsilon)
     * </pre>
     * in float32; DL4J then subtracts {@code g} from the parameters as before. Falls back to the op for arrays that are
     * not contiguous float32 vectors.
     */
    static final class JavaAdamUpdater extends AdamUpdater {

        private float[] g = new float[0], m = new float[0], v = new float[0];

        JavaAdamUpdater(AdamUpdater of) {
            super(of.getConfig());
            setM(of.getM());
            setV(of.getV());
            setGradientReshapeOrder(of.getGradientReshapeOrder());
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            int n = (int) Math.min(Integer.MAX_VALUE, getM().length());
            if (!isFloatVector(gradient, n) || !isFloatVector(getM(), n) || !isFloatVector(getV(), n)) {
                super.applyUpdater(gradient, iteration, epoch);
                return;
            }
            if (g.length != n) {
                g = new float[n];
                m = new float[n];
                v = new float[n];
            }
            read(gradient, g);
            read(getM(), m);
            read(getV(), v);
            Adam c = getConfig();
            float beta1 = (float) c.getBeta1(), beta2 = (float) c.getBeta2(), epsilon = (float) c.getEpsilon();
            float lr = (float) c.getLearningRate(iteration, epoch);
            float t = iteration + 1;
            float beta1T = (float) Math.pow(beta1, t), beta2T = (float) Math.pow(beta2, t);
            float stepSize = (float) (lr * (float) Math.sqrt((float) (1. - beta2T)) / (1.0 - beta1T));
            if (Float.isNaN(stepSize) || Float.isInfinite(stepSize) || stepSize == 0) stepSize = epsilon; // as the op does
            float oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2;
            float[] g = this.g, m = this.m, v = this.v;
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + gi * oneMinusBeta1;
                float vi = beta2 * v[i] + gi * gi * oneMinusBeta2;
                m[i] = mi;
                v[i] = vi;
                g[i] = (mi * stepSize) / ((float) Math.sqrt(vi) + epsilon);
            }
            write(g, gradient);
            write(m, getM());
            write(v, getV());
        }

        private static boolean isFloatVector(INDArray a, int n) {
            return a.dataType() == DataType.FLOAT && a.length() == n && (a.rank() == 1 || a.isVector())
                    && (n == 1 || a.elementWiseStride() == 1);
        }

        /** The array's elements: its buffer's NIO view starts at the allocation, the array at its offset. */
        private static void read(INDArray a, float[] to) {
            FloatBuffer b = a.data().asNioFloat();
            b.position((int) a.offset());
            b.get(to, 0, to.length);
        }

        private static void write(float[] from, INDArray a) {
            FloatBuffer b = a.data().asNioFloat();
            b.position((int) a.offset());
            b.put(from, 0, from.length);
        }
    }
}
