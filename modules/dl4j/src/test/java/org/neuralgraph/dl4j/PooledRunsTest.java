package org.neuralgraph.dl4j;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.data.CircleSquareImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PooledRunsTest {

    static TrainTestData shapes;

    @BeforeAll
    static void data() {
        shapes = CircleSquareImages.outlines().trainTest(600, 200, 4);
    }

    /**
     * cnn-mapper's structure, 2 outputs, scaled down (8 and 4 filters, dense 32) to keep the test fast; learning rate
     * 4e-3 instead of 1e-3 so that the smaller network also learns within 40 batches of 50 (at 1e-3 it reaches 0.65).
     */
    static ModelSpec small() {
        ModelSpec s = ModelSpec.preset("cnn-mapper").withClasses(2);
        s.name = "cnn-mapper-small";
        s.layers.get(0).units = 8;
        s.layers.get(2).units = 4;
        s.layers.get(4).units = 32;
        s.batchSize = 50;
        s.learningRate = 4e-3;
        return s.validate();
    }

    /** Brüel Gabrielsson, Section 6: a few dozen batch iterations are enough to tell circles from squares. */
    @Test
    void twoRunsLearnCirclesVersusSquaresAndPoolTheirFilters() {
        List<String> phases = new ArrayList<>();
        ProgressMonitor m = new ProgressMonitor() {
            @Override public void start(String phase, long totalUnits) { phases.add(phase); }
            @Override public void progress(long doneUnits, String message) { }
            @Override public boolean isCancelled() { return false; }
        };
        PooledRuns p = PooledRuns.train(small(), shapes, 2, 40, m);
        assertEquals(2, p.runs().size());
        assertEquals(40, p.batches());
        assertEquals("run 1/2: training cnn-mapper-small for 40 batches", phases.get(0));
        assertEquals(42, p.runs().get(0).seed());
        assertEquals(43, p.runs().get(1).seed());
        for (PooledRuns.Run r : p.runs()) {
            assertTrue(r.testAccuracy() > 0.85, "run " + r.index() + " test accuracy " + r.testAccuracy());
            assertTrue(r.testAccuracy() > Evaluation.of(r.untrained(), shapes.test()).accuracy());
        }
        assertEquals((p.runs().get(0).testAccuracy() + p.runs().get(1).testAccuracy()) / 2, p.meanTestAccuracy(), 1e-12);

        FirstLayerFilters trained = p.trainedFilters(), untrained = p.untrainedFilters();
        assertEquals(16, trained.size());
        assertEquals(25, trained.dimension());
        assertEquals(trained.ids(), untrained.ids());
        assertEquals(16, new HashSet<>(trained.ids()).size());
        assertEquals("run1/f7", trained.ids().get(15));
        for (int i = 0; i < 16; i++) assertFalse(java.util.Arrays.equals(trained.points()[i], untrained.points()[i]), "filter " + i + " was trained");
    }

    @Test
    void untrainedIsWhereTrainingStarted() {
        PooledRuns p = PooledRuns.train(small(), shapes, 1, 0, ProgressMonitor.NONE);
        FirstLayerFilters trained = p.trainedFilters(), untrained = p.untrainedFilters();
        for (int i = 0; i < trained.size(); i++) assertArrayEquals(untrained.points()[i], trained.points()[i], 0);
    }

    @Test
    void refusesAnOutputLayerThatDoesNotMatchTheClasses() {
        ModelSpec ten = ModelSpec.preset("cnn-mapper");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PooledRuns.train(ten, shapes, 1, 1, ProgressMonitor.NONE));
        assertEquals("model cnn-mapper has 10 outputs but the data has 2 classes; use ModelSpec.withClasses(2)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PooledRuns.train(small(), shapes, 0, 1, ProgressMonitor.NONE));
    }
}
