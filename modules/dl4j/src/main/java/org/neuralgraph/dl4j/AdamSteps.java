package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.lang.reflect.Field;
import java.nio.FloatBuffer;

/**
 * Computes a DL4J network's Adam steps in Java instead of libnd4j's {@code adam_updater} op, without changing the
 * network: its configuration, updater state layout and saved model zip stay those of DL4J's own Adam.
 *
 * <p>Why: in ND4J 1.0.0-M2.1 the op takes about 6 ns per parameter on this project's 2-core machine, because its
 * element loop calls a square root that the compiler does not vectorise (libnd4j's own {@code sqrt} transform is as
 * slow: 2.8 ms for 669,706 floats, against 0.2 ms for the same loop in Java). That was 3.9 ms of a 14 ms training
 * step of mlp-512 (784-512-512-10) and 0.27 ms of a 2-3 ms step of mlp-seed000 (issue 2). The step computed here is
 * the op's, term for term (Kingma &amp; Ba 2015, Algorithm 1, with the bias corrections folded into the step size as
 * in their Section 2): with {@code t = iteration + 1},
 * <pre>
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   g = m * lr sqrt(1 - beta2^t) / (1 - beta1^t) / (sqrt(v) + epsilon)
 * </pre>
 * in float32, on copies of the three vectors; DL4J then subtracts {@code g} from the parameters as before. Results
 * equal the op's within float rounding ({@code AdamStepsTest}).
 *
 * <p>DL4J keeps each updater block's {@link GradientUpdater} in a private field with no setter, so {@link #install}
 * sets it by reflection, as {@link ConvolutionOps} does for the convolution helper. Opt-out:
 * {@code -Dneuralgraph.javaAdam=false}.
 */
public final class AdamSteps {

    /** System property; {@code false} leaves every network on libnd4j's op. */
    public static final String PROPERTY = "neuralgraph.javaAdam";

    private static final Field GRADIENT_UPDATER = updaterField();

    private AdamSteps() { }

    /**
     * Replaces the {@link AdamUpdater} of every float32 updater block of {@code net} by {@link JavaAdamUpdater} over the
     * same state arrays; a no-op when {@link #PROPERTY} is {@code false}. Creates the network's updater when it has none
     * yet, as {@code fit} would. Call it just before training: DL4J makes new updater blocks when the network is
     * cloned, re-initialised or given a new updater.
     *
     * @return {@code net}
     */
    public static MultiLayerNetwork install(MultiLayerNetwork net) {
        if (!enabled() || GRADIENT_UPDATER == null) return net;
        Updater updater = net.getUpdater();
        if (!(updater instanceof BaseMultiLayerUpdater)) return net;
        for (UpdaterBlock block : ((BaseMultiLayerUpdater<?>) updater).getUpdaterBlocks()) {
            GradientUpdater<?> g = block.getGradientUpdater();
            if (g == null || g.getClass() != AdamUpdater.class) continue;
            AdamUpdater adam = (AdamUpdater) g;
            if (adam.getM() == null || adam.getM().dataType() != DataType.FLOAT) continue;
            try {
                GRADIENT_UPDATER.set(block, new JavaAdamUpdater(adam));
            } catch (IllegalAccessException e) {
                return net; // libnd4j's op stays in place
            }
        }
        return net;
    }

    /** True unless {@link #PROPERTY} is {@code false}. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
    }

    private static Field updaterField() {
        try {
            Field f = UpdaterBlock.class.getDeclaredField("gradientUpdater");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * DL4J's {@link AdamUpdater} with the step computed in Java (see {@link AdamSteps}); falls back to the op for arrays
     * that are not contiguous float32 vectors.
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

        /** The array's elements: its buffer's NIO view starts at the underlying allocation, the array at its offset. */
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
