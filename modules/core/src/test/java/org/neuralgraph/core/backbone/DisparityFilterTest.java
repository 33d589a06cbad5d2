package org.neuralgraph.core.backbone;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DisparityFilterTest {

    /**
     * 0->1 (8), 0->2 (1), 0->3 (1), 1->3 (1), 2->3 (1), 4->5 (3). By hand: node 0 has out-degree 3 and out-strength 10,
     * so 0->1 has alpha (1 - 0.8)^2 = 0.04 at its source and 0->2, 0->3 have 0.9^2 = 0.81; node 3 has in-degree 3 and
     * in-strength 3, each in-edge (2/3)^2 = 4/9; nodes 1 and 2 (one out-edge, one in-edge) and 4, 5 give 1.
     */
    static final int[] SRC = {0, 0, 0, 1, 2, 4}, DST = {1, 2, 3, 3, 3, 5};
    static final double[] W = {8, 1, 1, 1, 1, 3};

    @Test
    void directedByHand() {
        DisparityFilter.Backbone b = DisparityFilter.at(0.05).filter(SRC, DST, W, 6, true);
        double[] expected = {0.04, 0.81, 4.0 / 9, 4.0 / 9, 4.0 / 9, 1};
        assertArrayEquals(expected, b.alpha(), 1e-12);
        assertArrayEquals(new boolean[]{true, false, false, false, false, false}, b.keep());
        assertEquals(1, b.kept());
        DisparityFilter.Backbone half = DisparityFilter.at(0.5).filter(SRC, DST, W, 6, true);
        assertArrayEquals(new boolean[]{true, false, true, true, true, false}, half.keep(), "4/9 < 0.5 at node 3; the isolated degree-1 edge never");
    }

    @Test
    void undirectedUsesTotalDegreeAndStrength() {
        // node 1: edges 0-1 (8) and 1-3 (1), degree 2, strength 9: 1-3 has (1 - 1/9)^1 = 8/9 there; node 3 degree 3 strength 3
        DisparityFilter.Backbone b = DisparityFilter.at(0.05).filter(SRC, DST, W, 6, false);
        assertEquals(0.04, b.alpha()[0], 1e-12);
        assertEquals(4.0 / 9, b.alpha()[3], 1e-12);
        assertEquals(1.0 / 9, new DisparityFilter.Strengths(0, false).end(2, 9, 8), 1e-12);
    }

    @Test
    void floatAndDoubleWeightsAgree() {
        float[] wf = new float[W.length];
        for (int i = 0; i < W.length; i++) wf[i] = (float) W[i];
        assertArrayEquals(DisparityFilter.at(0.05).filter(SRC, DST, W, 6, true).alpha(),
                DisparityFilter.at(0.05).filter(SRC, DST, wf, 6, true).alpha(), 0);
    }

    @Test
    void tiesAreKeptOrRemovedTogether() {
        // node 0 sends 4 equal weights and one larger: equal alphas, independent of order
        int[] s = {0, 0, 0, 0, 0}, d = {1, 2, 3, 4, 5};
        double[] w = {1, 1, 1, 1, 1};
        DisparityFilter.Backbone b = DisparityFilter.at(0.5).filter(s, d, w, 6, true);
        for (int e = 1; e < 5; e++) assertEquals(b.alpha()[0], b.alpha()[e], 0);
        assertEquals(Math.pow(0.8, 4), b.alpha()[0], 1e-15);
        assertEquals(b.keep()[0] ? 5 : 0, b.kept());
    }

    @Test
    void zeroStrengthNeverSignificant() {
        DisparityFilter.Backbone b = DisparityFilter.at(0.9).filter(new int[]{0, 0}, new int[]{1, 2}, new double[]{0, 0}, 3, true);
        assertArrayEquals(new double[]{1, 1}, b.alpha(), 0);
        assertEquals(0, b.kept());
    }

    /** A random directed graph whose alphas numpy computed from the paper's formula (disparity_reference.py). */
    @Test
    void agreesWithNumpyReference() throws Exception {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/backbone/disparity_reference.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                rows.add(new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
            }
        }
        int m = rows.size();
        int[] s = new int[m], d = new int[m];
        float[] w = new float[m];
        double[] expected = new double[m];
        for (int e = 0; e < m; e++) {
            double[] row = rows.get(e);
            s[e] = (int) row[0]; d[e] = (int) row[1]; w[e] = (float) row[2]; expected[e] = row[3];
        }
        DisparityFilter.Backbone b = DisparityFilter.at(0.05).filter(s, d, w, 40, true);
        int kept = 0;
        for (int e = 0; e < m; e++) {
            assertEquals(expected[e], b.alpha()[e], 1e-12 * Math.max(1e-3, expected[e]), "edge " + e);
            assertEquals(expected[e] < 0.05, b.keep()[e], "edge " + e);
            if (expected[e] < 0.05) kept++;
        }
        assertEquals(27, kept);
        assertEquals(kept, b.kept());
    }

    @Test
    void levelOutsideOpenUnitIntervalRefused() {
        for (double a : new double[]{0, 1, 1.5, -0.1, Double.NaN}) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> DisparityFilter.at(a));
            assertTrue(x.getMessage().startsWith("disparity alpha must be in (0, 1)"), x.getMessage());
        }
    }

    @Test
    void negativeWeightRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DisparityFilter.at(0.05).filter(new int[]{0}, new int[]{1}, new double[]{-1}, 2, true));
    }
}
