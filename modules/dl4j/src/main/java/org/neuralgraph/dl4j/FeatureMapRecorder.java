package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the composite feature maps of every convolution layer over a data set (Darnell and Leonard, Section 4: the feature
 * maps of both LeNet convolution layers for the test images, averaged). A layer's feature map is its output after
 * its activation and before any pooling (the paper's "feature maps generated from both convolutional layers"; a
 * PyTorch LeNet applies ReLU before pooling, so the two readings agree), in inference mode. Images go through in
 * batches of {@link #BATCH}; only the running sums are kept.
 */
public final class FeatureMapRecorder {

    /** Images per forward pass. */
    public static final int BATCH = 500;

    private FeatureMapRecorder() { }

    /**
     * @return one {@link CompositeMaps} per convolution layer, named {@code conv_1, conv_2, ...}
     * @throws IllegalArgumentException when the model has no convolution layer
     */
    public static List<CompositeMaps> record(MultiLayerNetwork net, LabeledImages data, ProgressMonitor monitor) {
        List<Integer> conv = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) if (net.getLayer(i).conf().getLayer() instanceof ConvolutionLayer) conv.add(i);
        if (conv.isEmpty()) throw new IllegalArgumentException("the model has no convolution layer, so it has no feature maps");
        int px = data.rows() * data.cols(), n = data.size(), classes = data.classes();
        int[] labels = data.labels();
        double[][] all = new double[conv.size()][];
        double[][][] perClass = new double[conv.size()][classes][];
        long[][] shape = new long[conv.size()][];
        int[] count = new int[classes];
        for (int y : labels) count[y]++;
        monitor.start("recording feature maps", n);
        for (int from = 0; from < n; from += BATCH) {
            monitor.checkCancelled();
            int b = Math.min(BATCH, n - from);
            INDArray x = Nd4j.create(Arrays.copyOfRange(data.pixels(), from * px, (from + b) * px), new long[]{b, px}, 'c');
            List<INDArray> acts = net.feedForwardToLayer(conv.get(conv.size() - 1), x, false); // index i + 1: output of layer i
            for (int k = 0; k < conv.size(); k++) {
                INDArray out = acts.get(conv.get(k) + 1); // [b, channels, h, w]
                if (shape[k] == null) {
                    shape[k] = out.shape();
                    int size = (int) (shape[k][1] * shape[k][2] * shape[k][3]);
                    all[k] = new double[size];
                    for (int c = 0; c < classes; c++) perClass[k][c] = new double[size];
                }
                double[] v = out.castTo(DataType.DOUBLE).dup('c').data().asDouble();
                int size = all[k].length;
                for (int s = 0; s < b; s++) {
                    double[] cls = perClass[k][labels[from + s]];
                    for (int i = 0; i < size; i++) {
                        all[k][i] += v[s * size + i];
                        cls[i] += v[s * size + i];
                    }
                }
            }
            monitor.progress(from + b, null);
        }
        List<CompositeMaps> maps = new ArrayList<>();
        for (int k = 0; k < conv.size(); k++) {
            for (int i = 0; i < all[k].length; i++) all[k][i] /= n;
            for (int c = 0; c < classes; c++) {
                if (count[c] == 0) {
                    perClass[k][c] = null;
                    continue;
                }
                for (int i = 0; i < all[k].length; i++) perClass[k][c][i] /= count[c];
            }
            maps.add(new CompositeMaps("conv_" + (k + 1), (int) shape[k][1], (int) shape[k][2], (int) shape[k][3], all[k], perClass[k]));
        }
        return maps;
    }
}
