package org.neuralgraph.core.mapper;

import org.neuralgraph.core.geometry.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Defaults and range checks of the Mapper parameters. */
class MapperParametersTest {

    private static void rejects(String name, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void defaults() {
        MapperParameters p = MapperParameters.defaults();
        assertEquals(Metric.VARIANCE_NORMALISED_EUCLIDEAN, p.metric());
        assertEquals("PCA, 2 components", p.lens().description());
        assertEquals(10, p.intervals());
        assertEquals(0.5, p.overlap());
        assertTrue(p.clusterCut().description().contains("whole cloud"));
        assertEquals(5, p.k());
        assertEquals(20, p.percent());
        assertEquals(0, p.seed());
    }

    @Test
    void outOfRangeValuesAreNamed() {
        MapperParameters p = MapperParameters.defaults();
        rejects("intervals", () -> p.withIntervals(0));
        rejects("intervals", () -> p.withIntervals(1001));
        rejects("overlap", () -> p.withOverlap(1));
        rejects("overlap", () -> p.withOverlap(-0.1));
        rejects("overlap", () -> p.withOverlap(Double.NaN));
        rejects("k", () -> p.withK(0));
        rejects("percent", () -> p.withPercent(0));
        rejects("percent", () -> p.withPercent(100.5));
        rejects("metric", () -> p.withMetric(null));
        rejects("lens", () -> p.withLens(null));
        rejects("cut", () -> p.withClusterCut(null));
        rejects("components", () -> Lens.pca(3));
        rejects("k", () -> Lens.neighbourhood(0));
        rejects("k", () -> Lens.density(0));
    }

    @Test
    void withMethodsChangeOneValue() {
        MapperParameters p = MapperParameters.defaults().withIntervals(6).withOverlap(0.25).withSeed(42).withMetric(Metric.EUCLIDEAN);
        assertEquals(6, p.intervals());
        assertEquals(0.25, p.overlap());
        assertEquals(42, p.seed());
        assertEquals(Metric.EUCLIDEAN, p.metric());
        assertEquals(10, MapperParameters.defaults().intervals(), "defaults are untouched");
    }
}
