package org.neuralgraph.render;

import org.neuralgraph.core.graph.NodeLayout;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FrameRendererTest {

    private static final int WHITE = 0xFFFFFF;

    @Test
    void everyFrameHasTheRequestedSize() {
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, AnimationFrame.maxWeight(Frames.THREE));
        List<BufferedImage> images = renderer.images(Frames.THREE);
        assertEquals(3, images.size());
        for (BufferedImage image : images) {
            assertEquals(320, image.getWidth());
            assertEquals(240, image.getHeight());
        }
    }

    @Test
    void anAbsentNodeLeavesItsPixelsWhiteAndNodesStayPut() {
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, AnimationFrame.maxWeight(Frames.THREE));
        BufferedImage first = renderer.render(Frames.THREE.get(0));
        BufferedImage second = renderer.render(Frames.THREE.get(1));
        BufferedImage third = renderer.render(Frames.THREE.get(2));
        List<int[]> orange = pixels(first, Frames.ORANGE);
        assertFalse(orange.isEmpty(), "node 3 is drawn in frame 1");
        for (int[] p : orange) {
            assertEquals(WHITE, second.getRGB(p[0], p[1]) & 0xFFFFFF, "pixel " + p[0] + "," + p[1] + " in frame 2");
            assertEquals(Frames.ORANGE, third.getRGB(p[0], p[1]) & 0xFFFFFF, "the same view in frame 3");
        }
        assertTrue(pixels(second, Frames.ORANGE).isEmpty());
    }

    @Test
    void aFrameWithItsOwnNodeColoursOverridesTheLayouts() {
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, 1);
        int purple = 0x332288;
        AnimationFrame own = Frames.THREE.get(0).withNodeColours(new int[]{Frames.RED, Frames.GREEN, Frames.BLUE, purple});
        BufferedImage image = renderer.render(own);
        assertTrue(pixels(image, Frames.ORANGE).isEmpty(), "node 3 is no longer orange");
        assertFalse(pixels(image, purple).isEmpty(), "node 3 takes the frame's colour");
        assertFalse(pixels(renderer.render(Frames.THREE.get(0)), Frames.ORANGE).isEmpty(), "the original frame is unchanged");
        assertThrows(IllegalArgumentException.class, () -> Frames.THREE.get(0).withNodeColours(new int[3]));
    }

    @Test
    void yGrowsUpwardsAsInGephi() {
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, 1);
        BufferedImage image = renderer.render(Frames.THREE.get(0));
        // node 3 at (0, 10) is above node 0 at (0, 0)
        assertTrue(pixels(image, Frames.ORANGE).get(0)[1] < pixels(image, Frames.RED).get(0)[1]);
    }

    @Test
    void captionIsWrittenAtTheTopLeft() {
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, 1);
        AnimationFrame silent = new AnimationFrame(new boolean[4], new int[0], new int[0], new double[0], "", List.of());
        assertEquals(0, darkPixelsTopLeft(renderer.render(silent)));
        assertTrue(darkPixelsTopLeft(renderer.render(Frames.THREE.get(0))) > 50);
    }

    @Test
    void heavierEdgesAreDarker() {
        AnimationFrame light = Frames.frame(new boolean[]{true, true, true, true}, 0.1);
        AnimationFrame heavy = Frames.frame(new boolean[]{true, true, true, true}, 1.0);
        AnimationFrame none = new AnimationFrame(new boolean[]{true, true, true, true}, new int[0], new int[0],
                new double[0], "mlp-256", List.of());
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, 1.0);
        long nodes = ink(renderer.render(none));
        long lightEdges = ink(renderer.render(light)) - nodes, heavyEdges = ink(renderer.render(heavy)) - nodes;
        assertTrue(lightEdges > 0, "light edges are visible");
        assertTrue(heavyEdges > 5 * lightEdges, heavyEdges + " against " + lightEdges);
    }

    @Test
    void badParametersAreNamed() {
        assertMessageNames("width", () -> new FrameRenderer(Frames.SQUARE, 0, 10, 1));
        assertMessageNames("height", () -> new FrameRenderer(Frames.SQUARE, 10, -1, 1));
        assertMessageNames("maxWeight", () -> new FrameRenderer(Frames.SQUARE, 10, 10, Double.NaN));
        assertMessageNames("frame", () -> new FrameRenderer(Frames.SQUARE, 10, 10, 1)
                .render(new AnimationFrame(new boolean[3], new int[0], new int[0], new double[0], "", List.of())));
        assertMessageNames("y", () -> new NodeLayout(new float[2], new float[1], new int[2], new float[2]));
        assertMessageNames("size", () -> new NodeLayout(new float[1], new float[1], new int[1], new float[]{-1}));
        assertMessageNames("weight", () -> new AnimationFrame(new boolean[2], new int[]{0}, new int[]{1}, new double[]{-1}, "", List.of()));
        assertMessageNames("source, target", () -> new AnimationFrame(new boolean[2], new int[]{0}, new int[]{2}, new double[]{1}, "", List.of()));
    }

    static void assertMessageNames(String parameter, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(parameter), e.getMessage());
    }

    private static List<int[]> pixels(BufferedImage image, int rgb) {
        List<int[]> found = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) found.add(new int[]{x, y});
            }
        }
        return found;
    }

    /** Near-black pixels in the left half of the band above the graph (font 10 px, 3 lines of 13 px, pad 7). */
    private static int darkPixelsTopLeft(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < 46; y++) {
            for (int x = 0; x < image.getWidth() / 2; x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 100 && ((rgb >> 8) & 0xFF) < 100 && (rgb & 0xFF) < 100) dark++;
            }
        }
        return dark;
    }

    /** How far the image is from white, summed over pixels and channels. */
    private static long ink(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                ink += 765 - ((rgb >> 16) & 0xFF) - ((rgb >> 8) & 0xFF) - (rgb & 0xFF);
            }
        }
        return ink;
    }
}
