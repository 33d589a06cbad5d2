package org.neuralgraph.core.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class KernighanLinBisectionTest {

    @Test
    void findsTheTwoTrianglesFromAnySeed() {
        UndirectedWeights g = CommunityQualityTest.triangles();
        for (long seed = 0; seed < 20; seed++) {
            int[] side = KernighanLinBisection.bisect(g, 10, seed);
            assertEquals(side[0], side[1]);
            assertEquals(side[0], side[2]);
            assertEquals(side[3], side[4]);
            assertEquals(side[3], side[5]);
            assertNotEquals(side[0], side[3], "seed " + seed);
            assertEquals(5.0 / 14, PartitionModularity.of(g, side, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT), 1e-12);
        }
    }

    @Test
    void recoversTwoPlantedCommunitiesAndIsSeeded() {
        int n = 40;
        Random r = new Random(3);
        java.util.List<int[]> edges = new java.util.ArrayList<>();
        for (int u = 0; u < n; u++) for (int v = u + 1; v < n; v++) {
            boolean same = (u < n / 2) == (v < n / 2);
            if (r.nextDouble() < (same ? 0.5 : 0.03)) edges.add(new int[]{u, v});
        }
        int[] s = new int[edges.size()], t = new int[edges.size()];
        double[] w = new double[edges.size()];
        for (int e = 0; e < s.length; e++) { s[e] = edges.get(e)[0]; t[e] = edges.get(e)[1]; w[e] = 1; }
        UndirectedWeights g = UndirectedWeights.of(n, s, t, w);
        int[] side = KernighanLinBisection.bisect(g, 10, 11);
        int agree = 0;
        for (int v = 0; v < n; v++) if (side[v] == side[0] == (v < n / 2)) agree++;
        assertEquals(n, agree, "the planted halves");
        assertArrayEquals(side, KernighanLinBisection.bisect(g, 10, 11));
        int ones = 0;
        for (int x : side) ones += x;
        assertEquals(n / 2, ones, "halves keep their sizes");
        assertThrows(IllegalArgumentException.class, () -> KernighanLinBisection.bisect(g, 0, 1));
    }
}
