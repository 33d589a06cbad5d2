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
    private final double[] scores;

    private EarlyPredictors(CapacitancePrediction prediction, double[] scores) {
        this.prediction = prediction;
        this.scores = scores;
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
        double[] scores = {p.accuracy(), accuracy[te - 1], LearningCurveExtrapolation.fit(accuracy).predict(lastEpoch),
                TrainingSpeedEstimate.score(trainingLoss)};
        return new EarlyPredictors(p, scores);
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

    /** The scores in {@link #NAMES} order (a copy). */
    public double[] scores() { return scores.clone(); }
}
