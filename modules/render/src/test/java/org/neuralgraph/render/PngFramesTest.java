package org.neuralgraph.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.render.FrameRendererTest.assertMessageNames;

class PngFramesTest {

    @TempDir Path dir;

    @Test
    void onePngPerCheckpointAndNoneLeftFromALongerRun() throws IOException {
        Files.write(dir.resolve("frame-0005.png"), new byte[1]);
        Files.write(dir.resolve("notes.txt"), new byte[1]);
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 160, 120, AnimationFrame.maxWeight(Frames.THREE));

        List<Path> written = PngFrames.write(renderer.images(Frames.THREE), dir);

        assertEquals(List.of(dir.resolve("frame-0000.png"), dir.resolve("frame-0001.png"), dir.resolve("frame-0002.png")), written);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("frame-0000.png", "frame-0001.png", "frame-0002.png", "notes.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        BufferedImage second = ImageIO.read(written.get(1).toFile());
        assertEquals(160, second.getWidth());
        assertEquals(120, second.getHeight());
    }

    @Test
    void noFramesIsAnError() {
        assertMessageNames("frames", () -> {
            try {
                PngFrames.write(List.of(), dir);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
