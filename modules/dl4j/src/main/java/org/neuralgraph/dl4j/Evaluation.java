package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.data.LabeledImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Accuracy and mean cross-entropy loss of a network on a data set (inference mode: no dropout). */
public final class Evaluation {

    private final double accuracy;
    private final double loss;

    private Evaluation(double accuracy, double loss) {
        this.accuracy = accuracy;
        this.loss = loss;
    }

    public double accuracy() { return accuracy; }
    /** Mean of -ln p(true class) over the samples. */
    public double loss() { return loss; }

    /** Evaluates {@code net} on {@code data} in batches of 1,000. */
    public static Evaluation of(MultiLayerNetwork net, LabeledImages data) {
        return of(Network.of(net), data);
    }

    /** Evaluates a network of either kind on {@code data} in batches of 1,000. */
    public static Evaluation of(Network net, LabeledImages data) {
        int correct = 0;
        double lossSum = 0;
        int[] labels = data.labels();
        int offset = 0;
        for (DataSet batch : Batches.inOrder(data, 1000)) {
            INDArray p = net.output(batch.getFeatures());
            int b = (int) p.size(0);
            float[] probs = p.dup('c').data().asFloat();
            int classes = (int) p.size(1);
            for (int k = 0; k < b; k++) {
                int best = 0;
                for (int c = 1; c < classes; c++) if (probs[k * classes + c] > probs[k * classes + best]) best = c;
                int y = labels[offset + k];
                if (best == y) correct++;
                lossSum -= Math.log(Math.max(probs[k * classes + y], 1e-12));
            }
            offset += b;
        }
        return new Evaluation(correct / (double) data.size(), lossSum / data.size());
    }
}
