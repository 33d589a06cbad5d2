package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** An output directory appears whole or not at all, also when another run gets there first. */
class OutputDirectoryTest {

    @Test
    void aRunThatFindsItsOutputWrittenByAnotherMeanwhileKeepsTheOtherAndSaysSo(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.create(target)) {
            Files.writeString(dir.dir().resolve("report.md"), "mine");
            Files.createDirectories(target);
            Files.writeString(target.resolve("report.md"), "theirs"); // the other run committed first
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, dir::commit);
            assertEquals("--out " + target + " was written by another run while this one worked; this run's output was discarded", e.getMessage());
        }
        assertEquals("theirs", Files.readString(target.resolve("report.md")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "the staging directory is gone");
        }
    }

    @Test
    void aCommittedOutputIsWholeAndItsStagingGone(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("out");
        try (OutputDirectory dir = OutputDirectory.create(target)) {
            Files.writeString(dir.dir().resolve("report.md"), "mine");
            assertTrue(dir.dir().getFileName().toString().startsWith(".out.partial-pid" + ProcessHandle.current().pid() + "-"));
            dir.commit();
        }
        assertEquals("mine", Files.readString(target.resolve("report.md")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
    }
}
