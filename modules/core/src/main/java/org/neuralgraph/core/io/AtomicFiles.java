package org.neuralgraph.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that they appear whole or not at all: into a temporary file in the same directory, then a
 * move over the target. A failed write leaves no file behind. The finished file gets the usual
 * {@code rw-r--r--} (temporary files start readable by their owner only).
 */
public final class AtomicFiles {

    private AtomicFiles() { }

    /** Something that writes a file. */
    public interface Writer {
        void writeTo(Path file) throws IOException;
    }

    public static void write(Path file, byte[] content) throws IOException {
        write(file, tmp -> Files.write(tmp, content));
    }

    public static void write(Path file, Writer writer) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            writer.writeTo(tmp);
            if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
