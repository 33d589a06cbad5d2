package org.neuralgraph.core.capacitance;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A predicted accuracy outside [0, 1] is an extrapolation: flagged, and never ranked first (issue 28 item 2). */
class EarlyPredictorsTest {

    @Test
    void anAccuracyOutsideZeroToOneRanksBelowEveryAccuracy() {
        assertTrue(EarlyPredictors.isAccuracy(0) && EarlyPredictors.isAccuracy(1) && EarlyPredictors.isAccuracy(0.73));
        assertFalse(EarlyPredictors.isAccuracy(1.3024) || EarlyPredictors.isAccuracy(-0.01));
        assertEquals(0.73, EarlyPredictors.rankingScore(0.73), 0);
        assertTrue(EarlyPredictors.rankingScore(1.3024) < EarlyPredictors.rankingScore(0.0), "below the worst accuracy");
        assertTrue(EarlyPredictors.rankingScore(1.9) < EarlyPredictors.rankingScore(1.3024), "further out, lower");
        assertTrue(EarlyPredictors.rankingScore(-0.5) < EarlyPredictors.rankingScore(-0.1));
        assertTrue(Double.isNaN(EarlyPredictors.rankingScore(Double.NaN)));
    }

    @Test
    void aCandidateWhoseRegressionOvershootsIsNotSelected() {
        // beta_eff falling steeply while accuracy climbs fast: the line through them reads far above 1 at beta_eff = 0
        EarlyPredictors overshoot = EarlyPredictors.of(new double[]{3, 2, 1}, new double[]{0.5, 0.7, 0.9}, new double[]{1, 0.8, 0.6}, 10, 1);
        EarlyPredictors plain = EarlyPredictors.of(new double[]{30, 29, 28}, new double[]{0.50, 0.51, 0.52}, new double[]{1, 0.9, 0.8}, 10, 1);
        assertFalse(EarlyPredictors.isAccuracy(overshoot.prediction().accuracy()), "the regression extrapolates: " + overshoot.prediction().accuracy());
        List<RankingAgreement> a = EarlyPredictors.agreements(Arrays.asList(overshoot, plain), new double[]{0.95, 0.6});
        assertEquals(1, a.get(0).selected, "the neural capacitance predictor does not select the candidate predicted at "
                + overshoot.prediction().accuracy());
    }
}
