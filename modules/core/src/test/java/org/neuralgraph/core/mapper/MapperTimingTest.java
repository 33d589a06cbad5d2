package org.neuralgraph.core.mapper;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Prints how long the Mapper of 1,280 random points in R^25 takes with the default 2-component PCA lens and 10 x 10
 * intervals (the target: under 0.5 s). A print, not an assertion: shared machines vary.
 */
class MapperTimingTest {

    @Test
    void printTiming() {
        Random r = new Random(11);
        double[][] x = new double[1280][25];
        for (double[] row : x) for (int j = 0; j < 25; j++) row[j] = r.nextGaussian();
        int runs = 7;
        double[] ms = new double[runs];
        MapperResult last = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = MapperGraph.build(x, MapperParameters.defaults());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(ms, 1, runs);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "Mapper 1280 x 25, PCA 2 lenses, 10 x 10 intervals: first run %.0f ms, median of the next %d %.0f ms "
                        + "(%d nodes, %d edges, cycle rank %d)%n", ms[0], runs - 1, warm[warm.length / 2], last.nodeCount(),
                last.graph().edgeCount(), last.cycleRank());
    }
}
