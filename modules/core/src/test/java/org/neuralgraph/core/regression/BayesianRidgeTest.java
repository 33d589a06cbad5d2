package org.neuralgraph.core.regression;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;

/**
 * Reference numbers from scikit-learn 1.2.1 (numpy 1.24.2, Debian bookworm's python3-sklearn), computed once with:
 * <pre>
 * import numpy as np
 * from sklearn.linear_model import BayesianRidge
 * def show(name, X, y, queries):
 *     m = BayesianRidge().fit(X, y)
 *     print(name, m.coef_, m.intercept_, m.alpha_, m.lambda_, m.n_iter_)
 *     for q in queries:
 *         q = np.asarray(q, dtype=float)
 *         d = q - m.X_offset_
 *         print(m.predict(q[None, :])[0], np.sqrt(d @ m.sigma_ @ d + 1.0 / m.alpha_),   # centred std
 *               m.predict(q[None, :], return_std=True)[1][0])                           # sklearn 1.2.1: raw x
 * beta = np.array([0.92, 0.71, 0.55, 0.43, 0.36, 0.30])
 * acc = np.array([0.612, 0.668, 0.705, 0.731, 0.744, 0.757])
 * show("D1", beta[:, None], acc, [[0.0], [0.5]])
 * show("D1poly2", np.c_[beta, beta**2], acc, [[0.0, 0.0]])
 * X2 = np.array([[1, 2], [2, 1], [3, 5], [4, 3], [5, 8], [6, 5], [7, 9], [8, 6]], dtype=float)
 * y2 = 0.5 + 1.5 * X2[:, 0] - 0.7 * X2[:, 1] + np.array([0.3, -0.2, 0.1, 0.4, -0.5, 0.2, -0.1, 0.05])
 * show("D2", X2, y2, [[0.0, 0.0], [4.5, 4.9]])
 * X3 = np.array([[1.0, 0.5, -1.0, 2.0], [0.0, 1.5, 2.0, -1.0], [2.0, -0.5, 1.0, 0.5]])
 * show("D3", X3, np.array([1.0, 2.5, -0.5]), [])
 * </pre>
 * Our std centres the query (scikit-learn issue #33757, fixed by pull request #33918); the raw-x std of 1.2.1 is quoted
 * in comments only.
 */
public class BayesianRidgeTest {

    public static final double[] BETA = {0.92, 0.71, 0.55, 0.43, 0.36, 0.30};
    public static final double[] ACC = {0.612, 0.668, 0.705, 0.731, 0.744, 0.757};

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    @Test
    void oneFeatureMatchesScikitLearn() {
        double[][] x = new double[BETA.length][];
        for (int t = 0; t < BETA.length; t++) x[t] = new double[]{BETA[t]};
        BayesianRidge.Model m = new BayesianRidge().fit(x, ACC);
        assertRelative(-0.2319961827790403, m.coef()[0], 1e-9, "coef");
        assertRelative(0.8292712529479103, m.intercept(), 1e-12, "intercept");
        assertRelative(96034.27396410267, m.alpha(), 1e-8, "alpha");
        assertRelative(18.56599563142743, m.lambda(), 1e-8, "lambda");
        assertEquals(3, m.iterations());
        BayesianRidge.Prediction p0 = m.predict(new double[]{0});
        assertRelative(0.8292712529479103, p0.mean, 1e-12, "mean at 0");
        assertRelative(0.004651634496628929, p0.std, 1e-8, "std at 0"); // sklearn 1.2.1 raw-x std: 0.003226910136774798
        BayesianRidge.Prediction p5 = m.predict(new double[]{0.5});
        assertRelative(0.7132731615583902, p5.mean, 1e-12, "mean at 0.5");
        assertRelative(0.003238745900191652, p5.std, 1e-8, "std at 0.5"); // raw-x: 0.004456523340972594
    }

    @Test
    void twoFeaturesMatchScikitLearn() {
        double[][] x = {{1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 8}, {6, 5}, {7, 9}, {8, 6}};
        double[] noise = {0.3, -0.2, 0.1, 0.4, -0.5, 0.2, -0.1, 0.05};
        double[] y = new double[8];
        for (int r = 0; r < 8; r++) y[r] = 0.5 + 1.5 * x[r][0] - 0.7 * x[r][1] + noise[r];
        BayesianRidge.Model m = new BayesianRidge().fit(x, y);
        assertRelative(1.544461616899444, m.coef()[0], 1e-9, "coef 0");
        assertRelative(-0.7784616024556974, m.coef()[1], 1e-9, "coef 1");
        assertRelative(0.7136730359240273, m.intercept(), 1e-9, "intercept");
        assertRelative(14.416941762022041, m.alpha(), 1e-8, "alpha");
        assertRelative(0.6670564077449742, m.lambda(), 1e-8, "lambda");
        assertEquals(5, m.iterations());
        BayesianRidge.Prediction p = m.predict(new double[]{0, 0});
        assertRelative(0.7136730359240273, p.mean, 1e-9, "mean at origin");
        assertRelative(0.32491445094631893, p.std, 1e-8, "std at origin"); // raw-x: 0.2633682560309126
        BayesianRidge.Prediction q = m.predict(new double[]{4.5, 4.9});
        assertRelative(3.8492884599386077, q.mean, 1e-9, "mean near the data");
        assertRelative(0.26337179804549354, q.std, 1e-8, "std near the data"); // raw-x: 0.3251397169285834
    }

    @Test
    void fewerSamplesThanFeaturesMatchScikitLearn() {
        double[][] x = {{1.0, 0.5, -1.0, 2.0}, {0.0, 1.5, 2.0, -1.0}, {2.0, -0.5, 1.0, 0.5}};
        BayesianRidge.Model m = new BayesianRidge().fit(x, new double[]{1.0, 2.5, -0.5});
        double[] expected = {-0.7318051478425078, 0.7318051478425078, -0.10916407428114125, -0.1212938774997252};
        for (int c = 0; c < 4; c++) assertEquals(expected[c], m.coef()[c], 1e-8, "coef " + c);
        assertEquals(1.4993255621918773, m.intercept(), 1e-8);
        assertRelative(500000.7022439496, m.alpha(), 1e-6, "alpha");
        assertRelative(1.8219776647964216, m.lambda(), 1e-8, "lambda");
        assertEquals(6, m.iterations());
    }

    @Test
    void recoversTheInterceptOfANoisyLineWithinItsUncertainty() {
        // y = 0.8 - 0.25 x + N(0, 0.01^2), x in [0.2, 1]: extrapolating to x = 0 as CapacitancePrediction does
        Random r = new Random(12345);
        int n = 20;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t][0] = 0.2 + 0.8 * t / (n - 1);
            y[t] = 0.8 - 0.25 * x[t][0] + 0.01 * r.nextGaussian();
        }
        BayesianRidge.Model m = new BayesianRidge().fit(x, y);
        BayesianRidge.Prediction atZero = m.predict(new double[]{0});
        assertEquals(0.8, atZero.mean, 3 * atZero.std, "intercept " + atZero.mean + " +- " + atZero.std);
        assertEquals(-0.25, m.coef()[0], 3 * Math.sqrt(m.sigma()[0][0]));
        assertEquals(0.01, 1 / Math.sqrt(m.alpha()), 0.005, "noise std");
        assertTrue(atZero.std > m.predict(new double[]{0.6}).std, "less certain away from the data");
    }

    @Test
    void badInputIsRefusedWithTheParameterName() {
        BayesianRidge br = new BayesianRidge();
        assertMessage("x has 1 sample", () -> br.fit(new double[][]{{1}}, new double[]{1}));
        assertMessage("y has 3", () -> br.fit(new double[][]{{1}, {2}}, new double[]{1, 2, 3}));
        assertMessage("x[1] has 2 features", () -> br.fit(new double[][]{{1}, {2, 3}}, new double[]{1, 2}));
        assertMessage("x[1][0] is NaN", () -> br.fit(new double[][]{{1}, {Double.NaN}}, new double[]{1, 2}));
        assertMessage("y[0] is Infinity", () -> br.fit(new double[][]{{1}, {2}}, new double[]{Double.POSITIVE_INFINITY, 2}));
        assertMessage("no feature", () -> br.fit(new double[][]{{}, {}}, new double[]{1, 2}));
        assertMessage("maxIter", () -> new BayesianRidge(0, 1e-3, 1e-6, 1e-6, 1e-6, 1e-6));
        assertMessage("lambda2", () -> new BayesianRidge(300, 1e-3, 1e-6, 1e-6, 1e-6, -1));
        BayesianRidge.Model m = br.fit(new double[][]{{1}, {2}, {3}}, new double[]{1, 2, 2.5});
        assertMessage("x has 2 features", () -> m.predict(new double[]{1, 2}));
        assertMessage("x[0] is NaN", () -> m.predict(new double[]{Double.NaN}));
    }
}
