package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.ClassActivity;
import org.neuralgraph.core.netfragment.ContributionGraph;
import org.neuralgraph.core.netfragment.NeuronClassGraph;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The net-fragment study's two graphs of a trained network over the ten 9 x 9 digits, for the command line and the Gephi generator
 * alike: the neuron-class graph of the last hidden layer (the head's 12 neurons in the models of Table 4.1), its class
 * nodes carrying the input that maximises each class, and the contribution graph of one digit.
 */
public final class NetFragmentGraphs {

    private NetFragmentGraphs() { }

    /** The last hidden layer's mean activation per class, [neuron][class] (one image per class: its activation). */
    public static double[][] headActivations(MultiLayerNetwork net, LabeledImages digits) {
        List<ClassActivity> activity = LayerSignals.classActivity(net, checked(net, digits));
        if (activity.size() < 2) throw new IllegalArgumentException("the network has no hidden layer before its output layer");
        ClassActivity head = activity.get(activity.size() - 2);
        double[][] m = new double[head.units()][];
        for (int j = 0; j < m.length; j++) m[j] = head.classMeans(j);
        return m;
    }

    /**
     * The neuron-class graph of {@code net}'s last hidden layer; when {@code maximisation} is not null, the class nodes
     * carry the input maximising their class ({@code max_input}: 81 values, row-major, as text, since Gephi has no
     * image column) and its probability ({@code max_probability}).
     */
    public static NeuralGraph neuronClassGraph(MultiLayerNetwork net, LabeledImages digits, ActivationMaximisation maximisation,
                                               ProgressMonitor monitor) {
        NeuralGraph g = NeuronClassGraph.build(headActivations(net, digits));
        if (maximisation == null) return g;
        return withMaxima(g, maximisation.run(net, 1, digits.rows(), digits.cols(), monitor));
    }

    /** {@code g} with the maximising inputs on its class nodes, see {@link #neuronClassGraph}. */
    public static NeuralGraph withMaxima(NeuralGraph g, List<ActivationMaximisation.ClassImage> maxima) {
        String[] image = new String[g.nodeCount()];
        double[] p = new double[g.nodeCount()];
        Arrays.fill(image, "");
        for (ActivationMaximisation.ClassImage ci : maxima) {
            int node = g.indexOf("class_" + ci.classIndex());
            if (node < 0) continue;
            StringBuilder b = new StringBuilder();
            for (float v : ci.image()) b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
            image[node] = b.toString();
            p[node] = ci.endProbability();
        }
        Map<String, NeuralGraph.Column> c = new LinkedHashMap<>();
        c.put("max_input", NeuralGraph.Column.ofStrings("Input maximising the class (row-major)", image));
        c.put("max_probability", NeuralGraph.Column.ofDoubles("Class probability of that input", p));
        return g.withNodeColumns(c);
    }

    /** The contribution graph of the image of class {@code digit}, with dead units and selectivity over all the digits. */
    public static NeuralGraph contributionGraph(MultiLayerNetwork net, String modelName, LabeledImages digits, int digit) {
        checked(net, digits);
        int index = -1;
        for (int i = 0; i < digits.size(); i++) if (digits.labels()[i] == digit) { index = i; break; }
        if (index < 0) throw new IllegalArgumentException("digit " + digit + ": no image of that class among the " + digits.size());
        return ContributionGraph.build(Dl4jWeights.extract(net, modelName),
                LayerSignals.record(net, image(digits, index), 1, digits.rows(), digits.cols()),
                LayerSignals.classActivity(net, digits), "digit " + digit);
    }

    /** Image {@code i} of {@code images} as a flat array. */
    public static float[] image(LabeledImages images, int i) {
        int n = images.rows() * images.cols();
        float[] x = new float[n];
        System.arraycopy(images.pixels(), i * n, x, 0, n);
        return x;
    }

    /** The network must read images of the digits' size: said by name rather than as a shape error deep in DL4J. */
    private static LabeledImages checked(MultiLayerNetwork net, LabeledImages digits) {
        long want = ActivationMaximisation.inputSize(net);
        long have = (long) digits.rows() * digits.cols();
        if (want >= 0 && want != have) {
            throw new IllegalArgumentException("the model reads " + want + " input values, not the " + have + " pixels of a "
                    + digits.rows() + "x" + digits.cols() + " digit: net-fragment graphs need a model of the net-fragment study's digits (nf-1 to nf-11)");
        }
        return digits;
    }
}
