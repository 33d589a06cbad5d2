package org.neuralgraph.render;

import org.neuralgraph.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A row-major grid of values as a grey-scale PNG, each value drawn as an 8 x 8 square; written atomically. */
public final class GreyPng {

    private static final int SCALE = 8;

    private GreyPng() { }

    /** {@code black} and below is black, {@code white} and above is white, linear between (all black if they are equal). */
    public static void write(double[] values, int height, int width, double black, double white, Path png) throws IOException {
        BufferedImage img = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height * SCALE; y++) {
            for (int x = 0; x < width * SCALE; x++) {
                double v = values[(y / SCALE) * width + x / SCALE];
                double t = white > black ? Math.max(0, Math.min(1, (v - black) / (white - black))) : 0;
                img.getRaster().setSample(x, y, 0, (int) Math.round(255 * t));
            }
        }
        AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
    }

    /** The smallest value black, the largest white. */
    public static void writeStretched(double[] values, int height, int width, Path png) throws IOException {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) { min = Math.min(min, v); max = Math.max(max, v); }
        write(values, height, width, min, max, png);
    }
}
