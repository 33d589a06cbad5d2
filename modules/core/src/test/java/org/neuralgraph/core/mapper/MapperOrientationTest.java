package org.neuralgraph.core.mapper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The edge orientation of a mean filter: 0 = horizontal edge, 90 = vertical, counter-clockwise, y up. */
class MapperOrientationTest {

    /** A 5 x 5 filter f(row, col). */
    private interface Pixel { double at(int row, int col); }

    private static double[] filter(Pixel p) {
        double[] f = new double[25];
        for (int r = 0; r < 5; r++) for (int c = 0; c < 5; c++) f[r * 5 + c] = p.at(r, c);
        return f;
    }

    @Test
    void horizontalAndVerticalEdges() {
        double[] horizontal = filter((r, c) -> r < 2 ? 1 : r == 2 ? 0 : -1); // bright above dark
        double[] vertical = filter((r, c) -> c < 2 ? -1 : c == 2 ? 0 : 1);  // dark left, bright right
        assertEquals(0, Orientation.degrees(horizontal), 1e-9);
        assertEquals(90, Orientation.degrees(vertical), 1e-9);
        assertEquals(1, Orientation.coherence(horizontal), 1e-12, "a pure step has one orientation");
        double[] inverted = filter((r, c) -> r < 2 ? -1 : r == 2 ? 0 : 1);
        assertEquals(0, Orientation.degrees(inverted), 1e-9, "the sign of the edge does not matter");
    }

    @Test
    void diagonals() {
        // x = c - 2 right, y = 2 - r up: f = x + y has level lines of slope -1 ("\"), f = x - y of slope +1 ("/")
        assertEquals(135, Orientation.degrees(filter((r, c) -> (c - 2) + (2 - r))), 1e-9);
        assertEquals(45, Orientation.degrees(filter((r, c) -> (c - 2) - (2 - r))), 1e-9);
    }

    @Test
    void gradientDirectionKeepsThePolarity() {
        assertEquals(0, Orientation.gradientDirection(filter((r, c) -> c - 2)), 1e-9, "brighter to the right");
        assertEquals(90, Orientation.gradientDirection(filter((r, c) -> 2 - r)), 1e-9, "brighter above");
        assertEquals(180, Orientation.gradientDirection(filter((r, c) -> 2 - c)), 1e-9, "brighter to the left");
        assertEquals(270, Orientation.gradientDirection(filter((r, c) -> r - 2)), 1e-9, "brighter below");
        assertEquals(45, Orientation.gradientDirection(filter((r, c) -> (c - 2) + (2 - r))), 1e-9);
        // the same edge orientation, both polarities
        assertEquals(Orientation.degrees(filter((r, c) -> r - 2)), Orientation.degrees(filter((r, c) -> 2 - r)), 1e-9);
        assertTrue(Double.isNaN(Orientation.gradientDirection(new double[25])), "flat");
        assertTrue(Double.isNaN(Orientation.gradientDirection(filter((r, c) -> c == 2 ? 1 : 0))), "a bar: its gradients cancel");
        assertTrue(Double.isNaN(Orientation.gradientDirection(new double[24])), "not square");
    }

    @Test
    void noOrientationOrNoSquareIsNaN() {
        assertTrue(Double.isNaN(Orientation.degrees(new double[25])), "flat");
        assertEquals(0, Orientation.coherence(new double[25]), 0);
        double[] blob = filter((r, c) -> -((r - 2) * (r - 2) + (c - 2) * (c - 2)));
        assertTrue(Double.isNaN(Orientation.degrees(blob)), "centre-surround is isotropic");
        assertTrue(Double.isNaN(Orientation.degrees(new double[]{1, 2, 3})));
        assertTrue(Double.isNaN(Orientation.coherence(new double[]{1, 2})));
        assertTrue(Orientation.isSquare(9) && Orientation.isSquare(25) && !Orientation.isSquare(2) && !Orientation.isSquare(1));
    }
}
