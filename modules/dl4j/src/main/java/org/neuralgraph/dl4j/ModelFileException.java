package org.neuralgraph.dl4j;

import java.io.IOException;
import java.nio.file.Path;

/** A model file or run directory that cannot be used; the message names it and says why. */
public final class ModelFileException extends IOException {
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
