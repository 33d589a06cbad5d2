package org.neuralgraph.core.capacitance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;

class LearningCurveExtrapolationTest {

    private static double[] powerLaw(double a, double b, double c, int epochs) {
        double[] y = new double[epochs];
        for (int t = 1; t <= epochs; t++) y[t - 1] = a - b * Math.pow(t, -c);
        return y;
    }

    @Test
    void recoversAnExactPowerLaw() {
        for (double[] abc : new double[][]{{0.92, 0.4, 0.8}, {0.7, 0.05, 2.4}, {0.95, 0.6, 0.13}}) {
            LearningCurveExtrapolation f = LearningCurveExtrapolation.fit(powerLaw(abc[0], abc[1], abc[2], 8));
            assertTrue(f.fitted());
            assertEquals(abc[0], f.a(), 1e-6);
            assertEquals(abc[1], f.b(), 1e-6);
            assertEquals(abc[2], f.c(), 1e-5);
            assertEquals(abc[0] - abc[1] * Math.pow(50, -abc[2]), f.predict(50), 1e-6);
        }
        LearningCurveExtrapolation three = LearningCurveExtrapolation.fit(powerLaw(0.9, 0.3, 0.5, 3));
        assertEquals(0.9 - 0.3 * Math.pow(20, -0.5), three.predict(20), 1e-6, "three points determine the curve");
    }

    @Test
    void fallsBackToTheLastValueOnShortCurvesAndStaysMonotone() {
        LearningCurveExtrapolation two = LearningCurveExtrapolation.fit(new double[]{0.5, 0.6});
        assertFalse(two.fitted());
        assertEquals(0.6, two.predict(50), 0);
        assertTrue(Double.isNaN(two.c()));
        LearningCurveExtrapolation flat = LearningCurveExtrapolation.fit(new double[]{0.7, 0.7, 0.7, 0.7});
        assertEquals(0.7, flat.predict(50), 1e-9);
        // a falling curve cannot be fitted with b >= 0: the best rising-or-flat curve is the mean
        LearningCurveExtrapolation falling = LearningCurveExtrapolation.fit(new double[]{0.8, 0.7, 0.65, 0.6});
        assertEquals(0, falling.b(), 1e-9);
        assertEquals(0.6875, falling.predict(50), 1e-6);
    }

    @Test
    void badInputIsRefused() {
        assertMessage("accuracy is empty", () -> LearningCurveExtrapolation.fit(new double[0]));
        assertMessage("accuracy[1] is NaN", () -> LearningCurveExtrapolation.fit(new double[]{0.1, Double.NaN, 0.3}));
        LearningCurveExtrapolation f = LearningCurveExtrapolation.fit(new double[]{0.5, 0.6, 0.65});
        assertMessage("t must be positive", () -> f.predict(0));
    }
}
