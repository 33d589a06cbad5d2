package org.neuralgraph.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that is missing or not what it should be; the message names the file. */
public final class DataFileException extends IOException {
    private final Path file;

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() { return file; }
}
