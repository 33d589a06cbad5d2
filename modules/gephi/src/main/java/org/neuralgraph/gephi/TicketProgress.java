package org.neuralgraph.gephi;

import org.gephi.utils.progress.Progress;
import org.gephi.utils.progress.ProgressTicket;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows a {@link ProgressMonitor} on a Gephi {@link ProgressTicket} (the progress bar at the bottom of Gephi's
 * window) and carries Gephi's cancel button back: a LongTask's {@code cancel()} calls {@link #cancel()}.
 */
public final class TicketProgress implements ProgressMonitor {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ProgressTicket ticket;

    /**
     * Gephi's LongTaskExecutor gives a task a new ticket before each run, and reuses a generator or importer instance for
     * the next run: a new ticket therefore starts uncancelled (a cancel would otherwise end every later run at once).
     */
    public void setTicket(ProgressTicket ticket) {
        this.ticket = ticket;
        cancelled.set(false);
    }

    /** Asks the work to stop at its next check. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public void start(String phase, long totalUnits) {
        Progress.setDisplayName(ticket, phase);
        if (totalUnits > 0) Progress.switchToDeterminate(ticket, (int) Math.min(totalUnits, Integer.MAX_VALUE));
        else Progress.switchToIndeterminate(ticket);
    }

    @Override
    public void progress(long doneUnits, String message) {
        if (message != null) Progress.progress(ticket, message, (int) Math.min(doneUnits, Integer.MAX_VALUE));
        else Progress.progress(ticket, (int) Math.min(doneUnits, Integer.MAX_VALUE));
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
