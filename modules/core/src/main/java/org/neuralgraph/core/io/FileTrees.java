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

    private FileTrees() { }

    /**
     * The trees to delete at exit, with the hook that deletes them. A holder class, so that the hook is registered
     * when a tree is first handed over (while the program runs), never when {@link #delete} is first called during
     * shutdown: registering a hook then throws, and the failed class would have left the caller's tree behind.
     */
    private static final class AtExit {
        static final Set<Path> TREES = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : TREES) {
                    try {
                        delete(p);
                    } catch (UncheckedIOException ignored) {
                        // best effort at exit
                    }
                }
            }, "neuralgraph temporary files"));
        }
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    public static void delete(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    delete(p); // a file appeared while deleting (a writer not yet stopped): once more
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (java.nio.file.NoSuchFileException gone) {
            // deleted meanwhile by someone else (the other of a cancelled job and its shutdown hook)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) throw e;
        }
    }

    /** Deletes the tree when the JVM exits (a temporary run that checkpoints are read from until then). */
    public static void deleteAtExit(Path root) {
        AtExit.TREES.add(root);
    }
}
