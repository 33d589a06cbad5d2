package org.neuralgraph.core.progress;

/**
 * Receives progress of long work and says whether it should stop. The command line shows it as a progress
 * bar, Gephi as a ProgressTicket; {@link #NONE} ignores it.
 *
 * <p>Work calls {@link #start} once per phase, then {@link #progress} as units complete, and checks
 * {@link #checkCancelled()} at safe points; a cancelled job throws {@link CancelledException} and
 * cleans up what it had started.
 */
public interface ProgressMonitor {

    /** Starts a phase of {@code totalUnits} units (-1 if unknown) named {@code phase}. */
    void start(String phase, long totalUnits);

    /** Reports that {@code doneUnits} of the current phase are complete; {@code message} may be null. */
    void progress(long doneUnits, String message);

    /** True once the user asked to stop. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }

    /** A monitor that shows nothing and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override public void start(String phase, long totalUnits) { }
        @Override public void progress(long doneUnits, String message) { }
        @Override public boolean isCancelled() { return false; }
    };
}
