package org.neuralgraph.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.neuralgraph.render.FrameRendererTest.assertMessageNames;

class AnimatedGifTest {

    @TempDir Path dir;

    @Test
    void oneGifFramePerCheckpointLoopingForever() throws IOException {
        FrameRenderer renderer = new FrameRenderer(Frames.SQUARE, 320, 240, AnimationFrame.maxWeight(Frames.THREE));
        Path gif = dir.resolve("training.gif");
        AnimatedGif.write(renderer.images(Frames.THREE), 500, gif);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(Frames.THREE.size(), reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals(320, first.getWidth());
            assertEquals(240, first.getHeight());
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
            assertEquals("50", control.getAttribute("delayTime"));
            IIOMetadataNode app = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertNotNull(app, "NETSCAPE2.0 loop extension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            assertArrayEquals(new byte[]{1, 0, 0}, (byte[]) app.getUserObject());
        } finally {
            reader.dispose();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(gif), files.collect(Collectors.toList()), "no temporary file left");
        }
    }

    @Test
    void badParametersAreNamedAndLeaveNoFile() throws IOException {
        BufferedImage small = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage large = new BufferedImage(8, 4, BufferedImage.TYPE_INT_ARGB);
        Path gif = dir.resolve("bad.gif");
        assertMessageNames("frames", () -> write(List.of(), 100, gif));
        assertMessageNames("delayMillis", () -> write(List.of(small), 0, gif));
        assertMessageNames("frames", () -> write(List.of(small, large), 100, gif));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    static void write(List<BufferedImage> frames, int delayMillis, Path file) {
        try {
            AnimatedGif.write(frames, delayMillis, file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

}
