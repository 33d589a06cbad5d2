package org.neuralgraph.core.cycles;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class MainCycleTest {

    @Test
    void aRingWithATailAndAnIslandGivesTheRing() {
        // ring 0-1-2-3-4-5-0, tail 5-6, island 7-8
        int[] s = {0, 1, 2, 3, 4, 5, 5, 7}, t = {1, 2, 3, 4, 5, 0, 6, 8};
        int[] c = MainCycle.of(9, s, t);
        assertEquals(6, c.length);
        int[] sorted = c.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5}, sorted);
        for (int i = 0; i < c.length; i++) {
            int a = c[i], b = c[(i + 1) % c.length];
            assertTrue(Math.abs(a - b) == 1 || Math.abs(a - b) == 5, "consecutive nodes are linked: " + Arrays.toString(c));
        }
    }

    @Test
    void aChordKeepsTheLongerCycleAndATreeHasNone() {
        // square 0-1-2-3 with chord 0-2: cycles of 3; the longest fundamental cycle has 3 or 4 nodes
        int[] c = MainCycle.of(4, new int[]{0, 1, 2, 3, 0}, new int[]{1, 2, 3, 0, 2});
        assertTrue(c.length >= 3);
        assertEquals(0, MainCycle.of(4, new int[]{0, 1, 2}, new int[]{1, 2, 3}).length);
    }

    @Test
    void orientationTurnsOnceAroundARotatingRing() {
        double[] once = {0, 30, 60, 90, 120, 150};
        double[] r = MainCycle.orientationTurn(once);
        assertEquals(180, r[0], 1e-9);
        assertEquals(1.0, r[1], 1e-9);
        double[] backAndForth = {0, 30, 60, 30};
        assertEquals(0, MainCycle.orientationTurn(backAndForth)[0], 1e-9);
        assertTrue(Double.isNaN(MainCycle.orientationTurn(backAndForth)[1]));
    }

    @Test
    void aRingWhoseDirectionsGoRoundWindsAndTheShortestSuchCycleIsFound() {
        // ring 0..7 with directions 0, 45, ..., 315 (once around) and a tail 7-8 whose direction does not matter
        int[] s = {0, 1, 2, 3, 4, 5, 6, 7, 7}, t = {1, 2, 3, 4, 5, 6, 7, 0, 8};
        double[] d = {0, 45, 90, 135, 180, 225, 270, 315, 10};
        int[] ring = MainCycle.winding(9, s, t, d, 360, 60);
        assertEquals(8, ring.length, Arrays.toString(ring));
        // the same ring going 0, 45, 90, 45, 0, ... back and forth does not wind
        double[] back = {0, 45, 90, 135, 90, 45, 0, 350, 10};
        assertEquals(0, MainCycle.winding(9, s, t, back, 360, 60).length);
        // a shorter winding cycle inside: triangle 9-10-11 at 0, 120, 240
        int[] s2 = Arrays.copyOf(s, s.length + 3), t2 = Arrays.copyOf(t, t.length + 3);
        s2[9] = 9; t2[9] = 10; s2[10] = 10; t2[10] = 11; s2[11] = 11; t2[11] = 9;
        double[] d2 = Arrays.copyOf(d, 12);
        d2[9] = 0; d2[10] = 120; d2[11] = 240;
        int[] tri = MainCycle.winding(12, s2, t2, d2, 360, 180);
        int[] sorted = tri.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[]{9, 10, 11}, sorted);
        assertEquals(8, MainCycle.winding(12, s2, t2, d2, 360, 60).length, "steps of 120 degrees are not a ring");
    }

    @Test
    void nanDirectionsCutTheirEdgesAndATreeNeverWinds() {
        int[] s = {0, 1, 2, 3}, t = {1, 2, 3, 0};
        assertEquals(4, MainCycle.winding(4, s, t, new double[]{0, 90, 180, 270}, 360, 90).length);
        assertEquals(0, MainCycle.winding(4, s, t, new double[]{0, 90, Double.NaN, 270}, 360, 90).length);
        assertEquals(0, MainCycle.winding(4, new int[]{0, 1, 2}, new int[]{1, 2, 3}, new double[]{0, 120, 240, 0}, 360, 180).length);
        // orientations (period 180) wind once around a ring turning 0, 45, 90, 135
        assertEquals(4, MainCycle.winding(4, s, t, new double[]{0, 45, 90, 135}, 180, 45).length);
        assertThrows(IllegalArgumentException.class, () -> MainCycle.winding(4, s, t, new double[3], 360, 60));
        assertThrows(IllegalArgumentException.class, () -> MainCycle.winding(4, s, t, new double[4], 360, 0));
    }
}
