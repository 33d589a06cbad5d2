package org.neuralgraph.importer;

import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.Exceptions;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task of ours that Gephi runs (a generator, an exporter) and that fails for a reason the user can act on: the one
 * line in Gephi's error dialog, and an exception for Gephi's task to end with that NetBeans does not show again as an
 * "Unexpected Exception" balloon with a stack trace ({@link Exceptions#attachSeverity} {@link Level#FINE}).
 */
final class ErrorDialog {

    private static final Logger LOG = Logger.getLogger(ErrorDialog.class.getName());

    private ErrorDialog() { }

    /** Shows {@code message} (in Gephi Desktop; headless, it is only logged), then runs {@code after} (or nothing). */
    static void show(String message, Runnable after) {
        LOG.info(message);
        if (GraphicsEnvironment.isHeadless()) return;
        SwingUtilities.invokeLater(() -> {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(message, NotifyDescriptor.ERROR_MESSAGE));
            if (after != null) after.run();
        });
    }

    /** The exception to end Gephi's task with once the message was shown: no balloon, no SEVERE log line. */
    static RuntimeException shown(String message, Throwable cause) {
        // NetBeans keeps the severity in the exception's cause chain (initCause): an exception made with an explicit null
        // cause cannot take it, and is logged SEVERE after all
        IllegalArgumentException end = cause == null ? new IllegalArgumentException(message) : new IllegalArgumentException(message, cause);
        return Exceptions.attachSeverity(end, Level.FINE);
    }
}
