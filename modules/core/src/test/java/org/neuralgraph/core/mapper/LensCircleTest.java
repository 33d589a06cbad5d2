package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Metric;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Whether points lie around a 2-D lens's centre in the order of their own angle (the primary circle of Brüel Gabrielsson). */
class LensCircleTest {

    @Test
    void stepEdgesAtEveryAngleLieAroundThePcaPlaneInGradientOrder() {
        double[][] filters = MapperFixtures.edgeFilters(400, 0.1, 3);
        double[][] lens = Lens.pca(2).values(FilterPreprocessing.standardise(filters), Metric.EUCLIDEAN, 0);
        double[] direction = new double[filters.length];
        for (int i = 0; i < filters.length; i++) direction[i] = Orientation.gradientDirection(filters[i]);
        LensCircle c = LensCircle.of(lens, direction);
        assertEquals(400, c.points());
        assertTrue(c.r() > 0.95, "r = " + c.r());
        // the polarity-free edge orientation covers the circle twice, so it does not order it
        double[] orientation = new double[filters.length];
        for (int i = 0; i < filters.length; i++) orientation[i] = Orientation.degrees(filters[i]);
        assertTrue(LensCircle.of(lens, orientation).r() < 0.2, "orientation r = " + LensCircle.of(lens, orientation).r());
    }

    @Test
    void unrelatedAnglesGiveAboutTheRandomWalkLength() {
        Random r = new Random(5);
        int n = 2000;
        double[][] lens = new double[n][];
        double[] degrees = new double[n];
        for (int i = 0; i < n; i++) {
            lens[i] = new double[]{r.nextGaussian(), r.nextGaussian()};
            degrees[i] = 360 * r.nextDouble();
        }
        LensCircle c = LensCircle.of(lens, degrees);
        assertEquals(Math.sqrt(Math.PI / (4.0 * n)), c.unrelated(), 1e-12);
        assertTrue(c.r() < 4 * c.unrelated(), "r = " + c.r() + " against " + c.unrelated());
    }

    @Test
    void aMirroredPlaneIsFoundAndNaNAnglesAreSkipped() {
        int n = 36;
        double[][] lens = new double[n + 1][];
        double[] degrees = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double t = Math.toRadians(10 * i);
            lens[i] = new double[]{Math.cos(t), -Math.sin(t)}; // clockwise
            degrees[i] = 10 * i + 30;
        }
        lens[n] = new double[]{5, 5};
        degrees[n] = Double.NaN;
        LensCircle c = LensCircle.of(lens, degrees);
        assertEquals(n, c.points());
        assertTrue(c.mirrored());
        assertTrue(c.r() > 0.9, "r = " + c.r()); // the skipped point still moves the centroid a little
        assertTrue(Double.isNaN(LensCircle.of(new double[][]{{0, 0}}, new double[]{Double.NaN}).r()));
        assertThrows(IllegalArgumentException.class, () -> LensCircle.of(new double[][]{{0, 0, 0}}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> LensCircle.of(new double[][]{{0, 0}}, new double[0]));
    }
}
