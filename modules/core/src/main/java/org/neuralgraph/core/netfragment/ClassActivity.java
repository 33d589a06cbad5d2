package org.neuralgraph.core.netfragment;

/**
 * The activity of one layer's units per class: what the net-fragment study's Fig. 4.4 draws for the head's 12 neurons ("the
 * activity of the 12 neurons is shown for each class"), for any layer. Per unit it holds the mean activation over the
 * inputs of each class and the largest activation over all inputs, from which {@link #dead(int)} (never active) and
 * {@link #selectivity(int)} ({@link ClassSelectivity}) follow.
 *
 * <p>A unit is a dense neuron or a convolution channel. For a channel, its activation on one input is the mean of its
 * post-activation map, so the class mean is the mean over inputs and positions; it is dead when no position of its map
 * is ever above 0. Activations must be {@code >= 0} (after ReLU or softmax), see {@link ClassSelectivity}.
 */
public final class ClassActivity {

    private final String layerName;
    private final double[][] classMeans;
    private final double[] max;

    /**
     * @param layerName  the layer's name, e.g. {@code conv_1}
     * @param classMeans {@code [unit][class]} mean activations; kept, not copied
     * @param max        per unit, its largest activation over all inputs; kept, not copied
     * @throws IllegalArgumentException when the sizes disagree, there are fewer than two classes, or a value is
     *                                  negative, NaN or infinite
     */
    public ClassActivity(String layerName, double[][] classMeans, double[] max) {
        if (classMeans.length == 0) throw new IllegalArgumentException("layer " + layerName + " has no unit");
        if (max.length != classMeans.length) {
            throw new IllegalArgumentException("layer " + layerName + ": " + max.length + " maxima for " + classMeans.length + " units");
        }
        int classes = classMeans[0].length;
        if (classes < 2) throw new IllegalArgumentException("layer " + layerName + ": class activity needs at least two classes, got " + classes);
        for (int u = 0; u < classMeans.length; u++) {
            if (classMeans[u].length != classes) {
                throw new IllegalArgumentException("layer " + layerName + ": unit " + u + " has " + classMeans[u].length + " class means, unit 0 has " + classes);
            }
            for (int k = 0; k < classes; k++) ClassSelectivity.checkActivation(classMeans[u][k], "layer " + layerName + ", unit " + u + ", class mean " + k);
            ClassSelectivity.checkActivation(max[u], "layer " + layerName + ", unit " + u + ", maximum");
        }
        this.layerName = layerName;
        this.classMeans = classMeans;
        this.max = max;
    }

    public String layerName() { return layerName; }
    public int units() { return classMeans.length; }
    public int classes() { return classMeans[0].length; }

    /** Mean activation of {@code unit} over the inputs of class {@code cls}. */
    public double classMean(int unit, int cls) { return classMeans[unit][cls]; }

    /** The class means of {@code unit}, a copy. */
    public double[] classMeans(int unit) { return classMeans[unit].clone(); }

    /** The largest activation of {@code unit} over all inputs (and, for a channel, all positions). */
    public double max(int unit) { return max[unit]; }

    /** Never active on any input (the net-fragment study, Section 4.2). */
    public boolean dead(int unit) { return max[unit] == 0; }

    /** Class-selectivity index of {@code unit} (Morcos et al. 2018, Eq. 1); 0 for a dead unit. */
    public double selectivity(int unit) { return ClassSelectivity.index(classMeans[unit]); }

    /** {@link #dead(int)} of every unit. */
    public boolean[] deadUnits() {
        boolean[] d = new boolean[units()];
        for (int u = 0; u < d.length; u++) d[u] = dead(u);
        return d;
    }

    /** {@link #selectivity(int)} of every unit. */
    public double[] selectivities() {
        double[] s = new double[units()];
        for (int u = 0; u < s.length; u++) s[u] = selectivity(u);
        return s;
    }

    /**
     * Accumulates a layer's outputs input by input. Each output is the layer's post-activation values for one input,
     * unit-major: unit {@code u}'s values are at {@code [u * positions, (u + 1) * positions)} (a convolution output in
     * NCHW order has {@code positions = height * width}; a dense output has 1).
     */
    public static final class Builder {
        private final String layerName;
        private final int units;
        private final int positions;
        private final double[][] sums;
        private final double[] max;
        private final int[] count;

        public Builder(String layerName, int units, int positions, int classes) {
            if (units < 1 || positions < 1) throw new IllegalArgumentException("layer " + layerName + ": units and positions must be positive, got " + units + " and " + positions);
            if (classes < 2) throw new IllegalArgumentException("layer " + layerName + ": class activity needs at least two classes, got " + classes);
            this.layerName = layerName;
            this.units = units;
            this.positions = positions;
            this.sums = new double[units][classes];
            this.max = new double[units];
            this.count = new int[classes];
        }

        /**
         * Adds the layer's output on one input of class {@code label}.
         *
         * @throws IllegalArgumentException on a wrong length, a label out of range, or a value that is negative, NaN or infinite
         */
        public Builder add(int label, double[] output) {
            if (label < 0 || label >= count.length) throw new IllegalArgumentException("label " + label + " is outside 0.." + (count.length - 1));
            if (output.length != units * positions) {
                throw new IllegalArgumentException("layer " + layerName + ": " + output.length + " values, expected " + units + " units x " + positions + " positions");
            }
            for (int u = 0; u < units; u++) {
                double s = 0;
                for (int p = u * positions; p < (u + 1) * positions; p++) {
                    ClassSelectivity.checkActivation(output[p], "layer " + layerName + ", unit " + u + ", value " + (p - u * positions));
                    s += output[p];
                    max[u] = Math.max(max[u], output[p]);
                }
                sums[u][label] += s / positions;
            }
            count[label]++;
            return this;
        }

        /** @throws IllegalStateException when a class has no input (its mean would be undefined) */
        public ClassActivity build() {
            for (int k = 0; k < count.length; k++) {
                if (count[k] == 0) throw new IllegalStateException("layer " + layerName + ": class " + k + " has no input; every class needs one for the class means");
            }
            double[][] means = new double[units][count.length];
            for (int u = 0; u < units; u++) for (int k = 0; k < count.length; k++) means[u][k] = sums[u][k] / count[k];
            return new ClassActivity(layerName, means, max.clone());
        }
    }
}
