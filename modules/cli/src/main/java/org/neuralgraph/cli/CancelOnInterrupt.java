package org.neuralgraph.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into cancellation while a command runs: a shutdown hook cancels the job and waits (at most 30 s)
 * until the job has cleaned up its partial output. The command releases the hook when it ends (its
 * {@link ConsoleProgress} is closed after the output directory), so a finished command leaves no hook behind.
 */
final class CancelOnInterrupt {

    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);

    private CancelOnInterrupt(ConsoleProgress progress) {
        hook = new Thread(() -> {
            progress.cancel();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "neuralgraph-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs the hook for {@code progress}; {@link ConsoleProgress#close()} releases it. */
    static ConsoleProgress install(ConsoleProgress progress) {
        progress.onClose(new CancelOnInterrupt(progress)::release);
        return progress;
    }

    private void release() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it returns now that the latch is open
        }
    }
}
