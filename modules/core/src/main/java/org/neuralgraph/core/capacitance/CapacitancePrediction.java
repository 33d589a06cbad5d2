package org.neuralgraph.core.capacitance;

import org.neuralgraph.core.regression.BayesianRidge;

/**
 * The per-model predictor of the method note, section 4 (Algorithm 1 steps 4-5, section 3): a Bayesian ridge regression
 * I = h(beta_eff; theta) of the validation accuracy on beta_eff over the early epochs t = 1..t_e, extrapolated to
 * beta_eff = 0, where the paper's property puts the converged network [D]. The predicted accuracy is h(0) and its
 * uncertainty the predictive std of {@link BayesianRidge} there.
 *
 * <p>Our choices where the paper is silent [R]: h is a polynomial of degree d in beta_eff, features
 * [beta, beta^2, ..., beta^d] plus the intercept, default d = 1 (the note's recommendation: "test the linear form
 * first"; then h(0) is the intercept); priors and stopping rule are scikit-learn's defaults (note section 4: "Bayesian
 * ridge means sklearn's BayesianRidge"); the prediction is not clipped to [0, 1].
 */
public final class CapacitancePrediction {

    /** Default polynomial degree of h. */
    public static final int DEFAULT_DEGREE = 1;

    private final double accuracy;
    private final double std;
    private final int degree;
    private final BayesianRidge.Model model;

    private CapacitancePrediction(double accuracy, double std, int degree, BayesianRidge.Model model) {
        this.accuracy = accuracy;
        this.std = std;
        this.degree = degree;
        this.model = model;
    }

    /** {@link #of(double[], double[], int)} with the linear h of {@link #DEFAULT_DEGREE}. */
    public static CapacitancePrediction of(double[] betaEff, double[] accuracy) {
        return of(betaEff, accuracy, DEFAULT_DEGREE);
    }

    /**
     * Fits h on the early epochs and evaluates it at beta_eff = 0.
     *
     * @param betaEff  beta_eff(t) for t = 1..t_e
     * @param accuracy validation accuracy I(t) for the same epochs
     * @param degree   polynomial degree of h, &gt;= 1
     * @throws IllegalArgumentException when the lengths differ, there are fewer than 2 epochs, degree &lt; 1, or a value
     *                                  is NaN or infinite
     */
    public static CapacitancePrediction of(double[] betaEff, double[] accuracy, int degree) {
        if (degree < 1) throw new IllegalArgumentException("degree must be >= 1, got " + degree);
        if (betaEff.length != accuracy.length) {
            throw new IllegalArgumentException("betaEff has " + betaEff.length + " epochs but accuracy has " + accuracy.length);
        }
        if (betaEff.length < 2) throw new IllegalArgumentException("betaEff has " + betaEff.length + " epoch(s); the regression needs at least 2");
        double[][] x = new double[betaEff.length][degree];
        for (int t = 0; t < betaEff.length; t++) {
            if (!Double.isFinite(betaEff[t])) throw new IllegalArgumentException("betaEff[" + t + "] is " + betaEff[t]);
            if (!Double.isFinite(accuracy[t])) throw new IllegalArgumentException("accuracy[" + t + "] is " + accuracy[t]);
            double power = 1;
            for (int d = 0; d < degree; d++) {
                power *= betaEff[t];
                x[t][d] = power;
            }
        }
        BayesianRidge.Model model = new BayesianRidge().fit(x, accuracy);
        BayesianRidge.Prediction atZero = model.predict(new double[degree]);
        return new CapacitancePrediction(atZero.mean, atZero.std, degree, model);
    }

    /** Predicted converged accuracy h(0). */
    public double accuracy() { return accuracy; }
    /** Predictive standard deviation of h(0). */
    public double std() { return std; }
    /** Polynomial degree of h. */
    public int degree() { return degree; }
    /** The fitted regression (coefficients of beta, beta^2, ...). */
    public BayesianRidge.Model model() { return model; }
}
