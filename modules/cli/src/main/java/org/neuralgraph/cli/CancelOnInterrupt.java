package org.neuralgraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C and SIGTERM into cancellation while a command runs. A shutdown hook asks the job to stop and gives it
 * {@link #GRACE_MILLIS} to clean up; a job still busy after that (inside a native training step or one of Gephi's
 * exporters, which do not look at cancellation) has its staging directory deleted by the hook itself, so the
 * process ends within about two seconds and leaves nothing behind. Closing releases the hook, so a finished command
 * leaves no hook behind.
 */
final class CancelOnInterrupt implements AutoCloseable {

    /** How long the hook waits for the job to stop on its own. */
    static final long GRACE_MILLIS = 1500;

    private static final AtomicBoolean SAID = new AtomicBoolean();

    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);

    private CancelOnInterrupt(ConsoleProgress progress, OutputDirectory output) {
        hook = new Thread(() -> {
            progress.cancel();
            try {
                done.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            output.close(); // nothing when the job has discarded it already
            sayCancelled(new PrintWriter(System.err, true)); // the JVM may halt before the job's own thread says it
        }, "neuralgraph-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Prints that the command was cancelled, once, whichever of the job and the hook comes first. */
    static void sayCancelled(PrintWriter err) {
        if (SAID.compareAndSet(false, true)) err.println("neuralgraph: cancelled; nothing was written");
    }

    /** Installs the hook: Ctrl-C cancels {@code progress} and discards {@code output}. */
    static CancelOnInterrupt install(ConsoleProgress progress, OutputDirectory output) {
        return new CancelOnInterrupt(progress, output);
    }

    /** The command has ended (and discarded or committed its output): the hook is no longer needed. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it returns now that the latch is open
        }
    }
}
