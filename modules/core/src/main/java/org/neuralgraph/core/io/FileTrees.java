package org.neuralgraph.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Deleting directory trees: staged output that was not committed, and temporary training runs. */
public final class FileTrees {

    private static final Set<Path> AT_EXIT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : AT_EXIT) {
                try {
                    delete(p);
                } catch (UncheckedIOException ignored) {
                    // best effort at exit
                }
            }
        }, "neuralgraph temporary files"));
    }

    private FileTrees() { }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    public static void delete(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the tree when the JVM exits (a temporary run that checkpoints are read from until then). */
    public static void deleteAtExit(Path root) {
        AT_EXIT.add(root);
    }
}
