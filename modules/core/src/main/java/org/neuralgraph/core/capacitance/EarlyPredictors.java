package org.neuralgraph.core.capacitance;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The four scores a candidate model gets from its first t_e fine-tuning epochs (method note, sections 3-5), higher
 * meaning a better predicted final accuracy: the neural capacitance prediction ({@link CapacitancePrediction}, the
 * paper's) and three baselines, the validation accuracy at t_e, a power-law learning curve extrapolated to the last
 * epoch T ({@link LearningCurveExtrapolation}) and minus the sum of training losses ({@link TrainingSpeedEstimate}).
 */
public final class EarlyPredictors {

    /** The predictors' names, in score order, the paper's first. */
    public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
            "neural capacitance", "accuracy at t_e", "learning curve to T", "training loss sum (TSE)"));

    private final CapacitancePrediction prediction;
    private final double[] values;
    private final double[] scores;

    private EarlyPredictors(CapacitancePrediction prediction, double[] values) {
        this.prediction = prediction;
        this.values = values;
        this.scores = values.clone();
        scores[0] = rankingScore(values[0]);
        scores[2] = rankingScore(values[2]);
    }

    /**
     * @param betaEff      beta_eff after epochs 1..t_e
     * @param accuracy     validation accuracy after epochs 1..t_e
     * @param trainingLoss mean training loss of epochs 1..t_e
     * @param lastEpoch    T, where the learning curve is read
     * @param degree       the Bayesian ridge's polynomial degree in beta_eff
     * @throws IllegalArgumentException when the series differ in length or are shorter than 2 epochs, or lastEpoch &lt; t_e
     */
    public static EarlyPredictors of(double[] betaEff, double[] accuracy, double[] trainingLoss, int lastEpoch, int degree) {
        int te = accuracy.length;
        if (trainingLoss.length != te) throw new IllegalArgumentException("trainingLoss has " + trainingLoss.length + " epochs but accuracy has " + te);
        if (lastEpoch < te) throw new IllegalArgumentException("lastEpoch " + lastEpoch + " is before the last early epoch " + te);
        CapacitancePrediction p = CapacitancePrediction.of(betaEff, accuracy, degree);
        double[] values = {p.accuracy(), accuracy[te - 1], LearningCurveExtrapolation.fit(accuracy).predict(lastEpoch),
                TrainingSpeedEstimate.score(trainingLoss)};
        return new EarlyPredictors(p, values);
    }

    /**
     * How well each predictor ranks a set of candidates: {@link RankingAgreement} of every predictor's scores with the
     * true final accuracies, in {@link #NAMES} order.
     *
     * @param candidates   each candidate's predictors
     * @param trueAccuracy each candidate's accuracy after the last epoch, in the same order
     */
    public static List<RankingAgreement> agreements(List<EarlyPredictors> candidates, double[] trueAccuracy) {
        if (candidates.size() != trueAccuracy.length) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + trueAccuracy.length + " true accuracies");
        }
        List<RankingAgreement> out = new java.util.ArrayList<>();
        for (int p = 0; p < NAMES.size(); p++) {
            double[] predicted = new double[candidates.size()];
            for (int k = 0; k < predicted.length; k++) predicted[k] = candidates.get(k).scores[p];
            out.add(RankingAgreement.of(predicted, trueAccuracy));
        }
        return out;
    }

    public CapacitancePrediction prediction() { return prediction; }

    /** Whether a predicted accuracy is one: in [0, 1]. Outside, the regression or the learning curve extrapolated past it. */
    public static boolean isAccuracy(double predicted) {
        return predicted >= 0 && predicted <= 1;
    }

    /**
     * How a predicted accuracy ranks: itself when it is one ({@link #isAccuracy}); else below every accuracy, the further
     * outside [0, 1] the lower ({@code -1 - distance}), so that an extrapolation such as 1.30 never ranks a candidate
     * first (our rule: the method note reads the prediction as an accuracy and says nothing of values outside [0, 1]).
     */
    public static double rankingScore(double predicted) {
        if (isAccuracy(predicted) || Double.isNaN(predicted)) return predicted;
        return -1 - (predicted > 1 ? predicted - 1 : -predicted);
    }

    /** What each predictor says, in {@link #NAMES} order (a copy): the two predicted accuracies as predicted, even outside [0, 1]. */
    public double[] values() { return values.clone(); }

    /** How each predictor ranks, in {@link #NAMES} order (a copy): {@link #values} with the predicted accuracies as {@link #rankingScore}. */
    public double[] scores() { return scores.clone(); }
}
