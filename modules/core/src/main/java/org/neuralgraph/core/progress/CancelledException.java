package org.neuralgraph.core.progress;

/** Thrown by long work when its {@link ProgressMonitor} was cancelled. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
