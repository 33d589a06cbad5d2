package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.NearestNeighbours;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Section 4's preprocessing: standardised filters and the k-NN density filtration of Section 3.1. */
class MapperPreprocessingTest {

    @Test
    void standardiseGivesMeanZeroAndPopulationVarianceOne() {
        double[][] z = FilterPreprocessing.standardise(new double[][]{{1, 2, 3, 4}, {10, 0, 0, 0}});
        double sd = Math.sqrt(1.25); // population variance of 1 2 3 4 is 1.25
        assertArrayEquals(new double[]{-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}, z[0], 1e-12);
        for (double[] row : z) {
            double mean = 0, var = 0;
            for (double v : row) mean += v / row.length;
            for (double v : row) var += (v - mean) * (v - mean) / row.length;
            assertEquals(0, mean, 1e-12);
            assertEquals(1, var, 1e-12);
        }
    }

    @Test
    void aConstantFilterIsRejectedByRowAndCanBeFoundFirst() {
        double[][] filters = {{1, 2, 3, 4}, {7, 7, 7, 7}, {0, 0, 0, 0}, {0, 1, 0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterPreprocessing.standardise(filters));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertArrayEquals(new int[]{1, 2}, FilterPreprocessing.constantRows(filters));
        assertThrows(IllegalArgumentException.class, () -> FilterPreprocessing.standardise(new double[][]{{1, 2}, {1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> FilterPreprocessing.standardise(new double[][]{{1, 2}, {1, 2, 3}}));
    }

    @Test
    void densityFiltrationKeepsTheDensestPercentTiesByIndex() {
        // on a line at 0 1 2 3 10 20, k = 2: rho_2 = 2 1 1 2 8 17, density = 0.5 1 1 0.5 0.125 0.059
        double[][] line = {{0}, {1}, {2}, {3}, {10}, {20}};
        DensityFiltration f = DensityFiltration.filter(line, 2, 50);
        assertArrayEquals(new double[]{0.5, 1, 1, 0.5, 0.125, 1 / 17.0}, f.densities(), 1e-12);
        assertArrayEquals(new int[]{0, 1, 2}, f.kept(), "3 of 6: the two of density 1, then row 0 before row 3 (tie)");
        assertArrayEquals(new double[]{0.5, 1, 1}, f.keptDensities(), 1e-12);
        assertArrayEquals(new int[]{1}, DensityFiltration.filter(line, 2, 1).kept(), "at least one point");
        assertEquals(6, DensityFiltration.filter(line, 2, 100).kept().length);
    }

    @Test
    void theKeptCountIsRoundedPercentOfN() {
        Random r = new Random(4);
        double[][] cloud = new double[512][3];
        for (double[] p : cloud) for (int j = 0; j < 3; j++) p[j] = r.nextGaussian();
        assertEquals(102, DensityFiltration.filter(cloud, 5, 20).kept().length, "the paper's floor(0.2 x 512) = 102");
    }

    @Test
    void identicalPointsHaveInfiniteDensityAndComeFirst() {
        // rows 1..6 are the same point: with k = 5 each has 5 identical copies, rho_5 = 0
        double[][] pts = {{5, 5}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {0, 3}, {4, 0}};
        DensityFiltration f = DensityFiltration.filter(pts, 5, 50);
        for (int i = 1; i <= 6; i++) assertEquals(Double.POSITIVE_INFINITY, f.densities()[i]);
        assertTrue(Double.isFinite(f.densities()[0]));
        assertArrayEquals(new int[]{1, 2, 3, 4, 5}, f.kept(), "round(4.5) = 5 of the six copies, in row order");
    }

    @Test
    void fewerPointsThanKIsAClearError() {
        double[][] pts = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DensityFiltration.filter(pts, 5, 20));
        assertTrue(e.getMessage().contains("k = 5") && e.getMessage().contains("n = 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DensityFiltration.filter(pts, 0, 20));
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> DensityFiltration.filter(pts, 2, 0));
        assertTrue(p.getMessage().contains("percent"), p.getMessage());
        assertEquals(4, DensityFiltration.filter(pts, 4, 80).kept().length, "n = k + 1 is enough");
    }

    @Test
    void nearestNeighboursExcludeThePointItselfAndBreakTiesByIndex() {
        double[][] pts = {{0}, {1}, {-1}, {3}};
        NearestNeighbours nn = NearestNeighbours.of(pts, 2);
        assertArrayEquals(new int[]{1, 2}, nn.neighbours(0), "1 and -1 are both at distance 1: lower index first");
        assertArrayEquals(new double[]{1, 1}, nn.distances(0), 0);
        assertArrayEquals(new int[]{0, 2}, nn.neighbours(1));
        assertEquals(3, nn.kthDistance(3));
    }
}
