package org.neuralgraph.cli;

import org.neuralgraph.core.io.FileTrees;
import org.neuralgraph.core.io.WriteFailure;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output directory that appears whole or not at all: work writes into a hidden staging directory beside
 * the target, {@code .NAME.partial-pid<PID>-<random>}, and {@link #commit()} renames it into place. Closing without a
 * commit (an error, Ctrl-C) deletes the staging directory, so no half-built output is left behind; a staging
 * directory left by a run that was killed outright ({@code kill -9}) is found by the next run into the same
 * {@code --out} from its process id, and removed.
 */
final class OutputDirectory implements AutoCloseable {

    private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.partial-(?:pid(\\d+)-)?\\d+");

    private final Path target;
    private final Path staging;
    private final List<String> notes;
    private boolean committed;
    private boolean closed;

    private OutputDirectory(Path target, Path staging, List<String> notes) {
        this.target = target;
        this.staging = staging;
        this.notes = notes;
    }

    /**
     * Prepares to write {@code target}. It must not exist, or be an empty directory, and no other run may be
     * writing it.
     *
     * @throws IllegalArgumentException naming --out if the target holds files already or another run writes it
     * @throws IOException              naming --out and the system's reason when it cannot be created
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
        try {
            Files.createDirectories(parent);
            List<String> notes = clearLeftovers(target, abs);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-pid" + ProcessHandle.current().pid() + "-");
            return new OutputDirectory(abs, staging, notes);
        } catch (IOException e) {
            throw new IOException("--out " + target + ": cannot be created (" + WriteFailure.reason(e) + ")", e);
        }
    }

    /**
     * Removes staging directories of {@code abs} whose run no longer exists; refuses when one's run still does.
     *
     * @return a note for each directory removed
     */
    private static List<String> clearLeftovers(Path target, Path abs) throws IOException {
        List<String> notes = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(abs.getParent(), "." + abs.getFileName() + ".partial-*")) {
            for (Path p : d) {
                Matcher m = STAGING.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p)) continue;
                Optional<ProcessHandle> owner = m.group(2) == null ? Optional.empty() : ProcessHandle.of(Long.parseLong(m.group(2)));
                if (owner.isPresent() && owner.get().isAlive() && owner.get().info().command().orElse("").contains("java")) {
                    throw new IllegalArgumentException("--out " + target + ": another neuralgraph run (process " + m.group(2)
                            + ") is writing it now; wait until it ends or name another directory");
                }
                FileTrees.delete(p);
                notes.add("removed " + p.getFileName() + ", the unfinished output of a run into --out " + target
                        + " that was killed" + (m.group(2) == null ? "" : " (process " + m.group(2) + ")"));
            }
        }
        return notes;
    }

    /** Where work writes until {@link #commit()}. */
    Path dir() {
        return staging;
    }

    /** The final location. */
    Path target() {
        return target;
    }

    /** What {@link #create} cleaned up, for the user. */
    List<String> notes() {
        return notes;
    }

    /**
     * Moves the staged files into the target directory.
     *
     * @throws IllegalArgumentException naming --out when another run created it meanwhile
     */
    synchronized void commit() throws IOException {
        if (closed) throw new IllegalStateException("the output was discarded");
        try {
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty, checked in create()
            }
            if (Files.getFileAttributeView(staging, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--out " + target + " was written by another run while this one worked; "
                    + "this run's output was discarded");
        }
        committed = true;
    }

    /** Deletes the staging directory unless committed; safe to call twice and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (!committed && !closed) FileTrees.delete(staging);
        closed = true;
    }
}
