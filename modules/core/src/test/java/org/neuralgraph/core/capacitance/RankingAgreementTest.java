package org.neuralgraph.core.capacitance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;

class RankingAgreementTest {

    @Test
    void handExample() {
        // ranks of the predictions 3,1,4,2 and of the truth 4,1,3,2: rho = 1 - 6 * 2 / (4 * 15) = 0.8;
        // 5 concordant and 1 discordant pair: tau = 4/6 (scipy: 0.8 and 0.6667)
        RankingAgreement r = RankingAgreement.of(new double[]{0.8, 0.6, 0.9, 0.7}, new double[]{0.85, 0.70, 0.80, 0.75});
        assertEquals(0.8, r.spearman, 1e-12);
        assertEquals(2.0 / 3, r.kendall, 1e-12);
        assertEquals(2, r.selected);
        assertFalse(r.topOneHit);
        assertEquals(0.05, r.regret, 1e-12);
        RankingAgreement perfect = RankingAgreement.of(new double[]{3, 1, 2}, new double[]{0.9, 0.5, 0.7});
        assertEquals(1, perfect.spearman, 1e-12);
        assertEquals(1, perfect.kendall, 1e-12);
        assertTrue(perfect.topOneHit);
        assertEquals(0, perfect.regret, 0);
    }

    @Test
    void tiesAndFailedPredictions() {
        // scipy.stats.spearmanr / kendalltau (tau-b) of these: 0.9486832980505139 and 0.912870929175277
        RankingAgreement tied = RankingAgreement.of(new double[]{0.9, 0.9, 0.1, 0.4}, new double[]{0.7, 0.8, 0.5, 0.6});
        assertEquals(0.9486832980505139, tied.spearman, 1e-12);
        assertEquals(0.912870929175277, tied.kendall, 1e-12);
        assertEquals(0, tied.selected, "tied best predictions: the pessimistic choice");
        assertFalse(tied.topOneHit);
        assertEquals(0.1, tied.regret, 1e-12);
        // a NaN prediction ranks last: scores (-inf, 0.5, 0.4) rank 1,3,2 against 3,2,1 -> rho = 1 - 6 * 6 / 24
        RankingAgreement failed = RankingAgreement.of(new double[]{Double.NaN, 0.5, 0.4}, new double[]{0.9, 0.7, 0.6});
        assertEquals(-0.5, failed.spearman, 1e-12);
        assertEquals(1, failed.selected);
        assertEquals(0.2, failed.regret, 1e-12);
        RankingAgreement none = RankingAgreement.of(new double[]{Double.NaN, Double.NaN}, new double[]{0.9, 0.7});
        assertTrue(Double.isNaN(none.spearman) && Double.isNaN(none.kendall));
        assertEquals(1, none.selected);
        assertEquals(0.2, none.regret, 1e-12);
        RankingAgreement bothBest = RankingAgreement.of(new double[]{1, 2, 0}, new double[]{0.9, 0.9, 0.1});
        assertTrue(bothBest.topOneHit, "ties in the truth: any best model is a hit");
    }

    @Test
    void trainingLossSumRanksLowerLossHigher() {
        assertEquals(1.75, TrainingSpeedEstimate.sum(new double[]{1, 0.5, 0.25}), 1e-12);
        RankingAgreement r = RankingAgreement.of(
                new double[]{TrainingSpeedEstimate.score(new double[]{1, 0.5}), TrainingSpeedEstimate.score(new double[]{2, 1})},
                new double[]{0.9, 0.6});
        assertTrue(r.topOneHit);
        assertMessage("trainingLoss[1] is NaN", () -> TrainingSpeedEstimate.sum(new double[]{1, Double.NaN}));
        assertMessage("trainingLoss is empty", () -> TrainingSpeedEstimate.sum(new double[0]));
    }

    @Test
    void badInputIsRefused() {
        assertMessage("trueAccuracy has 2", () -> RankingAgreement.of(new double[]{1, 2, 3}, new double[]{1, 2}));
        assertMessage("at least 2", () -> RankingAgreement.of(new double[]{1}, new double[]{1}));
        assertMessage("trueAccuracy[1] is NaN", () -> RankingAgreement.of(new double[]{1, 2}, new double[]{1, Double.NaN}));
        assertMessage("predicted[0] is Infinity", () -> RankingAgreement.of(new double[]{Double.POSITIVE_INFINITY, 2}, new double[]{1, 2}));
    }
}
