package org.neuralgraph.gephi;

import org.gephi.utils.longtask.spi.LongTask;
import org.gephi.utils.progress.ProgressTicket;

/**
 * A Gephi LongTask whose work reports through {@link #progress}: Gephi's progress bar shows it, and Gephi's
 * Cancel reaches the work at its next check. Our statistics, generator and importer extend it.
 */
public abstract class TicketTask implements LongTask {

    /** Hand this to the work as its ProgressMonitor. */
    protected final TicketProgress progress = new TicketProgress();

    @Override
    public boolean cancel() {
        progress.cancel();
        return true;
    }

    @Override
    public void setProgressTicket(ProgressTicket progressTicket) {
        progress.setTicket(progressTicket);
    }
}
