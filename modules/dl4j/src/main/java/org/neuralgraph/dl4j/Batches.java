package org.neuralgraph.dl4j;

import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.Permutations;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns {@link LabeledImages} into DL4J mini-batches: features {@code [batch, rows*cols]} (flat, as both
 * {@code InputType.feedForward} and {@code convolutionalFlat} expect) and one-hot labels.
 */
final class Batches {

    private Batches() { }

    /** Mini-batches in a seeded random order of the samples (a new order for each epoch's seed). */
    static List<DataSet> shuffled(LabeledImages data, int batchSize, long seed) {
        return batches(data, Permutations.random(data.size(), new Random(seed)), batchSize);
    }

    /** Mini-batches in the data's own order (for evaluation). */
    static List<DataSet> inOrder(LabeledImages data, int batchSize) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        return batches(data, order, batchSize);
    }

    private static List<DataSet> batches(LabeledImages data, int[] order, int batchSize) {
        int px = data.rows() * data.cols();
        int classes = data.classes();
        float[] pixels = data.pixels();
        int[] labels = data.labels();
        List<DataSet> out = new ArrayList<>((order.length + batchSize - 1) / batchSize);
        for (int from = 0; from < order.length; from += batchSize) {
            int b = Math.min(batchSize, order.length - from);
            float[] f = new float[b * px];
            float[] y = new float[b * classes];
            for (int k = 0; k < b; k++) {
                int i = order[from + k];
                System.arraycopy(pixels, i * px, f, k * px, px);
                y[k * classes + labels[i]] = 1f;
            }
            INDArray features = Nd4j.create(f, new long[]{b, px}, 'c');
            INDArray oneHot = Nd4j.create(y, new long[]{b, classes}, 'c');
            out.add(new DataSet(features, oneHot));
        }
        return out;
    }
}
