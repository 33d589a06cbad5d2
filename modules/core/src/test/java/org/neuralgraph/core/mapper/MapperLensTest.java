package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Metric;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The PCA, density and neighbourhood lenses. */
class MapperLensTest {

    @Test
    void pcaProjectsOnTheMainAxisWithItsLargestLoadingPositive() {
        double[][] pts = new double[5][];
        for (int i = 0; i < 5; i++) pts[i] = new double[]{i, 2 * i};
        double[][] v = Lens.pca(1).values(pts, Metric.EUCLIDEAN, 0);
        for (int i = 0; i < 5; i++) assertEquals((i - 2) * Math.sqrt(5), v[i][0], 1e-9);
        double[][] two = Lens.pca(2).values(pts, Metric.VARIANCE_NORMALISED_EUCLIDEAN, 0);
        for (double[] row : two) assertEquals(0, row[1], 1e-9, "no spread across the line");
        assertEquals("PCA, 2 components", Lens.pca(2).description());
    }

    @Test
    void pcaComponentsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Lens.pca(3)).getMessage().contains("components"));
        assertThrows(IllegalArgumentException.class, () -> Lens.pca(0));
        assertThrows(IllegalArgumentException.class, () -> Lens.pca(2).values(new double[][]{{1}, {2}}, Metric.EUCLIDEAN, 0));
    }

    @Test
    void densityLensIsOneOverRhoUnderTheMetricAndClampsDuplicates() {
        double[][] line = {{0}, {1}, {2}, {3}, {10}, {20}};
        double[][] v = Lens.density(2).values(line, Metric.EUCLIDEAN, 0);
        assertEquals(0.5, v[0][0], 1e-12);
        assertEquals(1 / 17.0, v[5][0], 1e-12);
        double[][] dup = {{1, 1}, {1, 1}, {1, 1}, {0, 3}};
        double[][] d = Lens.density(2).values(dup, Metric.EUCLIDEAN, 0);
        assertEquals(d[3][0], d[0][0], 1e-12, "infinite densities take the largest finite one");
        assertTrue(Double.isFinite(d[0][0]));
    }

    @Test
    void neighbourhoodLensEmbedsARingAsACircle() {
        int n = 60;
        double[][] ring = new double[n][];
        for (int i = 0; i < n; i++) ring[i] = new double[]{Math.cos(2 * Math.PI * i / n), Math.sin(2 * Math.PI * i / n)};
        double[][] v = Lens.neighbourhood(4).values(ring, Metric.EUCLIDEAN, 3);
        double mean = 0;
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) { radius[i] = Math.hypot(v[i][0], v[i][1]); mean += radius[i] / n; }
        for (double r : radius) assertEquals(mean, r, 1e-6 * mean, "cosine and sine of the ring: points on a circle");
        double turn = 0; // the embedding goes once around, in order
        for (int i = 0; i < n; i++) {
            double a = Math.atan2(v[i][1], v[i][0]), b = Math.atan2(v[(i + 1) % n][1], v[(i + 1) % n][0]);
            double d = b - a;
            while (d > Math.PI) d -= 2 * Math.PI;
            while (d < -Math.PI) d += 2 * Math.PI;
            turn += d;
        }
        assertEquals(2 * Math.PI, Math.abs(turn), 1e-6);
        assertArrayEquals(v[7], Lens.neighbourhood(4).values(ring, Metric.EUCLIDEAN, 3)[7], 0, "seeded: same result");
    }

    @Test
    void neighbourhoodLensNeedsMoreThanKPoints() {
        double[][] pts = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lens.neighbourhood(5).values(pts, Metric.EUCLIDEAN, 0));
        assertTrue(e.getMessage().contains("k = 5") && e.getMessage().contains("n = 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lens.neighbourhood(1).values(new double[][]{{0}, {1}}, Metric.EUCLIDEAN, 0));
    }
}
