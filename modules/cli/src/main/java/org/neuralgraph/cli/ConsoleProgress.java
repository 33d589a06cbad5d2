package org.neuralgraph.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows a {@link ProgressMonitor} as a console progress bar (one bar per phase); {@link #cancel()} (Ctrl-C, through
 * {@link CancelOnInterrupt}) sets {@link #isCancelled()}, and the work stops at its next check.
 */
final class ConsoleProgress implements ProgressMonitor, AutoCloseable {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final PrintStream out;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private String phase;
    private long phaseStart;

    ConsoleProgress(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public synchronized void start(String phase, long totalUnits) {
        closeBar();
        endPhase();
        this.phase = phase;
        this.phaseStart = System.nanoTime();
        if (quiet || !terminal) return; // in a log, one line per phase (see endPhase) instead of a bar
        bar = new ProgressBarBuilder()
                .setTaskName(phase)
                .setInitialMax(totalUnits)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out, 110))
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .build();
    }

    @Override
    public synchronized void progress(long doneUnits, String message) {
        if (bar == null) return;
        bar.stepTo(doneUnits);
        if (message != null) bar.setExtraMessage(" " + message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Asks the running work to stop (called from the Ctrl-C shutdown hook). */
    void cancel() {
        cancelled.set(true);
    }

    /** Without a terminal, logs the finished phase and its duration. */
    private void endPhase() {
        if (phase != null && !quiet && !terminal) {
            out.printf(java.util.Locale.ROOT, "%s: %.1f s%n", phase, (System.nanoTime() - phaseStart) / 1e9);
        }
        phase = null;
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
        endPhase();
    }
}
