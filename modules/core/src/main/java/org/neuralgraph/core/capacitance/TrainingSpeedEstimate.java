package org.neuralgraph.core.capacitance;

/**
 * The TSE baseline of the method note, section 5 (Ru et al. 2021): the sum of the training losses over the first t_e
 * epochs. Lower is better, so rank models by {@link #score(double[])} = -TSE. We sum one value per epoch (the epoch's
 * mean training loss); Ru et al. sum per mini-batch, which differs only by the constant factor of batches per epoch
 * when all models see the same batches [R].
 */
public final class TrainingSpeedEstimate {

    private TrainingSpeedEstimate() { }

    /**
     * sum_t loss(t).
     *
     * @throws IllegalArgumentException when trainingLoss is empty or holds a NaN or infinite value (a diverged run
     *                                  has no TSE; give it the lowest score yourself if you want to rank it)
     */
    public static double sum(double[] trainingLoss) {
        if (trainingLoss.length == 0) throw new IllegalArgumentException("trainingLoss is empty: TSE needs at least one epoch");
        double s = 0;
        for (int t = 0; t < trainingLoss.length; t++) {
            if (!Double.isFinite(trainingLoss[t])) throw new IllegalArgumentException("trainingLoss[" + t + "] is " + trainingLoss[t]);
            s += trainingLoss[t];
        }
        return s;
    }

    /** -TSE, a score where higher is better, as {@link RankingAgreement} expects. */
    public static double score(double[] trainingLoss) {
        return -sum(trainingLoss);
    }
}
