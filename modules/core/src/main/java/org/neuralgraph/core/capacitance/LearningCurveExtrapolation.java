package org.neuralgraph.core.capacitance;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * A learning-curve baseline of the method note, section 5 ("a power-law ... curve fit of I(t) extrapolated to T"):
 * the power law I(t) = a - b t^(-c), b &gt;= 0, c &gt; 0, fitted by least squares to the early validation accuracies
 * I(1..t_e) and evaluated at the full budget T [R].
 *
 * <p>Fit: for each c on a grid (0.05 ... 5) a and b follow by linear least squares (b clipped at 0); the best grid point
 * starts commons-math3's Levenberg-Marquardt over (a, b, c), which keeps b &gt;= 0 and c in [{@value #C_MIN},
 * {@value #C_MAX}] by clamping after each step (beyond c = 10 the curve is flat after t = 1 anyway).
 * Fallbacks, reported by {@link #fitted()} = false:
 * <ul>
 *   <li>t_e &lt; 3 (fewer points than parameters): the flat curve a = I(t_e), b = 0, c = NaN, i.e. the last observed
 *       accuracy;</li>
 *   <li>Levenberg-Marquardt fails (no convergence within its limits) or ends worse than its start: the best grid point.</li>
 * </ul>
 */
public final class LearningCurveExtrapolation {

    static final double C_MIN = 1e-3;
    static final double C_MAX = 10;
    private static final double[] C_GRID = {0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 5};

    private final double a;
    private final double b;
    private final double c;
    private final boolean fitted;

    private LearningCurveExtrapolation(double a, double b, double c, boolean fitted) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.fitted = fitted;
    }

    /**
     * Fits the power law to I(t), t = 1..accuracy.length.
     *
     * @throws IllegalArgumentException when accuracy is empty or holds a NaN or infinite value
     */
    public static LearningCurveExtrapolation fit(double[] accuracy) {
        if (accuracy.length == 0) throw new IllegalArgumentException("accuracy is empty: the curve needs at least one epoch");
        for (int t = 0; t < accuracy.length; t++) {
            if (!Double.isFinite(accuracy[t])) throw new IllegalArgumentException("accuracy[" + t + "] is " + accuracy[t]);
        }
        int n = accuracy.length;
        if (n < 3) return new LearningCurveExtrapolation(accuracy[n - 1], 0, Double.NaN, false);

        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double c : C_GRID) {
            double[] abc = linearFit(accuracy, c);
            double sse = sse(accuracy, abc);
            if (sse < bestSse) {
                bestSse = sse;
                best = abc;
            }
        }
        try {
            LeastSquaresProblem problem = new LeastSquaresBuilder()
                    .start(best)
                    .model(model(n))
                    .target(accuracy)
                    .parameterValidator(p -> new ArrayRealVector(new double[]{p.getEntry(0), Math.max(0, p.getEntry(1)),
                            Math.min(C_MAX, Math.max(C_MIN, p.getEntry(2)))}))
                    .maxEvaluations(10_000)
                    .maxIterations(1_000)
                    .build();
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            double[] abc = optimum.getPoint().toArray();
            boolean finite = Double.isFinite(abc[0]) && Double.isFinite(abc[1]) && Double.isFinite(abc[2]);
            if (finite && sse(accuracy, abc) <= bestSse) return new LearningCurveExtrapolation(abc[0], abc[1], abc[2], true);
        } catch (MathIllegalStateException e) {
            // no convergence within the limits: fall back to the grid
        }
        return new LearningCurveExtrapolation(best[0], best[1], best[2], false);
    }

    /** The fitted (or fallback) curve at epoch t. @throws IllegalArgumentException when t is not positive and finite */
    public double predict(double t) {
        if (!(t > 0) || Double.isInfinite(t)) throw new IllegalArgumentException("t must be positive and finite, got " + t);
        return b == 0 ? a : a - b * Math.pow(t, -c);
    }

    /** Asymptote a. */
    public double a() { return a; }
    /** Amplitude b &gt;= 0. */
    public double b() { return b; }
    /** Exponent c, NaN for the flat fallback of t_e &lt; 3. */
    public double c() { return c; }
    /** True when Levenberg-Marquardt converged; false for either fallback. */
    public boolean fitted() { return fitted; }

    /** Least squares a, b for fixed c, with b clipped at 0. */
    private static double[] linearFit(double[] y, double c) {
        int n = y.length;
        double mx = 0, my = 0;
        for (int t = 0; t < n; t++) {
            mx += Math.pow(t + 1, -c);
            my += y[t];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int t = 0; t < n; t++) {
            double dx = Math.pow(t + 1, -c) - mx;
            sxy += dx * (y[t] - my);
            sxx += dx * dx;
        }
        double b = Math.max(0, -sxy / sxx);
        return new double[]{my + b * mx, b, c};
    }

    private static double sse(double[] y, double[] abc) {
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double d = y[t] - (abc[0] - abc[1] * Math.pow(t + 1, -abc[2]));
            sum += d * d;
        }
        return sum;
    }

    /** I(t) = a - b t^-c at t = 1..n with its Jacobian over (a, b, c). */
    private static MultivariateJacobianFunction model(int n) {
        return point -> {
            double a = point.getEntry(0), b = point.getEntry(1), c = point.getEntry(2);
            RealVector value = new ArrayRealVector(n);
            RealMatrix jacobian = new Array2DRowRealMatrix(n, 3);
            for (int t = 1; t <= n; t++) {
                double x = Math.pow(t, -c);
                value.setEntry(t - 1, a - b * x);
                jacobian.setEntry(t - 1, 0, 1);
                jacobian.setEntry(t - 1, 1, -x);
                jacobian.setEntry(t - 1, 2, b * x * Math.log(t));
            }
            return new Pair<>(value, jacobian);
        };
    }
}
