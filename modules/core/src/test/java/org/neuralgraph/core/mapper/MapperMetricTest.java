package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Points;
import org.neuralgraph.core.geometry.Metric;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Section 4's variance-normalised Euclidean distance. */
class MapperMetricTest {

    // column 0: 0 2 0 2, mean 1, population variance 1; column 1: 0 0 4 4, mean 2, variance 4
    private static final double[][] SQUARE = {{0, 0}, {2, 0}, {0, 4}, {2, 4}};

    @Test
    void varianceNormalisedDistanceOnAHandExample() {
        Metric vne = Metric.VARIANCE_NORMALISED_EUCLIDEAN;
        double[] w = vne.columnWeights(SQUARE);
        assertArrayEquals(new double[]{1, 0.25}, w, 1e-12);
        assertEquals(Math.sqrt(4 / 1.0 + 16 / 4.0), Metric.distance(SQUARE[0], SQUARE[3], w), 1e-12);
        assertEquals(2, Metric.distance(SQUARE[0], SQUARE[1], w), 1e-12);
        assertEquals(2, Metric.distance(SQUARE[0], SQUARE[2], w), 1e-12, "4 / sqrt(4): both sides weigh the same");
        double[][] z = vne.embed(SQUARE);
        assertEquals(Math.sqrt(8), Math.sqrt(Points.squaredDistance(z[0], z[3])), 1e-12, "embedding is an isometry");
    }

    @Test
    void euclideanHasUnitWeights() {
        assertArrayEquals(new double[]{1, 1}, Metric.EUCLIDEAN.columnWeights(SQUARE), 0);
        assertEquals(Math.sqrt(20), Metric.distance(SQUARE[0], SQUARE[3], Metric.EUCLIDEAN.columnWeights(SQUARE)), 1e-12);
    }

    @Test
    void aZeroVarianceColumnWeighsNothing() {
        double[][] pts = {{0, 3}, {2, 3}, {4, 3}};
        double[] w = Metric.VARIANCE_NORMALISED_EUCLIDEAN.columnWeights(pts);
        assertEquals(0, w[1], 0);
        assertEquals(3 / 8.0, w[0], 1e-12, "variance of 0 2 4 is 8/3");
        assertTrue(Double.isFinite(Metric.distance(pts[0], pts[2], w)));
        double[][] same = {{1, 1}, {1, 1}};
        assertEquals(0, Metric.distance(same[0], same[1], Metric.VARIANCE_NORMALISED_EUCLIDEAN.columnWeights(same)), 0);
    }
}
