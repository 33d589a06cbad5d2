package org.neuralgraph.core.mapper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The overlapping intervals U[R, e] of Section 3.2 and their products. */
class MapperCoverTest {

    private static double[][] column(double... values) {
        double[][] out = new double[values.length][1];
        for (int i = 0; i < values.length; i++) out[i][0] = values[i];
        return out;
    }

    @Test
    void halfOverlapWidensEachIntervalByHalfItsBase() {
        // [0, 10], 5 intervals: R = 2, e = 0.5 R / (2 (1 - 0.5)) = 1, interval j = [2j - 1, 2j + 3)
        Cover c = Cover.of(column(0, 2, 3, 5, 10), 5, 0.5);
        assertArrayEquals(new double[]{1, 5}, c.interval(0, 1), 1e-12);
        assertArrayEquals(new int[]{0, 1}, c.members(0), "0 and 2 in [-1, 3); 3 is the excluded upper end");
        assertArrayEquals(new int[]{1, 2}, c.members(1), "2 and 3 in [1, 5)");
        assertArrayEquals(new int[]{2, 3}, c.members(2), "3 and 5 in [3, 7)");
        assertArrayEquals(new int[]{3}, c.members(3));
        assertArrayEquals(new int[]{4}, c.members(4), "the maximum is in the last interval");
        assertEquals(5, c.elementCount());
    }

    @Test
    void overlapIsTheSharedFractionOfAWidenedInterval() {
        Cover c = Cover.of(column(0, 9), 3, 1 / 3.0);
        double[] a = c.interval(0, 0), b = c.interval(0, 1);
        double length = a[1] - a[0];
        assertEquals(3 / (1 - 1 / 3.0), length, 1e-12, "R / (1 - overlap)");
        assertEquals(1 / 3.0, (a[1] - b[0]) / length, 1e-12);
    }

    @Test
    void zeroOverlapPartitionsAndKeepsTheMaximum() {
        Cover c = Cover.of(column(0, 1, 1.999, 2, 4), 2, 0);
        assertArrayEquals(new int[]{0, 1, 2}, c.members(0));
        assertArrayEquals(new int[]{3, 4}, c.members(1));
    }

    @Test
    void aGapInTheLensLeavesEmptyElements() {
        Cover c = Cover.of(column(0, 0.5, 1, 9, 9.5, 10), 5, 0.2);
        assertEquals(5, c.elementCount());
        assertEquals(2, c.nonEmptyCount());
        assertEquals(0, c.members(2).length);
    }

    @Test
    void aConstantLensIsOneElement() {
        Cover c = Cover.of(column(3, 3, 3), 10, 0.5);
        assertArrayEquals(new int[]{0, 1, 2}, c.members(0));
        assertEquals(1, c.nonEmptyCount());
    }

    @Test
    void twoCoordinatesMakeProductsNumberedRowMajor() {
        // 2 x 2 intervals, no overlap: (0,0) -> e 0, (0,1) -> e 1, (1,0) -> e 2, (1,1) -> e 3
        double[][] lens = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.2, 0.9}};
        Cover c = Cover.of(lens, 2, 0);
        assertArrayEquals(new int[]{0}, c.members(0));
        assertArrayEquals(new int[]{1, 4}, c.members(1));
        assertArrayEquals(new int[]{2}, c.members(2));
        assertArrayEquals(new int[]{3}, c.members(3));
        // at overlap 1/2 every inner point lies in 2 x 2 elements
        Cover half = Cover.of(new double[][]{{0, 0}, {10, 10}, {5, 5}}, 5, 0.5);
        int count = 0;
        for (int e = 0; e < half.elementCount(); e++) for (int i : half.members(e)) if (i == 2) count++;
        assertEquals(4, count);
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cover.of(column(0, 1), 0, 0.5)).getMessage().contains("intervals"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cover.of(column(0, 1), 3, 1)).getMessage().contains("overlap"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cover.of(column(0, Double.NaN), 3, 0.5)).getMessage().contains("row 1"));
    }
}
