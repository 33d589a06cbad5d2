package org.neuralgraph.render;

import org.neuralgraph.core.graph.NodeLayout;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An animation as the three files a talk needs: PNG frames ({@code <dir>/<name>/frame-NNNN.png}), an animated GIF
 * ({@code <dir>/<name>.gif}, looping) and an MP4 ({@code <dir>/<name>.mp4}, {@link Mp4Video}), 1280 x 720, each frame
 * shown {@link #DELAY_MILLIS}. Edges are drawn at full strength at the largest weight of the whole animation, so
 * frames compare. Here beside {@link Mp4Video}, whose FFmpeg natives live in this module.
 */
public final class AnimationFiles {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final int DELAY_MILLIS = 1000;

    private AnimationFiles() { }

    /** @return the files written: the frames, the GIF and the MP4 */
    public static List<Path> write(List<AnimationFrame> frames, NodeLayout layout, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        FrameRenderer renderer = new FrameRenderer(layout, WIDTH, HEIGHT, AnimationFrame.maxWeight(frames));
        List<BufferedImage> images = new ArrayList<>(renderer.images(frames)); // drawn once for all three files: 3.7 MB a frame
        List<Path> written = new ArrayList<>(PngFrames.write(images, dir.resolve(name)));
        Path gif = dir.resolve(name + ".gif");
        AnimatedGif.write(images, DELAY_MILLIS, gif);
        written.add(gif);
        Path mp4 = dir.resolve(name + ".mp4");
        Mp4Video.write(images, DELAY_MILLIS, mp4);
        written.add(mp4);
        return written;
    }
}
