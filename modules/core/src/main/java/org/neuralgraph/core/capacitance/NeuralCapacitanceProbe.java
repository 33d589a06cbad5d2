package org.neuralgraph.core.capacitance;

import org.neuralgraph.core.graph.LineGraph;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The neural capacitance probe (NCP) of the method note, sections 2.2-3: a frozen stack of dense layers put on top of
 * a model's bottom layers, ending in a C-way softmax [V patent claim 1; D]. Hidden layers use relu or tanh (the
 * paper's activation was not found, note section 6 item 4 [?]).
 *
 * <p>The probe only computes, in plain Java, what {@link EdgeInteraction} needs for one batch (note section 2.2):
 * z^l = W^l a^{l-1} + b^l, a^l = sigma(z^l), the softmax output, the per-sample cross-entropy errors
 * e^L = softmax(z^L) - onehot(y) and e^l = sigma'(z^l) * (W^{l+1})' e^{l+1}. It never trains: its weights are fixed.
 * Weights use {@link LayerWeights}' dense layout, w[i * nOut + j] from input i to output j. relu'(0) is taken as 0.
 */
public final class NeuralCapacitanceProbe {

    private final List<LayerWeights> layers;
    private final int[] widths;
    private final boolean[] tanh;

    /**
     * A probe with the given frozen layers, input first. Hidden layers must say "relu" or "tanh" as their activation,
     * the last one "softmax" (case-insensitive); a layer without bias has zero biases.
     *
     * @throws IllegalArgumentException when there are fewer than two layers (one hidden layer at least: a single layer
     *                                  has no pair of weights sharing a neuron, so its beta_eff is always 0), a layer is
     *                                  not dense, sizes do not chain, an activation is not supported, or there are
     *                                  fewer than 2 classes
     */
    public NeuralCapacitanceProbe(List<LayerWeights> layers) {
        if (layers.size() < 2) {
            throw new IllegalArgumentException("layers: a probe needs at least one hidden layer and the softmax layer, got " + layers.size()
                    + " layer(s) (a single layer has no line-graph links, so beta_eff would always be 0)");
        }
        int n = layers.size();
        this.widths = new int[n + 1];
        this.tanh = new boolean[n];
        widths[0] = layers.get(0).nIn();
        for (int k = 0; k < n; k++) {
            LayerWeights lw = layers.get(k);
            if (lw.kind() != LayerWeights.Kind.DENSE) throw new IllegalArgumentException("layers: layer " + lw.name() + " is not dense");
            if (lw.nIn() != widths[k]) {
                throw new IllegalArgumentException("layers: layer " + lw.name() + " takes " + lw.nIn() + " inputs but the layer before it has " + widths[k] + " outputs");
            }
            widths[k + 1] = lw.nOut();
            String act = lw.activation() == null ? "" : lw.activation().toLowerCase(Locale.ROOT);
            if (k == n - 1) {
                if (!act.equals("softmax")) throw new IllegalArgumentException("layers: the last layer " + lw.name() + " must be softmax, got " + lw.activation());
                if (lw.nOut() < 2) throw new IllegalArgumentException("layers: the softmax layer " + lw.name() + " needs at least 2 classes, got " + lw.nOut());
            } else if (act.equals("tanh")) {
                tanh[k] = true;
            } else if (!act.equals("relu")) {
                throw new IllegalArgumentException("layers: hidden layer " + lw.name() + " has activation " + lw.activation() + "; supported: relu, tanh");
            }
        }
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    }

    /**
     * A randomly initialised probe, drawn from {@code new java.util.Random(seed).nextGaussian()} (its algorithm is fixed
     * by the Java specification, so a seed gives the same probe on every JVM), layer by layer in LayerWeights order.
     * Hidden relu layers use He normal init, N(0, 2/nIn); hidden tanh layers and the softmax layer use Xavier (Glorot)
     * normal init, N(0, 2/(nIn+nOut)). Biases are zero. Layers are named ncp_1, ncp_2, ..., ncp_out.
     *
     * @param inputs       width of the features the probe reads (the bottom layers' output)
     * @param hiddenWidths widths of the hidden layers, at least one
     * @param classes      C, the softmax width
     * @param activation   "relu" or "tanh" for every hidden layer
     * @throws IllegalArgumentException on non-positive widths, no hidden layer, fewer than 2 classes or another activation
     */
    public static NeuralCapacitanceProbe random(int inputs, int[] hiddenWidths, int classes, String activation, long seed) {
        if (inputs < 1) throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
        if (hiddenWidths.length == 0) throw new IllegalArgumentException("hiddenWidths is empty: a probe needs at least one hidden layer");
        for (int k = 0; k < hiddenWidths.length; k++) {
            if (hiddenWidths[k] < 1) throw new IllegalArgumentException("hiddenWidths[" + k + "] must be >= 1, got " + hiddenWidths[k]);
        }
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        String act = activation == null ? "" : activation.toLowerCase(Locale.ROOT);
        if (!act.equals("relu") && !act.equals("tanh")) throw new IllegalArgumentException("activation must be relu or tanh, got " + activation);
        Random random = new Random(seed);
        List<LayerWeights> layers = new ArrayList<>();
        int nIn = inputs;
        for (int k = 0; k <= hiddenWidths.length; k++) {
            boolean output = k == hiddenWidths.length;
            int nOut = output ? classes : hiddenWidths[k];
            double std = !output && act.equals("relu") ? Math.sqrt(2.0 / nIn) : Math.sqrt(2.0 / (nIn + nOut));
            double[] w = new double[nIn * nOut];
            for (int i = 0; i < w.length; i++) w[i] = std * random.nextGaussian();
            layers.add(LayerWeights.dense(output ? "ncp_out" : "ncp_" + (k + 1), nIn, nOut, w, new double[nOut], output ? "softmax" : act));
            nIn = nOut;
        }
        return new NeuralCapacitanceProbe(layers);
    }

    /** Width of the features the probe reads. */
    public int inputs() { return widths[0]; }
    /** C, the number of classes. */
    public int classes() { return widths[widths.length - 1]; }
    /** Number of dense layers, the softmax layer included. */
    public int layerCount() { return layers.size(); }
    /** The frozen layers, input first. */
    public List<LayerWeights> layers() { return layers; }
    /** The probe as a model (e.g. for {@link LineGraph}). */
    public ModelWeights weights(String modelName) { return new ModelWeights(modelName, widths[0], layers); }

    /**
     * Forward and backward pass over one batch.
     *
     * @param features B x inputs() values, row-major (one row per sample)
     * @param labels   B class indices in 0..classes()-1
     * @throws IllegalArgumentException when labels is empty, features has the wrong length or a NaN/infinite value,
     *                                  or a label is out of range
     */
    public ProbeBatch forward(double[] features, int[] labels) {
        int batch = labels.length;
        if (batch == 0) throw new IllegalArgumentException("labels is empty: a batch needs at least one sample");
        if (features.length != (long) batch * widths[0]) {
            throw new IllegalArgumentException("features has " + features.length + " values, expected " + batch + " samples x " + widths[0] + " inputs");
        }
        for (int i = 0; i < features.length; i++) {
            if (!Double.isFinite(features[i])) {
                throw new IllegalArgumentException("features holds " + features[i] + " at sample " + (i / widths[0]) + ", input " + (i % widths[0]));
            }
        }
        int classes = classes();
        for (int b = 0; b < batch; b++) {
            if (labels[b] < 0 || labels[b] >= classes) throw new IllegalArgumentException("labels[" + b + "] is " + labels[b] + ", not a class in 0.." + (classes - 1));
        }
        int n = layers.size();
        double[][] inputs = new double[n][], derivatives = new double[n][], errors = new double[n][];
        double[] a = features.clone();
        double[] z = null;
        for (int k = 0; k < n; k++) {
            inputs[k] = a;
            z = affine(layers.get(k), a, batch);
            if (k < n - 1) {
                double[] next = new double[z.length], d = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    if (tanh[k]) {
                        double t = Math.tanh(z[i]);
                        next[i] = t;
                        d[i] = 1 - t * t;
                    } else {
                        next[i] = z[i] > 0 ? z[i] : 0;
                        d[i] = z[i] > 0 ? 1 : 0;
                    }
                }
                derivatives[k] = d;
                a = next;
            }
        }
        // softmax output and cross-entropy errors e^L = p - onehot(y)
        double[] e = new double[z.length];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int row = b * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) max = Math.max(max, z[row + c]);
            double sum = 0;
            for (int c = 0; c < classes; c++) sum += Math.exp(z[row + c] - max);
            for (int c = 0; c < classes; c++) e[row + c] = Math.exp(z[row + c] - max) / sum;
            e[row + labels[b]] -= 1;
            loss += max + Math.log(sum) - z[row + labels[b]];
        }
        errors[n - 1] = e;
        // back-propagation e^l = sigma'(z^l) * (W^{l+1})' e^{l+1}
        for (int k = n - 2; k >= 0; k--) {
            LayerWeights next = layers.get(k + 1);
            double[] w = next.rawWeights(), up = errors[k + 1], d = derivatives[k];
            int nIn = next.nIn(), nOut = next.nOut();
            double[] ek = new double[batch * nIn];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < nIn; i++) {
                    double s = 0;
                    int wRow = i * nOut, eRow = b * nOut;
                    for (int j = 0; j < nOut; j++) s += w[wRow + j] * up[eRow + j];
                    ek[b * nIn + i] = d[b * nIn + i] * s;
                }
            }
            errors[k] = ek;
        }
        return ProbeBatch.trusted(batch, widths.clone(), inputs, derivatives, errors, loss / batch);
    }

    /**
     * {@link #forward(double[], int[])} for features given as one float row per sample (e.g. from a framework).
     *
     * @throws IllegalArgumentException when the row count differs from labels' length or a row has the wrong length
     */
    public ProbeBatch forward(float[][] features, int[] labels) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("features has " + features.length + " rows but labels has " + labels.length + " entries");
        }
        int width = widths[0];
        double[] flat = new double[features.length * width];
        for (int b = 0; b < features.length; b++) {
            if (features[b].length != width) throw new IllegalArgumentException("features[" + b + "] has " + features[b].length + " values, expected " + width);
            for (int i = 0; i < width; i++) flat[b * width + i] = features[b][i];
        }
        return forward(flat, labels);
    }

    /** z = a W + b for a batch, a being B x nIn row-major. */
    private static double[] affine(LayerWeights lw, double[] a, int batch) {
        int nIn = lw.nIn(), nOut = lw.nOut();
        double[] w = lw.rawWeights();
        double[] z = new double[batch * nOut];
        for (int b = 0; b < batch; b++) {
            int zRow = b * nOut;
            if (lw.hasBias()) for (int j = 0; j < nOut; j++) z[zRow + j] = lw.bias(j);
            for (int i = 0; i < nIn; i++) {
                double ai = a[b * nIn + i];
                if (ai == 0) continue;
                int wRow = i * nOut;
                for (int j = 0; j < nOut; j++) z[zRow + j] += ai * w[wRow + j];
            }
        }
        return z;
    }
}
