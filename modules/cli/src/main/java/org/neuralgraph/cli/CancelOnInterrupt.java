package org.neuralgraph.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into cancellation: a shutdown hook cancels the running job and waits (at most 30 s) until
 * the job has cleaned up its partial output, which {@link #finished()} signals.
 */
final class CancelOnInterrupt {

    private static final CountDownLatch DONE = new CountDownLatch(1);

    private CancelOnInterrupt() { }

    static ConsoleProgress install(ConsoleProgress progress) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (DONE.getCount() == 0) return;
            progress.cancel();
            try {
                DONE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "neuralgraph-cancel"));
        return progress;
    }

    /** Called by {@link Main} once the command has returned and cleaned up. */
    static void finished() {
        DONE.countDown();
    }
}
