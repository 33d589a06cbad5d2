package org.neuralgraph.cli;

import org.neuralgraph.core.io.FileTrees;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output directory that appears whole or not at all: work writes into a hidden staging directory beside
 * the target, and {@link #commit()} renames it into place. Closing without a commit (an error, Ctrl-C)
 * deletes the staging directory, so no half-built output is left behind.
 */
final class OutputDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Prepares to write {@code target}. It must not exist, or be an empty directory.
     *
     * @throws IllegalArgumentException naming --out if the target holds files already
     */
    static OutputDirectory create(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException("--out " + target + " is a file, not a directory");
            }
            try (DirectoryStream<Path> d = Files.newDirectoryStream(abs)) {
                if (d.iterator().hasNext()) {
                    throw new IllegalArgumentException("--out " + target + " already holds files; name a new or empty directory");
                }
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
        return new OutputDirectory(abs, staging);
    }

    /** Where work writes until {@link #commit()}. */
    Path dir() {
        return staging;
    }

    /** The final location. */
    Path target() {
        return target;
    }

    /** Moves the staged files into the target directory. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) {
            Files.delete(target); // empty, checked in create()
        }
        if (Files.getFileAttributeView(staging, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) FileTrees.delete(staging);
    }
}
