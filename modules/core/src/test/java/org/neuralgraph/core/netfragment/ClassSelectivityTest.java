package org.neuralgraph.core.netfragment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ClassSelectivityTest {

    @Test
    void indexOnHandExamples() {
        assertEquals(1.0, ClassSelectivity.index(new double[]{0, 2, 0, 0}), 1e-12, "one class only");
        assertEquals(0.0, ClassSelectivity.index(new double[]{1.5, 1.5, 1.5}), 1e-12, "all classes alike");
        assertEquals(0.5, ClassSelectivity.index(new double[]{3, 1, 1, 1}), 1e-12, "(3 - 1) / (3 + 1)");
        assertEquals(0.6, ClassSelectivity.index(new double[]{4, 2, 0}), 1e-12, "mu_rest = 1: (4 - 1) / (4 + 1)");
        assertEquals(1.0 / 3, ClassSelectivity.index(new double[]{1, 2}), 1e-12, "(2 - 1) / (2 + 1)");
        assertEquals(0.0, ClassSelectivity.index(new double[10]), 0, "a unit never active has SI 0");
    }

    @Test
    void indexRejectsWhatIsNoReluActivation() {
        assertMessage(">= 0", () -> ClassSelectivity.index(new double[]{1, -0.5}));
        assertMessage("NaN", () -> ClassSelectivity.index(new double[]{1, Double.NaN}));
        assertMessage("Infinity", () -> ClassSelectivity.index(new double[]{Double.POSITIVE_INFINITY, 1}));
        assertMessage("two classes", () -> ClassSelectivity.index(new double[]{1}));
        assertMessage("two classes", () -> ClassSelectivity.index(null));
    }

    @Test
    void deadMeansNeverActiveOnAnyInput() {
        assertTrue(ClassSelectivity.dead(new double[][]{{0}, {0}, {0}}));
        assertTrue(ClassSelectivity.dead(new double[][]{{0, 0, 0}, {0, 0, 0}}), "a channel: all positions of all maps");
        assertFalse(ClassSelectivity.dead(new double[][]{{0}, {1e-9}, {0}}));
        assertFalse(ClassSelectivity.dead(new double[][]{{0, 0}, {0, 0.3}}));
        assertMessage(">= 0", () -> ClassSelectivity.dead(new double[][]{{0}, {-1}}));
        assertMessage("NaN", () -> ClassSelectivity.dead(new double[][]{{Double.NaN}}));
        assertMessage("at least one input", () -> ClassSelectivity.dead(new double[0][]));
        assertMessage("no activation", () -> ClassSelectivity.dead(new double[][]{{}}));
    }

    @Test
    void classActivityAveragesPerClassAndPositions() {
        // 2 units x 2 positions, 3 classes; unit 1 is never active
        ClassActivity a = new ClassActivity.Builder("conv_1", 2, 2, 3)
                .add(0, new double[]{1, 3, 0, 0})
                .add(0, new double[]{0, 0, 0, 0})
                .add(1, new double[]{4, 0, 0, 0})
                .add(2, new double[]{0, 0, 0, 0})
                .build();
        assertEquals("conv_1", a.layerName());
        assertEquals(2, a.units());
        assertEquals(3, a.classes());
        assertArrayEquals(new double[]{1, 2, 0}, a.classMeans(0), 1e-12, "class 0: (2 + 0) / 2; class 1: 4 / 2");
        assertEquals(4, a.max(0), 0);
        assertFalse(a.dead(0));
        assertTrue(a.dead(1));
        assertArrayEquals(new boolean[]{false, true}, a.deadUnits());
        assertEquals((2 - 0.5) / (2 + 0.5), a.selectivity(0), 1e-12);
        assertEquals(0, a.selectivities()[1], 0);
        assertEquals(ClassSelectivity.dead(new double[][]{{0, 0}, {0, 0}, {0, 0}, {0, 0}}), a.dead(1));

        ClassActivity.Builder missing = new ClassActivity.Builder("dense_1", 1, 1, 3).add(0, new double[]{1}).add(2, new double[]{1});
        IllegalStateException e = assertThrows(IllegalStateException.class, missing::build);
        assertTrue(e.getMessage().contains("class 1"), e.getMessage());
        assertMessage("expected 1 units x 1 positions", () -> missing.add(0, new double[]{1, 2}));
        assertMessage("label 3", () -> missing.add(3, new double[]{1}));
        assertMessage(">= 0", () -> missing.add(1, new double[]{-2}));
        assertMessage("two classes", () -> new ClassActivity("x", new double[][]{{1}}, new double[]{1}));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
