package org.neuralgraph.core.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesCorrelationTest {

    @Test
    void pearsonAndSpearmanAgreeWithScipy() {
        // scipy.stats.pearsonr / spearmanr of these series: 0.8241634 and 0.8
        double[] x = {1, 2, 3, 4, 5}, y = {2, 1, 4, 3, 7};
        SeriesCorrelation c = SeriesCorrelation.of(x, y);
        assertEquals(0.8241634, c.pearson, 1e-6);
        assertEquals(0.8, c.spearman, 1e-12);
        assertEquals(-1, SeriesCorrelation.of(x, new double[]{5, 4, 3, 2, 1}).spearman, 1e-12);
    }

    @Test
    void constantOrUndefinedSeriesHaveNoCorrelation() {
        assertTrue(Double.isNaN(SeriesCorrelation.of(new double[]{1, 1, 1}, new double[]{1, 2, 3}).pearson));
        assertTrue(Double.isNaN(SeriesCorrelation.of(new double[]{1, Double.NaN, 3}, new double[]{1, 2, 3}).spearman));
        assertThrows(IllegalArgumentException.class, () -> SeriesCorrelation.of(new double[]{1, 2}, new double[]{1, 2, 3}));
    }
}
