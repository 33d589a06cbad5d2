package org.neuralgraph.core.capacitance;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well predicted scores rank K candidate models against their true final accuracies (method note, section 5): the
 * paper compares rankings [V], with an unconfirmed coefficient [?], so we report both Spearman's rho and Kendall's tau,
 * plus the note's model-selection view: does the arg-max of the predictions have the best true accuracy (top-1 hit), and
 * what does choosing it cost (regret = best true accuracy - true accuracy of the selected model).
 *
 * <p>Conventions (ours) [R]:
 * <ul>
 *   <li>Higher predicted score = better model (pass -TSE for the training-loss baseline).</li>
 *   <li>A NaN prediction (a predictor that failed on that model) ranks below every other prediction (treated as
 *       -infinity); NaN predictions tie with each other.</li>
 *   <li>Ties: Spearman ranks ties by their average rank (commons-math3's default, as scipy); Kendall's tau is tau-b,
 *       which corrects for ties (commons-math3, as scipy's default). When all predictions tie (or all true accuracies
 *       do) there is no ranking: both coefficients are NaN.</li>
 *   <li>Tied best predictions: the selected model is the tied one with the lowest true accuracy (pessimistic: a tie
 *       must not win by luck). A top-1 hit counts when the selected model's true accuracy equals the best, so
 *       ties in the true accuracy can all be hits.</li>
 * </ul>
 */
public final class RankingAgreement {

    /** Spearman's rho between predictions and true accuracies. */
    public final double spearman;
    /** Kendall's tau-b between predictions and true accuracies. */
    public final double kendall;
    /** Index of the selected model (the arg-max of the predictions). */
    public final int selected;
    /** True when the selected model has the best true accuracy. */
    public final boolean topOneHit;
    /** Best true accuracy minus the selected model's, &gt;= 0. */
    public final double regret;

    private RankingAgreement(double spearman, double kendall, int selected, boolean topOneHit, double regret) {
        this.spearman = spearman;
        this.kendall = kendall;
        this.selected = selected;
        this.topOneHit = topOneHit;
        this.regret = regret;
    }

    /**
     * @param predicted     one score per model, higher = better; NaN allowed (ranked last)
     * @param trueAccuracy  the true final accuracy of each model
     * @throws IllegalArgumentException when the lengths differ, there are fewer than 2 models, a true accuracy is NaN
     *                                  or infinite, or a prediction is infinite
     */
    public static RankingAgreement of(double[] predicted, double[] trueAccuracy) {
        int k = predicted.length;
        if (trueAccuracy.length != k) throw new IllegalArgumentException("predicted has " + k + " models but trueAccuracy has " + trueAccuracy.length);
        if (k < 2) throw new IllegalArgumentException("predicted has " + k + " model(s); a ranking needs at least 2");
        double[] scores = new double[k];
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(trueAccuracy[i])) throw new IllegalArgumentException("trueAccuracy[" + i + "] is " + trueAccuracy[i]);
            if (Double.isInfinite(predicted[i])) throw new IllegalArgumentException("predicted[" + i + "] is " + predicted[i] + "; use NaN for a failed prediction");
            scores[i] = Double.isNaN(predicted[i]) ? Double.NEGATIVE_INFINITY : predicted[i];
        }
        boolean noRanking = constant(scores) || constant(trueAccuracy);
        double rho = noRanking ? Double.NaN : new SpearmansCorrelation().correlation(scores, trueAccuracy);
        double tau = noRanking ? Double.NaN : new KendallsCorrelation().correlation(scores, trueAccuracy);

        int selected = 0;
        double best = trueAccuracy[0];
        for (int i = 1; i < k; i++) {
            best = Math.max(best, trueAccuracy[i]);
            if (scores[i] > scores[selected] || (scores[i] == scores[selected] && trueAccuracy[i] < trueAccuracy[selected])) selected = i;
        }
        return new RankingAgreement(rho, tau, selected, trueAccuracy[selected] == best, best - trueAccuracy[selected]);
    }

    private static boolean constant(double[] x) {
        for (double v : x) if (v != x[0]) return false;
        return true;
    }
}
