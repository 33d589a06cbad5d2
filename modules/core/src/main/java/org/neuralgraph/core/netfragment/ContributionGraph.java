package org.neuralgraph.core.netfragment;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.graph.NeuralGraph.Column;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The contribution graph of one input (issue 7, item 3b; the net-fragment study, Section 4.1: the activations of each layer are
 * "visualized and investigated for net fragments", and Section 3.1 / Fig. 4.3: net fragments of a layer are
 * "composed of simpler fragments of previous layers"). It follows the path from the pixels to a class: which units
 * of one layer drive which units of the next, for this input.
 *
 * <p><b>Nodes</b>, layer by layer ({@code layer} 0 = pixels, then one layer per weight layer):
 * <ul>
 *   <li>one per input pixel, id {@code px_r<row>c<col>} ({@code px_ch<k>_r<row>c<col>} when the image has more
 *       than one channel; {@code px_<i>} when the first layer's input is flat);</li>
 *   <li>one per convolution output channel and per dense neuron, id {@code L<layer>N<unit>} as in the weight graph;</li>
 *   <li>the last layer's neurons as class nodes, id {@code class_<j>}.</li>
 * </ul>
 * Node columns: {@code layer}, {@code layer_name} ({@code input} for pixels), {@code unit} (index in the layer; for a
 * pixel its flat index {@code (channel * height + row) * width + col}), {@code activation} (pixel value; channel: mean
 * of its post-activation map; neuron: its value), {@code bias} (NaN for pixels, 0 in a layer without bias); and, when class activity is given,
 * {@code dead} and {@code selectivity} (see below).
 *
 * <p><b>Edges</b> go from each weight layer's input units to its output units, weighted by weight x incoming
 * activation, summed over what the two units share:
 * <ul>
 *   <li>convolution (stride s, no padding), input channel c to output channel o:
 *       {@code sum over output positions (y,x) and kernel offsets (ky,kx) of W[o,c,ky,kx] * X[c, y*s+ky, x*s+kx]};
 *       from a pixel (c,py,px) of the first layer: {@code X[c,py,px]} times the sum of the kernel weights that meet it,
 *       over the output positions whose receptive field covers it;</li>
 *   <li>dense on a spatial input (DL4J flattens {@code channels x height x width} in that order), channel c to neuron j:
 *       {@code sum over (h,w) of W[(c,h,w), j] * X[c,h,w]}; from pixel i of the first layer: {@code W[i,j] * x_i};</li>
 *   <li>dense on a flat input: {@code W[i,j] * X[i]}.</li>
 * </ul>
 * So for every unit the incoming contributions plus its bias (times its number of output positions, for a channel)
 * add up to its pre-activation (summed over positions, for a channel). The bias is not an edge: it has no source
 * unit; it is in the node column {@code bias}. Contributions that are exactly 0 (an inactive pixel or unit) are left
 * out. The Gephi edge weight is |contribution| (weights must be positive); the signed value is the edge column
 * {@code contribution}.
 *
 * <p><b>Dead units and selectivity.</b> Whether a unit is dead and how class-selective it is are properties over all
 * inputs, not this one, so the caller supplies them as one {@link ClassActivity} per weight layer (computed over the
 * ten digits). The node column {@code dead} is an integer, 1 for a unit never active and 0 otherwise (the graph's
 * columns hold integers, doubles or strings; pixels are never dead), and {@code selectivity} the class-selectivity
 * index (Morcos et al. 2018, Eq. 1; 0 for pixels). Without class activity the two columns are left out.
 *
 * <p>Graph attributes: {@code graph_kind} ("contribution graph"), {@code model}, {@code input_label} (when given),
 * {@code layers} (units per layer, pixels first, e.g. {@code 81-2-12-10}).
 */
public final class ContributionGraph {

    /** The {@code graph_kind} attribute. */
    public static final String KIND = "contribution graph";

    private ContributionGraph() { }

    /** The graph without class activity (no {@code dead} and {@code selectivity} columns) and without an input label. */
    public static NeuralGraph build(ModelWeights model, List<LayerSignal> signals) {
        return build(model, signals, null, null);
    }

    /**
     * @param model      the model's weight layers, in order
     * @param signals    per weight layer, in the same order, its input and output on this input
     * @param activity   per weight layer, in the same order, its class activity over all inputs; or null
     * @param inputLabel a label for the input such as {@code digit 3}; or null
     * @throws IllegalArgumentException when the signals or activities do not fit the layers (naming the layer)
     */
    public static NeuralGraph build(ModelWeights model, List<LayerSignal> signals, List<ClassActivity> activity, String inputLabel) {
        List<LayerWeights> layers = model.layers();
        check(model, signals, activity);
        int depth = layers.size();

        // units per graph layer: pixels first
        int[] units = new int[depth + 1];
        units[0] = signals.get(0).input().length;
        for (int l = 0; l < depth; l++) units[l + 1] = layers.get(l).nOut();
        int[] first = new int[depth + 2];
        for (int l = 0; l <= depth; l++) first[l + 1] = first[l] + units[l];
        int nodes = first[depth + 1];

        NeuralGraph.Builder b = new NeuralGraph.Builder(true);
        int[] layerCol = new int[nodes], unitCol = new int[nodes], deadCol = new int[nodes];
        String[] layerName = new String[nodes];
        double[] activation = new double[nodes], bias = new double[nodes], selectivity = new double[nodes];
        LayerSignal in0 = signals.get(0);
        double[] pixels = in0.input();
        int[] shape = in0.inputShape();
        for (int i = 0; i < units[0]; i++) {
            b.addNode(pixelId(shape, i), String.format(Locale.ROOT, "%s %.4g", pixelId(shape, i), pixels[i]));
            layerName[i] = "input";
            unitCol[i] = i;
            activation[i] = pixels[i];
            bias[i] = Double.NaN;
        }
        for (int l = 1; l <= depth; l++) {
            LayerWeights lw = layers.get(l - 1);
            LayerSignal s = signals.get(l - 1);
            ClassActivity a = activity == null ? null : activity.get(l - 1);
            for (int u = 0; u < units[l]; u++) {
                int v = first[l] + u;
                String id = l == depth ? "class_" + u : "L" + l + "N" + u;
                b.addNode(id, (l == depth ? "class " + u : lw.name() + " #" + u) + String.format(Locale.ROOT, " %.4g", s.meanOutput(u)));
                layerCol[v] = l;
                layerName[v] = lw.name();
                unitCol[v] = u;
                activation[v] = s.meanOutput(u);
                bias[v] = lw.hasBias() ? lw.bias(u) : 0;
                if (a != null) {
                    deadCol[v] = a.dead(u) ? 1 : 0;
                    selectivity[v] = a.selectivity(u);
                }
            }
        }

        int edges = 0;
        double[] contributionCol = new double[16];
        for (int l = 0; l < depth; l++) {
            LayerSignal s = signals.get(l);
            double[][] c = unitContributions(layers.get(l), s, l == 0);
            for (int i = 0; i < c.length; i++) {
                for (int o = 0; o < c[i].length; o++) {
                    if (c[i][o] == 0) continue;
                    b.addEdge(first[l] + i, first[l + 1] + o, Math.abs(c[i][o]));
                    if (edges == contributionCol.length) contributionCol = Arrays.copyOf(contributionCol, edges * 2);
                    contributionCol[edges++] = c[i][o];
                }
            }
        }

        StringBuilder sizes = new StringBuilder();
        for (int u : units) sizes.append(sizes.length() == 0 ? "" : "-").append(u);
        b.nodeColumn(Names.LAYER, Column.ofInts("Layer", layerCol))
                .nodeColumn(Names.LAYER_NAME, Column.ofStrings("Layer name", layerName))
                .nodeColumn("unit", Column.ofInts("Unit in layer", unitCol))
                .nodeColumn("activation", Column.ofDoubles("Activation (channel: mean of its map)", activation))
                .nodeColumn("bias", Column.ofDoubles("Bias", bias));
        if (activity != null) {
            b.nodeColumn("dead", Column.ofInts("Dead (never active on any input; 1 = yes)", deadCol))
                    .nodeColumn("selectivity", Column.ofDoubles("Class selectivity index", selectivity));
        }
        b.edgeColumn("contribution", Column.ofDoubles("Contribution (weight x activation, signed)", Arrays.copyOf(contributionCol, edges)))
                .graphAttribute(Names.GRAPH_KIND, KIND)
                .graphAttribute("model", model.modelName());
        if (inputLabel != null) b.graphAttribute("input_label", inputLabel);
        return b.graphAttribute("layers", sizes.toString()).build();
    }

    /**
     * The contributions of one weight layer, {@code [input unit][output unit]}: per input value when
     * {@code perValue} (pixels of the first layer), else per input unit (channel, or value of a flat input), summed
     * over the unit's positions and, for a convolution, over the output positions.
     */
    static double[][] unitContributions(LayerWeights lw, LayerSignal s, boolean perValue) {
        double[] x = s.input();
        int nOut = lw.nOut();
        double[][] perInput = new double[x.length][nOut];
        if (lw.kind() == LayerWeights.Kind.DENSE) {
            for (int i = 0; i < x.length; i++) {
                if (x[i] == 0) continue;
                for (int j = 0; j < nOut; j++) perInput[i][j] = lw.dense(i, j) * x[i];
            }
        } else {
            int[] in = s.inputShape(), out = s.outputShape();
            int h = in[1], w = in[2], oh = out[1], ow = out[2], st = s.stride();
            for (int o = 0; o < nOut; o++) {
                for (int c = 0; c < lw.nIn(); c++) {
                    for (int y = 0; y < oh; y++) {
                        for (int xx = 0; xx < ow; xx++) {
                            for (int ky = 0; ky < lw.kernelH(); ky++) {
                                for (int kx = 0; kx < lw.kernelW(); kx++) {
                                    int e = (c * h + y * st + ky) * w + xx * st + kx;
                                    perInput[e][o] += lw.kernel(o, c, ky, kx) * x[e];
                                }
                            }
                        }
                    }
                }
            }
        }
        int group = perValue ? 1 : s.inputPositions();
        if (group == 1) return perInput;
        double[][] perUnit = new double[x.length / group][nOut];
        for (int e = 0; e < x.length; e++) {
            for (int o = 0; o < nOut; o++) perUnit[e / group][o] += perInput[e][o];
        }
        return perUnit;
    }

    private static String pixelId(int[] shape, int i) {
        if (shape.length == 1) return "px_" + i;
        int hw = shape[1] * shape[2], r = i % hw / shape[2], c = i % shape[2];
        return (shape[0] > 1 ? "px_ch" + i / hw + "_" : "px_") + "r" + r + "c" + c;
    }

    private static void check(ModelWeights model, List<LayerSignal> signals, List<ClassActivity> activity) {
        List<LayerWeights> layers = model.layers();
        if (signals.size() != layers.size()) {
            throw new IllegalArgumentException("model " + model.modelName() + " has " + layers.size() + " weight layers but "
                    + signals.size() + " layer signals were given");
        }
        if (activity != null && activity.size() != layers.size()) {
            throw new IllegalArgumentException("model " + model.modelName() + " has " + layers.size() + " weight layers but "
                    + activity.size() + " class activities were given");
        }
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights lw = layers.get(l);
            LayerSignal s = signals.get(l);
            String at = "layer " + lw.name() + ": ";
            int[] in = s.inputShape(), out = s.outputShape();
            if (lw.kind() == LayerWeights.Kind.CONVOLUTION) {
                if (!s.spatialInput() || !s.spatialOutput()) {
                    throw new IllegalArgumentException(at + "a convolution needs spatial input and output, got " + Arrays.toString(in) + " -> " + Arrays.toString(out));
                }
                if (in[0] != lw.nIn() || out[0] != lw.nOut()) {
                    throw new IllegalArgumentException(at + "the convolution maps " + lw.nIn() + " to " + lw.nOut() + " channels, the signal "
                            + in[0] + " to " + out[0]);
                }
                int oh = in[1] < lw.kernelH() ? 0 : (in[1] - lw.kernelH()) / s.stride() + 1;
                int ow = in[2] < lw.kernelW() ? 0 : (in[2] - lw.kernelW()) / s.stride() + 1;
                if (out[1] != oh || out[2] != ow) {
                    throw new IllegalArgumentException(at + "a " + lw.kernelH() + "x" + lw.kernelW() + " kernel with stride " + s.stride()
                            + " and no padding turns " + in[1] + "x" + in[2] + " into " + oh + "x" + ow + ", not " + out[1] + "x" + out[2]);
                }
            } else {
                if (s.input().length != lw.nIn()) {
                    throw new IllegalArgumentException(at + "the dense layer takes " + lw.nIn() + " inputs, the signal has " + s.input().length
                            + " " + Arrays.toString(in));
                }
                if (s.spatialOutput() || out[0] != lw.nOut()) {
                    throw new IllegalArgumentException(at + "the dense layer has " + lw.nOut() + " outputs, the signal's output is " + Arrays.toString(out));
                }
            }
            if (l > 0 && s.inputUnits() != layers.get(l - 1).nOut()) {
                throw new IllegalArgumentException(at + "its input has " + s.inputUnits() + (s.spatialInput() ? " channels" : " values")
                        + " but layer " + layers.get(l - 1).name() + " has " + layers.get(l - 1).nOut() + " units");
            }
            if (activity != null && activity.get(l).units() != lw.nOut()) {
                throw new IllegalArgumentException(at + lw.nOut() + " units but its class activity (" + activity.get(l).layerName()
                        + ") has " + activity.get(l).units());
            }
        }
    }
}
