package org.neuralgraph.core.capacitance;

import org.neuralgraph.core.graph.NeuralGraph;

/**
 * The effective coupling beta_eff of a weighted directed network, the "neural capacitance" of the method note
 * (section 1, Eq. 3) [V]. For the networked dynamics x_i' = f(x_i) + sum_j P_ij g(x_i, x_j) (Eq. 1, row i = receiver),
 * the Gao-Barzel-Barabasi mean-field operator L_P(z) = 1'P z / 1'P 1 (Eq. 2) reduces the system to the single equation
 * x_eff' = f(x_eff) + beta_eff g(x_eff, x_eff) (Eq. 4) with
 * <pre>
 *   beta_eff = L_P(P 1) = 1'P P 1 / 1'P 1 = sum_k s_out(k) s_in(k) / sum_ij P_ij            (Eq. 3)
 * </pre>
 * where s_in = P 1 (row sums: what a node receives) and s_out = 1'P (column sums: what it sends).
 *
 * <p>Only the two strength vectors are needed, never P itself. P must be non-negative (the GBB reduction assumes it):
 * then 0 &lt;= beta_eff &lt;= max_k s_in(k), and beta_eff(cP) = c beta_eff(P).
 *
 * <p>A network without any weight (sum P_ij = 0) has beta_eff = 0, our choice [R]: Eq. 3 is 0/0 there, but the
 * coupling term of Eq. 4 vanishes (the nodes evolve independently, exactly as with beta_eff = 0), and 0 is the limit
 * of beta_eff(cP) = c beta_eff(P) as c -&gt; 0. It is also the value the paper's property "beta_eff -&gt; 0 at
 * convergence" (note section 2.1) needs when all errors are exactly zero; NaN would break the regression of section 4.
 */
public final class EffectiveCoupling {

    /** Relative tolerance for the in- and out-strengths to have the same sum. */
    static final double SUM_TOLERANCE = 1e-8;

    private EffectiveCoupling() { }

    /**
     * beta_eff from the in-strengths (row sums of P) and out-strengths (column sums of P) of the same nodes.
     *
     * @throws IllegalArgumentException when the arrays are empty or of different lengths, hold a negative, NaN or
     *                                  infinite value, or do not have the same sum (they cannot come from one P)
     */
    public static double of(double[] inStrength, double[] outStrength) {
        if (inStrength.length == 0) throw new IllegalArgumentException("inStrength is empty: a network needs at least one node");
        if (inStrength.length != outStrength.length) {
            throw new IllegalArgumentException("inStrength has " + inStrength.length + " nodes but outStrength has " + outStrength.length);
        }
        double totalIn = 0, totalOut = 0, cross = 0;
        for (int k = 0; k < inStrength.length; k++) {
            double in = inStrength[k], out = outStrength[k];
            checkStrength("inStrength", k, in);
            checkStrength("outStrength", k, out);
            totalIn += in;
            totalOut += out;
            cross += in * out;
        }
        if (Math.abs(totalIn - totalOut) > SUM_TOLERANCE * Math.max(totalIn, totalOut)) {
            throw new IllegalArgumentException("inStrength sums to " + totalIn + " but outStrength to " + totalOut
                    + "; both must be sums of the same matrix P (rows and columns)");
        }
        return totalIn == 0 ? 0 : cross / totalIn;
    }

    /**
     * beta_eff of a weighted edge list on nodes {@code 0..nodeCount-1}. An edge source -&gt; target means the source
     * influences the target: P[target][source] += weight, so it adds to the target's in-strength and the source's
     * out-strength. Parallel edges add up; a self-loop adds to both strengths of its node.
     *
     * @throws IllegalArgumentException when nodeCount &lt; 1, the arrays differ in length, an end is not a node, or a
     *                                  weight is negative, NaN or infinite
     */
    public static double of(int nodeCount, int[] source, int[] target, double[] weight) {
        if (nodeCount < 1) throw new IllegalArgumentException("nodeCount must be >= 1, got " + nodeCount);
        if (source.length != target.length || source.length != weight.length) {
            throw new IllegalArgumentException("source, target and weight must have one entry per edge, got "
                    + source.length + ", " + target.length + " and " + weight.length);
        }
        double[] in = new double[nodeCount], out = new double[nodeCount];
        for (int e = 0; e < source.length; e++) {
            int s = source[e], t = target[e];
            if (s < 0 || s >= nodeCount || t < 0 || t >= nodeCount) {
                throw new IllegalArgumentException("edge " + e + " (" + s + "->" + t + ") names a node outside 0.." + (nodeCount - 1));
            }
            double w = weight[e];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of edge " + e + " is " + w + "; weights must be finite and >= 0");
            }
            in[t] += w;
            out[s] += w;
        }
        return of(in, out);
    }

    /**
     * beta_eff of a graph with its edge weights as P. A directed edge u -&gt; v means u influences v (as in
     * {@link #of(int, int[], int[], double[])}); an undirected edge {u, v} counts both ways, P_uv = P_vu = w, so it adds
     * w to both strengths of both ends (an undirected self-loop is the single entry P_uu = w).
     *
     * @throws IllegalArgumentException when the graph has no node
     */
    public static double of(NeuralGraph graph) {
        int n = graph.nodeCount();
        if (n < 1) throw new IllegalArgumentException("graph has no node");
        double[] in = new double[n], out = new double[n];
        for (int e = 0; e < graph.edgeCount(); e++) {
            int s = graph.source(e), t = graph.target(e);
            double w = graph.weight(e);
            in[t] += w;
            out[s] += w;
            if (!graph.isDirected() && s != t) {
                in[s] += w;
                out[t] += w;
            }
        }
        return of(in, out);
    }

    private static void checkStrength(String name, int k, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + "[" + k + "] is " + v + "; strengths must be finite and >= 0 (P must be non-negative)");
        }
    }
}
