package org.neuralgraph.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.community.CommunityTracking;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlluvialChartTest {

    private static final int[] PALETTE = {0x332288, 0x117733, 0x44aa99};

    /** a..h and x y z; then a..h splits into a..e (keeps 0) and f g h (new 2); then they merge again. */
    private static CommunityTracking.Result splitAndMerge() {
        String[] ids = {"a", "b", "c", "d", "e", "f", "g", "h", "x", "y", "z"};
        return new CommunityTracking().track(List.of(ids, ids, ids), List.of(
                new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1},
                new int[] {0, 0, 0, 0, 0, 4, 4, 4, 9, 9, 9},
                new int[] {5, 5, 5, 5, 5, 5, 5, 5, 1, 1, 1}));
    }

    @Test
    void barsAndBandsTakeTheirCommunitysColourOnWhite(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("charts/alluvial.png");
        AlluvialChart.write(splitAndMerge(), new String[] {"0", "5", "10"}, "epoch", "Communities, layer 1", PALETTE, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(AlluvialChart.WIDTH, img.getWidth());
        assertEquals(0xFFFFFF, img.getRGB(5, AlluvialChart.HEIGHT - 40) & 0xFFFFFF, "white background");
        int x0 = 70 + 8;
        assertEquals(0x332288, img.getRGB(x0, 100) & 0xFFFFFF, "community 0 on top of the first column");
        assertEquals(0x117733, img.getRGB(x0, 480) & 0xFFFFFF, "community 1 below it");
        int x1 = (int) Math.round(70 + (1000 - 70 - 70 - 16) / 2.0 + 8);
        boolean newColour = false;
        for (int y = 60; y < 550; y++) newColour |= (img.getRGB(x1, y) & 0xFFFFFF) == 0x44aa99;
        assertTrue(newColour, "the split-off community 2 has its own colour in the middle column");
        // a band between the columns is a light tint of community 0
        int band = img.getRGB((70 + 16 + x1) / 2, 100) & 0xFFFFFF;
        assertTrue(band != 0xFFFFFF && band != 0x332288, Integer.toHexString(band));
    }

    @Test
    void oneLabelPerCheckpoint() {
        assertThrows(IllegalArgumentException.class,
                () -> AlluvialChart.draw(splitAndMerge(), new String[] {"0"}, "epoch", "t", PALETTE));
    }
}
