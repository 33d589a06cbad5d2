package org.neuralgraph.core.graph;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.core.Refusals.assertMessage;

class PieSlicesTest {

    @Test
    void coefficientsGiveTheExtentsInOrderFromTwelveOClock() {
        // CommunityQuality's "3:0.75|7:0.25": three quarters of the circle for class 3, then a quarter for class 7
        PieSlices p = PieSlices.of(new int[]{3, 7}, new double[]{0.75, 0.25});
        assertEquals(2, p.size());
        assertEquals(3, p.community(0));
        assertEquals(0.0, p.start(0));
        assertEquals(270.0, p.extent(0));
        assertEquals(7, p.community(1));
        assertEquals(270.0, p.start(1));
        assertEquals(90.0, p.extent(1));
        assertEquals(360.0, p.end(1));
    }

    @Test
    void coefficientsAreNormalised() {
        PieSlices p = PieSlices.of(new int[]{0, 1, 2}, new double[]{2, 1, 1});
        assertArrayEquals(new double[]{0, 180, 270}, new double[]{p.start(0), p.start(1), p.start(2)});
        assertArrayEquals(new double[]{180, 90, 90}, new double[]{p.extent(0), p.extent(1), p.extent(2)});
    }

    @Test
    void noCoefficientsAreEqualSharesThatAddUpToExactly360() {
        PieSlices p = PieSlices.of(new int[]{3, 7, 9}, null);
        assertEquals(120.0, p.extent(0), 1e-12);
        assertEquals(120.0, p.start(1), 1e-12);
        assertEquals(120.0, p.extent(1), 1e-12);
        assertEquals(240.0, p.start(2), 1e-12);
        assertEquals(360.0, p.extent(0) + p.extent(1) + p.extent(2));
        assertEquals(360.0, p.end(2));
        // seven shares of 360/7 do not add up to 360 in floating point; the last slice closes the circle
        PieSlices seven = PieSlices.of(new int[]{0, 1, 2, 3, 4, 5, 6}, null);
        assertEquals(360.0, seven.end(6));
    }

    @Test
    void aPartitionIsOneFullSlice() {
        PieSlices p = PieSlices.whole(4);
        assertEquals(1, p.size());
        assertEquals(4, p.community(0));
        assertEquals(0.0, p.start(0));
        assertEquals(360.0, p.extent(0));
        assertEquals(0, PieSlices.of(new int[0], null).size());
    }

    @Test
    void aZeroCoefficientDropsItsCommunity() {
        PieSlices p = PieSlices.of(new int[]{1, 5, 8}, new double[]{0.5, 0, 0.5});
        assertEquals(2, p.size());
        assertEquals(1, p.community(0));
        assertEquals(8, p.community(1));
        assertEquals(180.0, p.start(1));
        assertEquals(180.0, p.extent(1));
    }

    @Test
    void badCoefficientsAreRefused() {
        assertMessage("is -0.5", () -> PieSlices.of(new int[]{1, 2}, new double[]{1.5, -0.5}));
        assertMessage("is NaN", () -> PieSlices.of(new int[]{1, 2}, new double[]{Double.NaN, 1}));
        assertMessage("is Infinity", () -> PieSlices.of(new int[]{1, 2}, new double[]{Double.POSITIVE_INFINITY, 1}));
        assertMessage("all 0", () -> PieSlices.of(new int[]{1, 2}, new double[]{0, 0}));
        assertMessage("listed twice", () -> PieSlices.of(new int[]{1, 1}, null));
        assertMessage("2 belonging coefficients", () -> PieSlices.of(new int[]{1}, new double[]{1, 2}));
        assertMessage("negative", () -> PieSlices.of(new int[]{-1}, null));
    }

    @Test
    void pointsGoClockwiseFromTwelveOClockWithYDown() {
        double[] top = PieSlices.pointOnCircle(0, 2), right = PieSlices.pointOnCircle(90, 2), bottom = PieSlices.pointOnCircle(180, 2);
        assertEquals(0, top[0], 1e-12);
        assertEquals(-2, top[1], 1e-12);
        assertEquals(2, right[0], 1e-12);
        assertEquals(0, right[1], 1e-12);
        assertEquals(2, bottom[1], 1e-12);
    }
}
