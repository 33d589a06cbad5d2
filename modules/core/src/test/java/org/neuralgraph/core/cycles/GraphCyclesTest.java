package org.neuralgraph.core.cycles;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Components, cycle rank, minimum cycle basis and the nerve's first Betti number on hand-made graphs. */
class GraphCyclesTest {

    @Test
    void aRingHasOneCycleOfItsLength() {
        int[] s = {0, 1, 2, 3, 4, 5}, t = {1, 2, 3, 4, 5, 0};
        assertEquals(1, GraphCycles.components(6, s, t));
        assertEquals(1, GraphCycles.cycleRank(6, s, t));
        assertArrayEquals(new int[]{6}, GraphCycles.minimumCycleBasisLengths(6, s, t));
        assertEquals(1, GraphCycles.betti1(6, s, t, new int[0][]));
    }

    @Test
    void aRingWithATriangleOnItKeepsItsLongCycle() {
        // ring 0..7 and node 8 joined to 0 and 1: triangle 0-1-8
        int[] s = {0, 1, 2, 3, 4, 5, 6, 7, 8, 8}, t = {1, 2, 3, 4, 5, 6, 7, 0, 0, 1};
        assertEquals(2, GraphCycles.cycleRank(9, s, t));
        assertArrayEquals(new int[]{3, 8}, GraphCycles.minimumCycleBasisLengths(9, s, t));
        assertEquals(1, GraphCycles.betti1(9, s, t, new int[][]{{0, 1, 8}}), "the filled triangle is no loop");
        assertEquals(2, GraphCycles.betti1(9, s, t, new int[0][]), "unfilled, it is");
    }

    @Test
    void k4AndGrids() {
        int[] s = {0, 0, 0, 1, 1, 2}, t = {1, 2, 3, 2, 3, 3};
        assertArrayEquals(new int[]{3, 3, 3}, GraphCycles.minimumCycleBasisLengths(4, s, t));
        assertEquals(0, GraphCycles.betti1(4, s, t, new int[][]{{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}}), "a filled tetrahedron");
        // 2 x 3 grid: 0-1-2 over 3-4-5
        int[] gs = {0, 1, 3, 4, 0, 1, 2}, gt = {1, 2, 4, 5, 3, 4, 5};
        assertArrayEquals(new int[]{4, 4}, GraphCycles.minimumCycleBasisLengths(6, gs, gt));
    }

    @Test
    void forestsAndComponents() {
        int[] s = {0, 2}, t = {1, 3};
        assertEquals(3, GraphCycles.components(5, s, t), "two edges and an isolated node");
        assertEquals(0, GraphCycles.cycleRank(5, s, t));
        assertEquals(0, GraphCycles.minimumCycleBasisLengths(5, s, t).length);
        assertThrows(IllegalArgumentException.class, () -> GraphCycles.minimumCycleBasisLengths(2, new int[]{0}, new int[]{0}));
        assertThrows(IllegalArgumentException.class, () -> GraphCycles.betti1(3, s.clone(), new int[]{1, 2}, new int[][]{{0, 1, 2}}));
    }
}
