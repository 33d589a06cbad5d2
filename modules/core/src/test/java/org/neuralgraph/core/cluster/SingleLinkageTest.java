package org.neuralgraph.core.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Single linkage (Section 3.2, step 4) and its three cut rules. */
class SingleLinkageTest {

    private static double[][] line(double... xs) {
        double[][] out = new double[xs.length][1];
        for (int i = 0; i < xs.length; i++) out[i][0] = xs[i];
        return out;
    }

    @Test
    void fixedEpsilonIsTheTransitiveClosureOfDistanceAtMostEpsilon() {
        double[][] pts = line(0, 0.1, 0.2, 5, 5.1);
        assertArrayEquals(new int[]{0, 0, 0, 1, 1}, SingleLinkage.labels(pts, ClusterCut.fixedEpsilon(1)));
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, SingleLinkage.labels(pts, ClusterCut.fixedEpsilon(0.05)));
        assertArrayEquals(new int[]{0, 0, 0, 1, 1}, SingleLinkage.labels(pts, ClusterCut.fixedEpsilon(0.1 + 1e-12)), "d <= epsilon links");
        assertArrayEquals(new int[]{0, 1, 0}, SingleLinkage.labels(line(0, 9, 1), ClusterCut.fixedEpsilon(2)), "labels in order of first row");
    }

    @Test
    void firstEmptyBinOnAHandExample() {
        // heights 1 1 1 7 and diameter 10: bins of 0.9 from 1; bin 1 [1.9, 2.8) is the first empty, cut at its middle 2.35
        assertEquals(2.35, ClusterCut.firstEmptyBin(10).threshold(new double[]{1, 1, 1, 7}, 10), 1e-12);
        assertArrayEquals(new int[]{0, 0, 0, 0, 1}, SingleLinkage.labels(line(0, 1, 2, 3, 10), ClusterCut.firstEmptyBin(10)));
        assertArrayEquals(new int[]{0, 0, 0, 0, 0, 0}, SingleLinkage.labels(line(0, 1, 2, 3, 4, 5), ClusterCut.firstEmptyBin(10)),
                "even spacing: heights 1 and diameter 5 leave bins empty only above the heights, one cluster");
        assertEquals(Double.POSITIVE_INFINITY, ClusterCut.firstEmptyBin(10).threshold(new double[]{2}, 2), "two points: one cluster");
        assertArrayEquals(new int[]{0}, SingleLinkage.labels(line(4), ClusterCut.firstEmptyBin(10)), "one point: one cluster");
        assertArrayEquals(new int[]{0, 0, 0}, SingleLinkage.labels(line(1, 1, 1), ClusterCut.firstEmptyBin(10)), "identical points");
    }

    @Test
    void theWholeCloudRuleBecomesOneEpsilon() {
        double[][] pts = line(0, 1, 2, 3, 10);
        ClusterCut fitted = ClusterCut.firstEmptyBinOfCloud(10).fittedTo(pts);
        assertEquals(2.35, fitted.threshold(new double[]{100}, 100), 1e-12, "the same epsilon whatever the element");
        assertTrue(fitted.description().contains("2.35"), fitted.description());
        assertThrows(IllegalStateException.class, () -> ClusterCut.firstEmptyBinOfCloud(10).threshold(new double[]{1, 2}, 3));
        assertArrayEquals(new int[]{0, 0, 0, 0, 1}, SingleLinkage.labels(pts, ClusterCut.firstEmptyBinOfCloud(10)));
    }

    @Test
    void badCutParametersAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterCut.firstEmptyBin(1)).getMessage().contains("bins"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterCut.firstEmptyBinOfCloud(0)).getMessage().contains("bins"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterCut.fixedEpsilon(-1)).getMessage().contains("epsilon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterCut.fixedEpsilon(Double.NaN)).getMessage().contains("epsilon"));
    }
}
