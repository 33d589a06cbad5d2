package org.neuralgraph.core.netfragment;

/**
 * The class-selectivity index of a unit (Morcos et al. 2018, "On the importance of single directions for
 * generalization", Eq. 1), computed from its mean activation per class:
 * <pre>
 *   SI = (mu_max - mu_rest) / (mu_max + mu_rest)
 * </pre>
 * with {@code mu_max} the largest class mean and {@code mu_rest} the mean of the other class means. SI is 0 when the
 * unit answers every class alike and 1 when it answers one class only.
 *
 * <p>the net-fragment study (Section 4.2, Fig. 4.4; Section 4.3) asks exactly this of its head neurons: a neuron of a net fragment
 * "should be strongly active if the feature is present and not or only very weakly active if the feature is not
 * present", whereas it finds that "the active neurons usually remain active regardless of the class". SI puts a number
 * on that, and {@link #dead(double[][])} on "certain neurons are never active".
 *
 * <p>Activations must be {@code >= 0}: the index is defined for rectified (ReLU) units, as in Morcos et al. and in
 * The net-fragment study's models, where "activations &lt; 0 do not exist because they are set to exactly 0 by the ReLU function"
 * (Section 4.2, footnote 2); softmax outputs qualify too. A negative or NaN value is rejected rather than
 * giving a meaningless index. A unit that is never active (all class means 0) has SI 0 by our convention: Eq. 1 is
 * 0/0 there, and a dead unit selects no class.
 */
public final class ClassSelectivity {

    private ClassSelectivity() { }

    /**
     * SI of one unit from its mean activation per class ({@code classMeans[k]} = mean over the inputs of class k).
     *
     * @return a value in [0, 1]; 0 for a unit whose class means are all 0
     * @throws IllegalArgumentException for fewer than two classes, or a class mean that is negative, NaN or infinite
     */
    public static double index(double[] classMeans) {
        if (classMeans == null || classMeans.length < 2) {
            throw new IllegalArgumentException("class selectivity needs the means of at least two classes, got "
                    + (classMeans == null ? "none" : String.valueOf(classMeans.length)));
        }
        int best = 0;
        double sum = 0;
        for (int k = 0; k < classMeans.length; k++) {
            checkActivation(classMeans[k], "class mean " + k);
            sum += classMeans[k];
            if (classMeans[k] > classMeans[best]) best = k;
        }
        double max = classMeans[best];
        if (max == 0) return 0; // never active: 0/0 in Eq. 1, defined as 0
        double rest = (sum - max) / (classMeans.length - 1);
        return Math.max(0, Math.min(1, (max - rest) / (max + rest)));
    }

    /**
     * Whether a unit is never active: its largest activation over all inputs is 0 (the net-fragment study, Section 4.2: "certain
     * neurons are always inactive regardless of the class").
     *
     * @param activationsPerInput per input, the values the unit takes on it: one value for a dense neuron, the whole
     *                            map (any length) for a convolution channel
     * @throws IllegalArgumentException when there is no input, or a value is negative, NaN or infinite
     */
    public static boolean dead(double[][] activationsPerInput) {
        if (activationsPerInput == null || activationsPerInput.length == 0) {
            throw new IllegalArgumentException("deciding whether a unit is dead needs its activations on at least one input");
        }
        double max = 0;
        for (int n = 0; n < activationsPerInput.length; n++) {
            double[] values = activationsPerInput[n];
            if (values == null || values.length == 0) throw new IllegalArgumentException("input " + n + " has no activation values");
            for (int p = 0; p < values.length; p++) {
                checkActivation(values[p], "activation " + p + " on input " + n);
                max = Math.max(max, values[p]);
            }
        }
        return max == 0;
    }

    /** Rejects a value that cannot be a rectified activation. */
    static void checkActivation(double v, String what) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(what + " is " + v + "; class selectivity and dead units are defined for"
                    + " activations >= 0 (after ReLU or softmax, as in the net-fragment study's models)");
        }
    }
}
