package org.neuralgraph.render;

import org.neuralgraph.core.io.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes images as an animated GIF that loops forever, with the JDK's GIF writer: each frame gets its own
 * 256-colour palette (the writer's own quantisation of an RGB image), a Graphic Control Extension with the delay
 * and, on the first frame, the NETSCAPE2.0 application extension that makes viewers loop. Written atomically.
 */
public final class AnimatedGif {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() { }

    /**
     * @param frames      images of one size, read once and in order (a lazy list such as
     *                    {@link FrameRenderer#images(List)} keeps one in memory at a time)
     * @param delayMillis how long each frame shows; GIF counts in steps of 10 ms
     */
    public static void write(List<BufferedImage> frames, int delayMillis, Path file) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("frames must not be empty");
        if (delayMillis <= 0) throw new IllegalArgumentException("delayMillis must be > 0, got " + delayMillis);
        int centiseconds = Math.max(1, Math.round(delayMillis / 10f));
        AtomicFiles.write(file, tmp -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream out = new FileImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                int width = -1, height = -1, index = 0;
                for (BufferedImage frame : frames) {
                    if (index == 0) { width = frame.getWidth(); height = frame.getHeight(); }
                    if (frame.getWidth() != width || frame.getHeight() != height) {
                        throw new IllegalArgumentException("frames: frame " + index + " is " + frame.getWidth() + "x"
                                + frame.getHeight() + ", frame 0 is " + width + "x" + height);
                    }
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    IIOMetadata metadata = metadata(writer, param, centiseconds, index == 0);
                    writer.writeToSequence(new IIOImage(rgb(frame), null, metadata), param);
                    index++;
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static IIOMetadata metadata(ImageWriter writer, ImageWriteParam param, int centiseconds, boolean loop)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(centiseconds));
        control.setAttribute("transparentColorIndex", "0");
        if (loop) {
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[]{1, 0, 0}); // sub-block 1: loop count 0 = forever
            child(root, "ApplicationExtensions").appendChild(netscape);
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) return (IIOMetadataNode) parent.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /** The image as {@code TYPE_INT_RGB}, which the GIF writer quantises; transparency becomes white. */
    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) return image;
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
