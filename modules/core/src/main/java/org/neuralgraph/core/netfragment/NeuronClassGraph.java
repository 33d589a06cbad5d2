package org.neuralgraph.core.netfragment;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;

import java.util.Locale;

/**
 * The net-fragment study's view of net fragments (Section 4.2, Fig. 4.4) as a graph: the neurons of the head's first layer
 * (after ReLU) and the ten classes are nodes; neuron j and class c are linked with weight = j's activation for the
 * image of class c. An activation of exactly 0 (ReLU off) is no edge, so a neuron never active for any class is an
 * isolated node. A net fragment would show as a neuron linked strongly to a few classes only; the paper finds
 * neurons "always similarly strongly active regardless of the class".
 *
 * <p>Undirected and bipartite. Node ids {@code n<j>} and {@code class_<c>}; node columns {@code layer} (0 neurons,
 * 1 classes, so that Gephi starts the two sides apart), {@code kind}, {@code unit}, {@code dead} (1 when the neuron is
 * never active, 0 otherwise and for classes), {@code selectivity} ({@link ClassSelectivity} of the neuron, 0 for
 * classes), {@code total_activation} (a neuron's sum over classes, a class's sum over neurons).
 */
public final class NeuronClassGraph {

    private NeuronClassGraph() { }

    /**
     * @param activation {@code activation[j][c]}: neuron j's activation for class c's input, >= 0 (after ReLU)
     * @throws IllegalArgumentException for a ragged or empty matrix, or a negative or non-finite activation
     */
    public static NeuralGraph build(double[][] activation) {
        int neurons = activation.length;
        if (neurons == 0 || activation[0].length == 0) throw new IllegalArgumentException("activation matrix is empty");
        int classes = activation[0].length;
        for (int j = 0; j < neurons; j++) {
            if (activation[j].length != classes) throw new IllegalArgumentException("activation row " + j + " has " + activation[j].length + " classes, row 0 has " + classes);
            for (int c = 0; c < classes; c++) {
                double a = activation[j][c];
                if (!(a >= 0) || Double.isInfinite(a)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "activation of neuron %d for class %d is %s: ReLU activations are finite and >= 0", j, c, a));
                }
            }
        }
        int n = neurons + classes;
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        int[] layer = new int[n], unit = new int[n], dead = new int[n];
        String[] kind = new String[n];
        double[] selectivity = new double[n], total = new double[n];
        for (int j = 0; j < neurons; j++) {
            b.addNode("n" + j, "neuron " + j);
            kind[j] = "neuron";
            unit[j] = j;
            selectivity[j] = ClassSelectivity.index(activation[j]);
            double sum = 0;
            for (double a : activation[j]) sum += a;
            total[j] = sum;
            dead[j] = sum == 0 ? 1 : 0;
        }
        for (int c = 0; c < classes; c++) {
            b.addNode("class_" + c, "class " + c);
            layer[neurons + c] = 1;
            kind[neurons + c] = "class";
            unit[neurons + c] = c;
        }
        for (int j = 0; j < neurons; j++) {
            for (int c = 0; c < classes; c++) {
                if (activation[j][c] > 0) {
                    b.addEdge(j, neurons + c, activation[j][c]);
                    total[neurons + c] += activation[j][c];
                }
            }
        }
        return b.nodeColumn(Names.LAYER, Column.ofInts("Layer (0 neurons, 1 classes)", layer))
                .nodeColumn("kind", Column.ofStrings("Node kind", kind))
                .nodeColumn("unit", Column.ofInts("Neuron or class index", unit))
                .nodeColumn("dead", Column.ofInts("Never active (1) or not (0)", dead))
                .nodeColumn("selectivity", Column.ofDoubles("Class-selectivity index", selectivity))
                .nodeColumn("total_activation", Column.ofDoubles("Sum of activations over the other side", total))
                .graphAttribute(Names.GRAPH_KIND, "neuron-class graph")
                .build();
    }
}
