package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the post-activation outputs of every hidden fully connected layer (DL4J {@link DenseLayer}; the output
 * layer is excluded, as in Mostafa and Mondal, Section 5.1) over a data set, in inference mode (no dropout).
 *
 * <p>Memory: the data is fed in batches of {@link #BATCH} samples, each batch's activations are copied into one
 * preallocated {@code samples x neurons} float matrix per layer, and nothing else is kept; 60,000 samples x 2 x 512
 * neurons take 246 MB, and a study holds one checkpoint's matrices at a time.
 */
public final class ActivationRecorder {

    /** Samples per forward pass. */
    public static final int BATCH = 1000;

    private ActivationRecorder() { }

    /** The indices (in {@code net}) of its hidden dense layers. */
    public static int[] hiddenDenseLayers(MultiLayerNetwork net) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof DenseLayer) out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * @return one {@link LayerActivations} per hidden dense layer, named {@code dense_1, dense_2, ...}
     * @throws IllegalArgumentException when the model has no hidden dense layer or the data does not fit its input
     */
    public static List<LayerActivations> record(MultiLayerNetwork net, LabeledImages data, ProgressMonitor monitor) {
        int[] layers = hiddenDenseLayers(net);
        if (layers.length == 0) {
            throw new IllegalArgumentException("the model has no hidden fully connected layer, so it has no activation pattern graph");
        }
        int px = data.rows() * data.cols();
        long nIn = net.layerInputSize(0);
        if (nIn > 0 && nIn != px && !(net.getLayer(0).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer)) {
            throw new IllegalArgumentException("the model's first layer takes " + nIn + " inputs but the images have "
                    + data.rows() + "x" + data.cols() + " = " + px + " pixels");
        }
        int n = data.size();
        int[] width = new int[layers.length];
        float[][] values = new float[layers.length][];
        for (int k = 0; k < layers.length; k++) {
            width[k] = (int) net.layerSize(layers[k]);
            values[k] = new float[Math.multiplyExact(n, width[k])];
        }
        int last = layers[layers.length - 1];
        float[] pixels = data.pixels();
        monitor.start("recording activations", n);
        for (int from = 0; from < n; from += BATCH) {
            monitor.checkCancelled();
            int b = Math.min(BATCH, n - from);
            INDArray x = Nd4j.create(java.util.Arrays.copyOfRange(pixels, from * px, (from + b) * px), new long[]{b, px}, 'c');
            List<INDArray> acts = net.feedForwardToLayer(last, x, false); // index 0 is the input, i + 1 the output of layer i
            for (int k = 0; k < layers.length; k++) {
                float[] a = acts.get(layers[k] + 1).castTo(DataType.FLOAT).dup('c').data().asFloat();
                System.arraycopy(a, 0, values[k], from * width[k], b * width[k]);
            }
            monitor.progress(from + b, null);
        }
        List<LayerActivations> out = new ArrayList<>();
        for (int k = 0; k < layers.length; k++) {
            out.add(new LayerActivations("dense_" + (k + 1), k + 1, values[k], n, width[k], data.labels(), data.classes()));
        }
        return out;
    }
}
