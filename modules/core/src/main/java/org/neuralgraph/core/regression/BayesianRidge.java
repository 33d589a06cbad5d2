package org.neuralgraph.core.regression;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Bayesian ridge regression, re-implemented from scikit-learn's {@code sklearn.linear_model.BayesianRidge} with
 * {@code fit_intercept=True} (method note, section 4: the paper's regressor I = h(beta_eff; theta) [D]).
 *
 * <p>Model: y = X w + intercept + noise, noise precision alpha ~ Gamma(alpha_1, alpha_2), weight prior
 * w ~ N(0, I / lambda), lambda ~ Gamma(lambda_1, lambda_2). As sklearn: X and y are centred by their means; the thin
 * SVD X = U S V' gives the eigenvalues S^2 of X'X; alpha starts at 1 / (var(y) + eps), lambda at 1; then up to
 * {@code maxIter} times: w = V diag(1 / (S^2 + lambda/alpha)) V' X'y (X' U diag(..) U' y when n &lt;= p),
 * gamma = sum alpha S^2 / (lambda + alpha S^2), lambda = (gamma + 2 lambda_1) / (|w|^2 + 2 lambda_2),
 * alpha = (n - gamma + 2 alpha_1) / (|y - X w|^2 + 2 alpha_2) (MacKay 1992), stopping after the first iteration on
 * which sum |w_old - w| &lt; tol; finally w is recomputed with the last alpha and lambda, the posterior covariance is
 * sigma = V diag(1 / (S^2 + lambda/alpha)) V' / alpha, and intercept = mean(y) - mean(X) . w.
 *
 * <p>One deliberate difference: the predictive std centres the query, sqrt((x - mean(X))' sigma (x - mean(X)) + 1/alpha),
 * the variance of the model sklearn fits. scikit-learn 1.2.1 (the version of our reference numbers) and every release
 * before pull request #33918 (merged May 2026, scikit-learn issue #33757) uses the raw x, which makes the std
 * smallest at x = 0 instead of at the training data.
 * When n &lt;= p the thin SVD keeps a singular vector of the null space of the centred X that LAPACK chooses freely, so
 * sigma (not w) is then not unique; ours comes from commons-math3's SVD.
 */
public final class BayesianRidge {

    private final int maxIter;
    private final double tol;
    private final double alpha1;
    private final double alpha2;
    private final double lambda1;
    private final double lambda2;

    /** scikit-learn's defaults: max_iter 300, tol 1e-3, alpha_1 = alpha_2 = lambda_1 = lambda_2 = 1e-6. */
    public BayesianRidge() {
        this(300, 1e-3, 1e-6, 1e-6, 1e-6, 1e-6);
    }

    /** @throws IllegalArgumentException when maxIter &lt; 1, or tol or a prior parameter is negative or not finite */
    public BayesianRidge(int maxIter, double tol, double alpha1, double alpha2, double lambda1, double lambda2) {
        if (maxIter < 1) throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        checkNonNegative("tol", tol);
        checkNonNegative("alpha1", alpha1);
        checkNonNegative("alpha2", alpha2);
        checkNonNegative("lambda1", lambda1);
        checkNonNegative("lambda2", lambda2);
        this.maxIter = maxIter;
        this.tol = tol;
        this.alpha1 = alpha1;
        this.alpha2 = alpha2;
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
    }

    private static void checkNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }

    /**
     * Fits the model.
     *
     * @param x n x p features, one row per sample
     * @param y n targets
     * @throws IllegalArgumentException when there are fewer than 2 samples or no feature, rows differ in length, the
     *                                  lengths of x and y differ, or a value is NaN or infinite
     */
    public Model fit(double[][] x, double[] y) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("x has " + n + " sample(s); Bayesian ridge regression needs at least 2");
        if (y.length != n) throw new IllegalArgumentException("x has " + n + " samples but y has " + y.length);
        int p = x[0].length;
        if (p < 1) throw new IllegalArgumentException("x has no feature");
        for (int r = 0; r < n; r++) {
            if (x[r].length != p) throw new IllegalArgumentException("x[" + r + "] has " + x[r].length + " features, x[0] has " + p);
            for (int c = 0; c < p; c++) {
                if (!Double.isFinite(x[r][c])) throw new IllegalArgumentException("x[" + r + "][" + c + "] is " + x[r][c]);
            }
            if (!Double.isFinite(y[r])) throw new IllegalArgumentException("y[" + r + "] is " + y[r]);
        }

        double[] xOffset = new double[p];
        double yOffset = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < p; c++) xOffset[c] += x[r][c];
            yOffset += y[r];
        }
        for (int c = 0; c < p; c++) xOffset[c] /= n;
        yOffset /= n;
        double[][] xc = new double[n][p];
        double[] yc = new double[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < p; c++) xc[r][c] = x[r][c] - xOffset[c];
            yc[r] = y[r] - yOffset;
        }

        double[] xty = new double[p];
        for (int r = 0; r < n; r++) for (int c = 0; c < p; c++) xty[c] += xc[r][c] * yc[r];
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(xc, false));
        double[][] u = svd.getU().getData(); // n x q
        double[][] v = svd.getV().getData(); // p x q
        double[] s = svd.getSingularValues();
        int q = s.length;
        double[] eigen = new double[q];
        for (int t = 0; t < q; t++) eigen[t] = s[t] * s[t];

        double eps = Math.ulp(1.0);
        double meanY = 0;
        for (double t : yc) meanY += t;
        meanY /= n;
        double var = 0;
        for (double t : yc) var += (t - meanY) * (t - meanY);
        var /= n;
        double alpha = 1.0 / (var + eps);
        double lambda = 1.0;

        double[] coefOld = null;
        int iterations = 0;
        for (int iter = 0; iter < maxIter; iter++) {
            iterations = iter + 1;
            double[] coef = coefficients(xc, yc, xty, u, v, eigen, alpha, lambda);
            double rmse = residualSumOfSquares(xc, yc, coef);
            double gamma = 0;
            for (double ev : eigen) gamma += alpha * ev / (lambda + alpha * ev);
            double norm2 = 0;
            for (double w : coef) norm2 += w * w;
            lambda = (gamma + 2 * lambda1) / (norm2 + 2 * lambda2);
            alpha = (n - gamma + 2 * alpha1) / (rmse + 2 * alpha2);
            if (iter != 0) {
                double change = 0;
                for (int c = 0; c < p; c++) change += Math.abs(coefOld[c] - coef[c]);
                if (change < tol) break;
            }
            coefOld = coef;
        }
        double[] coef = coefficients(xc, yc, xty, u, v, eigen, alpha, lambda);
        double[][] sigma = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double sum = 0;
                for (int t = 0; t < q; t++) sum += v[a][t] * v[b][t] / (eigen[t] + lambda / alpha);
                sigma[a][b] = sum / alpha;
            }
        }
        double intercept = yOffset;
        for (int c = 0; c < p; c++) intercept -= xOffset[c] * coef[c];
        return new Model(coef, intercept, alpha, lambda, sigma, xOffset, iterations);
    }

    /** Posterior mean for given alpha, lambda (sklearn's _update_coef_). */
    private static double[] coefficients(double[][] xc, double[] yc, double[] xty, double[][] u, double[][] v, double[] eigen,
                                         double alpha, double lambda) {
        int n = xc.length, p = xty.length, q = eigen.length;
        double[] coef = new double[p];
        if (n > p) {
            for (int t = 0; t < q; t++) {
                double proj = 0; // V' X'y
                for (int c = 0; c < p; c++) proj += v[c][t] * xty[c];
                proj /= eigen[t] + lambda / alpha;
                for (int c = 0; c < p; c++) coef[c] += v[c][t] * proj;
            }
        } else {
            double[] z = new double[n]; // U diag(..) U' y
            for (int t = 0; t < q; t++) {
                double proj = 0;
                for (int r = 0; r < n; r++) proj += u[r][t] * yc[r];
                proj /= eigen[t] + lambda / alpha;
                for (int r = 0; r < n; r++) z[r] += u[r][t] * proj;
            }
            for (int r = 0; r < n; r++) for (int c = 0; c < p; c++) coef[c] += xc[r][c] * z[r];
        }
        return coef;
    }

    private static double residualSumOfSquares(double[][] xc, double[] yc, double[] coef) {
        double sum = 0;
        for (int r = 0; r < xc.length; r++) {
            double fit = 0;
            for (int c = 0; c < coef.length; c++) fit += xc[r][c] * coef[c];
            double d = yc[r] - fit;
            sum += d * d;
        }
        return sum;
    }

    /** A fitted Bayesian ridge regression; immutable. */
    public static final class Model {
        private final double[] coef;
        private final double intercept;
        private final double alpha;
        private final double lambda;
        private final double[][] sigma;
        private final double[] xOffset;
        private final int iterations;

        private Model(double[] coef, double intercept, double alpha, double lambda, double[][] sigma, double[] xOffset, int iterations) {
            this.coef = coef;
            this.intercept = intercept;
            this.alpha = alpha;
            this.lambda = lambda;
            this.sigma = sigma;
            this.xOffset = xOffset;
            this.iterations = iterations;
        }

        /** Posterior mean of the weights (sklearn's coef_), a copy. */
        public double[] coef() { return coef.clone(); }
        /** sklearn's intercept_. */
        public double intercept() { return intercept; }
        /** Estimated noise precision (sklearn's alpha_). */
        public double alpha() { return alpha; }
        /** Estimated weight precision (sklearn's lambda_). */
        public double lambda() { return lambda; }
        /** Posterior covariance of the weights (sklearn's sigma_), a copy. */
        public double[][] sigma() {
            double[][] copy = new double[sigma.length][];
            for (int i = 0; i < sigma.length; i++) copy[i] = sigma[i].clone();
            return copy;
        }
        /** Iterations of the evidence maximisation (sklearn's n_iter_). */
        public int iterations() { return iterations; }

        /**
         * Predictive mean x . coef + intercept and std sqrt((x - mean(X))' sigma (x - mean(X)) + 1/alpha).
         *
         * @throws IllegalArgumentException when x has the wrong length or a NaN/infinite value
         */
        public Prediction predict(double[] x) {
            if (x.length != coef.length) throw new IllegalArgumentException("x has " + x.length + " features, the model " + coef.length);
            double mean = intercept;
            double[] d = new double[x.length];
            for (int c = 0; c < x.length; c++) {
                if (!Double.isFinite(x[c])) throw new IllegalArgumentException("x[" + c + "] is " + x[c]);
                mean += x[c] * coef[c];
                d[c] = x[c] - xOffset[c];
            }
            double var = 1.0 / alpha;
            for (int a = 0; a < d.length; a++) for (int b = 0; b < d.length; b++) var += d[a] * sigma[a][b] * d[b];
            return new Prediction(mean, Math.sqrt(var));
        }
    }

    /** Mean and standard deviation of the predictive distribution at one point. */
    public static final class Prediction {
        public final double mean;
        public final double std;

        Prediction(double mean, double std) {
            this.mean = mean;
            this.std = std;
        }
    }
}
