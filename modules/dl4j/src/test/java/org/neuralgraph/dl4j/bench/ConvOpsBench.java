package org.neuralgraph.dl4j.bench;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.neuralgraph.dl4j.ModelFactory;
import org.neuralgraph.dl4j.ModelSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 2's CNN speed, layer by layer: milliseconds per batch of 64 for LeNet (the {@code lenet} preset) on random
 * data, (a) a whole training step, (b) each layer's forward ({@code activate}) and backward ({@code backpropGradient})
 * pass as the network calls them, and (c) libnd4j's {@code conv2d}, {@code conv2d_bp}, {@code maxpool2d},
 * {@code maxpool2d_bp} ops called directly on contiguous NCHW arrays; (a) and (b) with DL4J's own convolution code
 * (a clone of the network: fresh layers without the helper) and with {@link org.neuralgraph.dl4j.ConvolutionOps}.
 * Each figure: median wall time of the repeats after 5 warm-ups, its minimum, and the mean process CPU time.
 * <p>Run from the repository root (the natives are those of the build; {@code -Dnd4j.natives=linux-x86_64} for the
 * plain ones):
 * <pre>
 * mvn -o -q -pl modules/dl4j -am test-compile
 * mvn -o -q -pl modules/dl4j dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=2 java -cp modules/dl4j/target/test-classes:modules/dl4j/target/classes:modules/core/target/classes:$(cat /tmp/cp.txt) \
 *     org.neuralgraph.dl4j.bench.ConvOpsBench [repeats]
 * </pre>
 */
public final class ConvOpsBench {

    private static final int BATCH = 64;
    private static final LayerWorkspaceMgr NO_WS = LayerWorkspaceMgr.noWorkspaces();

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.println("ND4J natives: " + nativesJar() + "; OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        Nd4j.getRandom().setSeed(1);
        MultiLayerNetwork ops = ModelFactory.build(ModelSpec.preset("lenet"));
        MultiLayerNetwork dl4j = ops.clone();
        DataSet ds = new DataSet(Nd4j.rand(DataType.FLOAT, BATCH, 784), Nd4j.zeros(DataType.FLOAT, BATCH, 10));
        for (int i = 0; i < BATCH; i++) ds.getLabels().putScalar(i, i % 10, 1);
        for (int round = 0; round < 2; round++) { // interleaved, the machine being shared
            time("(a) training step, DL4J's convolution", reps, () -> dl4j.fit(ds));
            time("(a) training step, ConvolutionOps", reps, () -> ops.fit(ds));
        }
        layers("DL4J's convolution", dl4j, ds.getFeatures(), reps);
        layers("ConvolutionOps", ops, ds.getFeatures(), reps);

        INDArray x = ds.getFeatures().reshape('c', BATCH, 1, 28, 28).dup();
        INDArray a0 = activate(ops.getLayer(0), x), a1 = activate(ops.getLayer(1), a0), a2 = activate(ops.getLayer(2), a1);
        convOps("conv1", x, ops.getLayer(0), reps);
        poolOps("pool1", a0, reps);
        convOps("conv2", a1, ops.getLayer(2), reps);
        poolOps("pool2", a2, reps);
    }

    /** Each layer's forward and backward pass on the activations the network hands it. */
    private static void layers(String what, MultiLayerNetwork net, INDArray features, int reps) {
        java.util.List<INDArray> acts = net.feedForward(features, true); // [input, layer 0 output, ...]
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer l = net.getLayer(i);
            INDArray a = i == 0 ? features.reshape('c', BATCH, 1, 28, 28) : acts.get(i);
            INDArray in = i == 4 ? a.reshape('c', BATCH, a.length() / BATCH) : a; // the preprocessor before the dense layers
            INDArray eps = Nd4j.rand(DataType.FLOAT, acts.get(i + 1).shape());
            String name = "(b) " + what + ", layer " + i + " " + l.getClass().getSimpleName();
            time(name + " forward", reps, () -> { l.setInput(in, NO_WS); l.activate(true, NO_WS); });
            if (l instanceof org.deeplearning4j.nn.api.layers.IOutputLayer) continue;
            time(name + " backward", reps, () -> { l.setInput(in, NO_WS); l.backpropGradient(eps, NO_WS); });
        }
    }

    private static INDArray activate(Layer l, INDArray in) {
        l.setInput(in, NO_WS);
        return l.activate(true, NO_WS).dup('c');
    }

    /** Arguments of conv2d as DL4J's MKLDNNConvHelper passes them: kernel, stride 1, no padding, dilation 1, VALID, NCHW, weights [oC, iC, kH, kW]. */
    private static void convOps(String name, INDArray in, Layer layer, int reps) {
        INDArray w = layer.getParam("W"), b = layer.getParam("b");
        int[] args = {(int) w.size(2), (int) w.size(3), 1, 1, 0, 0, 1, 1, 0, 0, 1};
        long[] outShape = {in.size(0), w.size(0), in.size(2) - w.size(2) + 1, in.size(3) - w.size(3) + 1};
        INDArray out = Nd4j.create(in.dataType(), outShape), eps = Nd4j.rand(in.dataType(), outShape);
        INDArray gIn = Nd4j.create(in.dataType(), in.shape()), gW = Nd4j.create(w.dataType(), w.shape()), gB = Nd4j.create(b.dataType(), b.shape());
        time("(c) conv2d " + name, reps, () -> Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(in, w, b).addOutputs(out).addIntegerArguments(args).build()));
        time("(c) conv2d_bp " + name, reps, () -> Nd4j.exec(DynamicCustomOp.builder("conv2d_bp")
                .addInputs(in, w, b, eps).addOutputs(gIn, gW, gB).addIntegerArguments(args).build()));
    }

    /** Arguments as DL4J's SubsamplingLayer passes them: 2x2, stride 2, no padding, VALID, NCHW. */
    private static void poolOps(String name, INDArray in, int reps) {
        int[] args = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0};
        long[] outShape = {in.size(0), in.size(1), in.size(2) / 2, in.size(3) / 2};
        INDArray out = Nd4j.create(in.dataType(), outShape), eps = Nd4j.rand(in.dataType(), outShape);
        INDArray gIn = Nd4j.create(in.dataType(), in.shape());
        time("(c) maxpool2d " + name, reps, () -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d")
                .addInputs(in).addOutputs(out).addIntegerArguments(args).build()));
        time("(c) maxpool2d_bp " + name, reps, () -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp")
                .addInputs(in, eps).addOutputs(gIn).addIntegerArguments(args).build()));
    }

    private static void time(String what, int reps, Runnable r) {
        for (int i = 0; i < 5; i++) r.run();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[reps];
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / reps;
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-72s %8.3f ms (min %8.3f)  cpu %8.3f ms%n", what, wall[reps / 2], wall[0], cpu);
    }

    private static String nativesJar() {
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.contains("nd4j-native-1.0.0") && e.contains("linux")) return new java.io.File(e).getName();
        }
        return "?";
    }
}
