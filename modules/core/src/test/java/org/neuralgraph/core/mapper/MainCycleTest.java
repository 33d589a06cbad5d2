package org.neuralgraph.core.mapper;

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
}
