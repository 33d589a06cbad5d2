package org.neuralgraph.render;

import org.neuralgraph.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes images as numbered PNG files {@code frame-0000.png}, {@code frame-0001.png}, ... in a directory, each
 * atomically. Frames of an earlier, longer animation in that directory are removed, so that the directory holds
 * exactly one file per frame.
 */
public final class PngFrames {

    private static final Pattern NAME = Pattern.compile("frame-(\\d{4,10})\\.png");

    private PngFrames() { }

    /** The name of frame {@code index}: {@code frame-0007.png}. */
    public static String name(int index) {
        return String.format(Locale.ROOT, "frame-%04d.png", index);
    }

    /**
     * @param frames images read once and in order (see {@link FrameRenderer#images(List)})
     * @return the files written, in frame order
     */
    public static List<Path> write(List<BufferedImage> frames, Path directory) throws IOException {
        if (frames.isEmpty()) throw new IllegalArgumentException("frames must not be empty");
        List<Path> written = new ArrayList<>();
        for (BufferedImage frame : frames) {
            Path file = directory.resolve(name(written.size()));
            AtomicFiles.write(file, tmp -> {
                if (!ImageIO.write(frame, "png", tmp.toFile())) throw new IOException("no PNG writer for " + file);
            });
            written.add(file);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "frame-*.png")) {
            for (Path old : files) {
                Matcher m = NAME.matcher(old.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) >= written.size()) Files.delete(old);
            }
        }
        return written;
    }
}
