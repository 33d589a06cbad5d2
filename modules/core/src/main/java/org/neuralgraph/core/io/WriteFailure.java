package org.neuralgraph.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One line for a file that could not be written: the file the user asked for and the operating system's reason
 * ("No space left on device", "File too large", "permission denied"), without the temporary file's name or a
 * stack of wrappers.
 */
public final class WriteFailure {

    private WriteFailure() { }

    /** {@code "<file>: could not be written (<reason>)"}, keeping {@code cause} for --verbose. */
    public static IOException of(Object file, Throwable cause) {
        return new IOException(file + ": could not be written (" + reason(cause) + ")", cause);
    }

    /** The innermost reason in {@code t}'s causes, as the operating system says it, on one line. */
    public static String reason(Throwable t) {
        Throwable root = null, deepest = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) root = c;
            deepest = c;
        }
        if (root == null) root = deepest;
        if (root instanceof AccessDeniedException) return "permission denied";
        if (root instanceof NoSuchFileException) return "no such directory";
        if (root instanceof NotDirectoryException) return "not a directory";
        if (root instanceof FileSystemException && ((FileSystemException) root).getReason() != null) {
            return ((FileSystemException) root).getReason();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) return root.getClass().getSimpleName();
        m = m.strip().lines().findFirst().orElse(m);
        int paren = m.lastIndexOf(" (");
        // FileOutputStream says "/path/to/file (No space left on device)": keep the reason only
        if (paren >= 0 && m.endsWith(")")) return m.substring(paren + 2, m.length() - 1);
        return m;
    }
}
