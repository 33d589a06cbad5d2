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
 * {@code rw-r--r--} (temporary files start readable by their owner only). A failed write names the file and the
 * system's reason ({@link WriteFailure}).
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
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
        try {
            writer.writeTo(tmp);
            if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a failure of the disk says which file; one that already names its file (a data file's) stays as it is
            if (e.getClass() == IOException.class && (e.getMessage() == null || !e.getMessage().contains(file.getFileName().toString()))
                    || e instanceof java.nio.file.FileSystemException) {
                throw WriteFailure.of(file, e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
