package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line as its own process, as a user runs it, stopped the ways a user stops it: Ctrl-C (SIGINT),
 * {@code kill} (SIGTERM), {@code kill -9}, a file size limit or a full disk ({@code ulimit -f}), and a second run
 * into the same {@code --out}. Each ends with one line, and no output or hidden staging directory is left behind.
 */
class InterruptedRunsTest {

    /** A weights run long enough to be interrupted while it trains. */
    private static List<String> longRun(Path out) {
        return List.of("weights", "--data", WeightsCommandTest.DATA, "--out", out.toString(), "--epochs", "200",
                "--checkpoints", "2", "--train-size", "2000", "--formats", "gexf");
    }

    private static ProcessBuilder neuralgraph(List<String> args, String shellPrefix) {
        List<String> java = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "--add-opens", "java.base/java.net=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        java.addAll(args);
        List<String> command = new ArrayList<>();
        if (shellPrefix != null) {
            command.addAll(List.of("bash", "-c", shellPrefix + "; exec \"$@\"", "neuralgraph"));
        }
        command.addAll(java);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb;
    }

    private static List<Path> leftovers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().contains(".partial-")).collect(Collectors.toList());
        }
    }

    /** Waits until the run's staging directory holds its training run (it is past checking and loading). */
    private static void awaitTraining(Path parent, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end && p.isAlive()) {
            for (Path d : leftovers(parent)) if (Files.exists(d.resolve("run"))) return;
            Thread.sleep(100);
        }
        fail("the run did not start training: " + read(p));
    }

    private static String read(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void assertStopsCleanly(String signal, Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process p = neuralgraph(longRun(out), null).redirectErrorStream(true).start();
        awaitTraining(tmp, p);
        long t0 = System.nanoTime();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "SIGTERM ends the process");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("SIG%s: the process ended after %.1f s%n", signal, seconds);
        String said = read(p);
        assertTrue(said.contains("neuralgraph: cancelled; nothing was written"), said);
        assertFalse(said.contains("\tat "), "no stack trace: " + said);
        assertFalse(Files.exists(out), "no output");
        assertEquals(List.of(), leftovers(tmp), "no staging directory left");
        assertTrue(seconds < 10, "ends soon after the signal (took " + seconds + " s; the hook waits "
                + CancelOnInterrupt.GRACE_MILLIS + " ms)");
    }

    @Test
    void ctrlCWhileTrainingLeavesNothing(@TempDir Path tmp) throws Exception {
        assertStopsCleanly("INT", tmp);
    }

    @Test
    void sigtermWhileTrainingLeavesNothing(@TempDir Path tmp) throws Exception {
        assertStopsCleanly("TERM", tmp);
    }

    @Test
    void aRunKilledOutrightIsCleanedUpByTheNextAndALiveOneIsNotDisturbed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process live = neuralgraph(longRun(out), null).redirectErrorStream(true).start();
        try {
            awaitTraining(tmp, live);
            WeightsCommandTest.Run second = WeightsCommandTest.run(WeightsCommandTest.small(out));
            assertEquals(2, second.code, second.err);
            assertEquals("neuralgraph: --out " + out + ": another neuralgraph run (process " + live.pid()
                    + ") is writing it now; wait until it ends or name another directory", second.err.trim());
            assertEquals(1, leftovers(tmp).size(), "the live run's staging directory is untouched");
        } finally {
            live.destroyForcibly().waitFor(); // kill -9: no hook runs
        }
        List<Path> left = leftovers(tmp);
        assertEquals(1, left.size(), "kill -9 leaves the staging directory");

        WeightsCommandTest.Run next = WeightsCommandTest.run(WeightsCommandTest.small(out));
        assertEquals(0, next.code, next.err);
        assertTrue(next.err.contains("neuralgraph: note: removed " + left.get(0).getFileName()
                + ", the unfinished output of a run into --out " + out + " that was killed (process " + live.pid() + ")"), next.err);
        assertEquals(List.of(), leftovers(tmp));
        assertTrue(Files.isDirectory(out.resolve("graphs")));
    }

    @Test
    void aFileSizeLimitEndsTheRunWithOneLineAndNoOutput(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        List<String> args = List.of("weights", "--data", WeightsCommandTest.DATA, "--out", out.toString(), "--epochs", "1",
                "--checkpoints", "2", "--train-size", "200", "--layout-iterations", "5", "--formats", "gexf", "--quiet");
        // 2 MiB: the checkpoints (0.2 MB) fit, the 10 MB GEXF of the first checkpoint does not
        Process p = neuralgraph(args, "ulimit -f 2048").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertEquals("neuralgraph: " + out.resolve("graphs/weights-epoch-0000.gexf") + ": could not be written (File too large)", err);
        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers(tmp));
    }

    @Test
    void anOutputThatCannotBeCreatedSaysWhy() {
        assumeTrue(Files.isDirectory(Paths.get("/proc/self")), "needs Linux's /proc");
        WeightsCommandTest.Run r = WeightsCommandTest.run(WeightsCommandTest.small(Paths.get("/proc/neuralgraph-out")));
        assertEquals(1, r.code);
        assertTrue(r.err.trim().matches("neuralgraph: --out /proc/neuralgraph-out: cannot be created \\(.+\\)"), r.err);
    }
}
