package org.neuralgraph.core.capacitance;

/**
 * The in- and out-strengths of the nodes of a probe's line graph (one node per probe weight), i.e. the row sums
 * P 1 and column sums 1'P of the interaction matrix P, and their common total sum_ij P_ij. They are all that
 * Eq. 3 of the method note needs (section 1) [V]; P itself is never stored.
 *
 * <p>Node order is that of the {@link EdgeInteraction} that made them; {@link GradientFlowInteraction} documents its own.
 * Immutable: the arrays are copied in and out.
 */
public final class InteractionStrengths {

    private final double[] in;
    private final double[] out;
    private final double total;

    private InteractionStrengths(double[] in, double[] out, double total) {
        this.in = in;
        this.out = out;
        this.total = total;
    }

    /**
     * @param inStrength  row sums of P (what each line-graph node receives)
     * @param outStrength column sums of P (what each line-graph node sends)
     * @throws IllegalArgumentException as {@link EffectiveCoupling#of(double[], double[])} does: empty or different
     *                                  lengths, negative/NaN/infinite values, different sums
     */
    public static InteractionStrengths of(double[] inStrength, double[] outStrength) {
        EffectiveCoupling.of(inStrength, outStrength); // validates
        double total = 0;
        for (double v : inStrength) total += v;
        return new InteractionStrengths(inStrength.clone(), outStrength.clone(), total);
    }

    /** Number of line-graph nodes (probe weights). */
    public int size() { return in.length; }

    /** A copy of the in-strengths (row sums of P). */
    public double[] inStrength() { return in.clone(); }

    /** A copy of the out-strengths (column sums of P). */
    public double[] outStrength() { return out.clone(); }

    /** sum_ij P_ij, the denominator of Eq. 3. */
    public double total() { return total; }

    /** beta_eff of Eq. 3, by {@link EffectiveCoupling#of(double[], double[])}. */
    public double betaEff() { return EffectiveCoupling.of(in, out); }
}
