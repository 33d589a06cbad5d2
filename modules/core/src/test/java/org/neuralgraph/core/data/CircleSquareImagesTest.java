package org.neuralgraph.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CircleSquareImagesTest {

    @Test
    void paperSizesBalancedLabelsAndPixelRange() {
        TrainTestData d = CircleSquareImages.paper(1);
        assertEquals(10_000, d.train().size());
        assertEquals(2_500, d.test().size());
        for (LabeledImages s : new LabeledImages[]{d.train(), d.test()}) {
            assertEquals(28, s.rows());
            assertEquals(28, s.cols());
            assertEquals(2, s.classes());
            assertArrayEquals(new int[]{s.size() / 2, s.size() - s.size() / 2}, s.classCounts());
            for (float v : s.pixels()) assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
        assertTrue(d.description().contains("10000 training and 2500 test"), d.description());
        LabeledImages odd = CircleSquareImages.outlines().generate(7, 3);
        assertArrayEquals(new int[]{3, 4}, odd.classCounts());
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        CircleSquareImages g = new CircleSquareImages(2, 0.1);
        LabeledImages a = g.generate(200, 5), b = g.generate(200, 5), c = g.generate(200, 6);
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(java.util.Arrays.equals(a.pixels(), c.pixels()));
        assertFalse(java.util.Arrays.equals(a.labels(), c.labels()));
        TrainTestData t1 = CircleSquareImages.outlines().trainTest(100, 20, 9);
        TrainTestData t2 = CircleSquareImages.outlines().trainTest(100, 50, 9);
        assertArrayEquals(t1.train().pixels(), t2.train().pixels(), "training images do not depend on the test size");
        assertFalse(java.util.Arrays.equals(t1.train().pixels(), java.util.Arrays.copyOf(t1.test().pixels(), t1.train().pixels().length)));
    }

    @Test
    void shapesStayInsideTheImageAndHaveInk() {
        for (CircleSquareImages g : new CircleSquareImages[]{CircleSquareImages.outlines(), new CircleSquareImages(0, 0), new CircleSquareImages(3, 0)}) {
            LabeledImages s = g.generate(2_000, 11);
            float[] p = s.pixels();
            for (int i = 0; i < s.size(); i++) {
                double ink = 0;
                for (int k = 0; k < 28; k++) {
                    int o = i * 784;
                    assertEquals(0f, p[o + k], "top row, image " + i);
                    assertEquals(0f, p[o + 27 * 28 + k], "bottom row, image " + i);
                    assertEquals(0f, p[o + k * 28], "left column, image " + i);
                    assertEquals(0f, p[o + k * 28 + 27], "right column, image " + i);
                }
                for (int k = 0; k < 784; k++) ink += p[i * 784 + k];
                assertTrue(ink > 40, "image " + i + " has ink " + ink);
            }
        }
    }

    @Test
    void drawsACircleAndASquareWhereAsked() {
        // centre (14, 14), radius / half-width 8, stroke 2: pixel (row 13, col 21) has centre (21.5, 13.5)
        float[] circle = CircleSquareImages.draw(CircleSquareImages.CIRCLE, 14, 14, 8, 2);
        float[] square = CircleSquareImages.draw(CircleSquareImages.SQUARE, 14, 14, 8, 2);
        assertEquals(1f, circle[13 * 28 + 21], 0.05f, "on the circle, right of the centre");
        assertEquals(0f, circle[13 * 28 + 13], "the centre is empty");
        assertEquals(0f, circle[6 * 28 + 6], "outside the circle near the corner of its box");
        assertEquals(1f, square[6 * 28 + 6], "the square's corner (6.5, 6.5)");
        assertEquals(1f, square[6 * 28 + 14], "the square's top side");
        assertEquals(0f, square[13 * 28 + 13], "the square's centre is empty");
        // anti-aliasing: values strictly between 0 and 1 on the circle's edge
        int grey = 0;
        for (float v : circle) if (v > 0.05f && v < 0.95f) grey++;
        assertTrue(grey > 20, "anti-aliased pixels: " + grey);
        float[] filled = CircleSquareImages.draw(CircleSquareImages.SQUARE, 14, 14, 8, 0);
        assertEquals(1f, filled[13 * 28 + 13], "a filled square covers its centre");
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new CircleSquareImages(0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> new CircleSquareImages(4, 0));
        assertThrows(IllegalArgumentException.class, () -> new CircleSquareImages(2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> CircleSquareImages.outlines().generate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> CircleSquareImages.draw(2, 14, 14, 8, 2));
    }
}
