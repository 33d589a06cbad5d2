package org.neuralgraph.core.capacitance;

import org.neuralgraph.core.regression.BayesianRidgeTest;
import org.neuralgraph.core.regression.BayesianRidge;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.regression.BayesianRidgeTest.ACC;
import static org.neuralgraph.core.regression.BayesianRidgeTest.BETA;
import static org.neuralgraph.core.Refusals.assertMessage;

class CapacitancePredictionTest {

    @Test
    void linearExtrapolationToZeroCapacitanceIsTheIntercept() {
        // scikit-learn 1.2.1 on these points (see BayesianRidgeTest): intercept 0.8292712529479103, centred std at 0
        CapacitancePrediction p = CapacitancePrediction.of(BETA, ACC);
        assertEquals(1, p.degree());
        assertEquals(0.8292712529479103, p.accuracy(), 1e-12);
        assertEquals(0.004651634496628929, p.std(), 1e-10);
        assertEquals(p.model().intercept(), p.accuracy(), 0);
    }

    @Test
    void quadraticExtrapolationMatchesScikitLearn() {
        // BayesianRidge().fit(np.c_[beta, beta**2], acc): intercept 0.8049006532254148, centred std at 0 0.0035347655579795034
        CapacitancePrediction p = CapacitancePrediction.of(BETA, ACC, 2);
        assertEquals(0.8049006532254148, p.accuracy(), 1e-10);
        assertEquals(0.0035347655579795034, p.std(), 1e-9);
        assertEquals(2, p.model().coef().length);
    }

    @Test
    void badInputIsRefusedWithTheParameterName() {
        assertMessage("degree", () -> CapacitancePrediction.of(BETA, ACC, 0));
        assertMessage("accuracy has 5", () -> CapacitancePrediction.of(BETA, new double[5]));
        assertMessage("betaEff has 1 epoch", () -> CapacitancePrediction.of(new double[]{1}, new double[]{1}));
        assertMessage("betaEff[1] is NaN", () -> CapacitancePrediction.of(new double[]{1, Double.NaN}, new double[]{1, 2}));
        assertMessage("accuracy[0] is NaN", () -> CapacitancePrediction.of(new double[]{1, 2}, new double[]{Double.NaN, 2}));
    }
}
