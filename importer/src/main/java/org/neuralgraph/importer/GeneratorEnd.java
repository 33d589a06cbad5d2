package org.neuralgraph.importer;

import org.gephi.io.generator.api.GeneratorController;
import org.gephi.io.generator.spi.Generator;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.Exceptions;
import org.openide.util.Lookup;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How {@link NeuralNetworkGenerator} ends without a workspace. Gephi's DesktopGeneratorController builds a workspace
 * from the container after every {@code generate()} that returns, and shows an exception that escapes it as an
 * "Unexpected Exception" balloon; so a cancel or a refusal escapes as an exception marked, with NetBeans'
 * {@link Exceptions#attachSeverity}, as expected ({@link Level#FINE}: no balloon, no SEVERE line). A refusal (a value
 * that does not fit, a model file that cannot be read) is told as a plain error message, then the generator's dialog
 * opens again with the values just given, so that the user can correct them.
 */
final class GeneratorEnd {

    private static final Logger LOG = Logger.getLogger(GeneratorEnd.class.getName());

    private GeneratorEnd() { }

    /** The exception for Gephi's task to end with after a cancel: nothing is shown, no workspace is made. */
    static RuntimeException cancelled(RuntimeException cancel) {
        return Exceptions.attachSeverity(cancel, Level.FINE);
    }

    /**
     * Tells {@code message} and opens the dialog of {@code generator} again (in Gephi Desktop; headless, it is only
     * logged).
     *
     * @return the exception for Gephi's task to end with: no balloon, no workspace
     */
    static RuntimeException refused(Generator generator, String message, Throwable cause) {
        LOG.info(generator.getName() + " refused: " + message);
        if (!GraphicsEnvironment.isHeadless()) {
            SwingUtilities.invokeLater(() -> {
                DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(message, NotifyDescriptor.ERROR_MESSAGE));
                GeneratorController controller = Lookup.getDefault().lookup(GeneratorController.class);
                if (controller != null) controller.generate(generator);
            });
        }
        // NetBeans keeps the severity in the exception's cause chain (initCause): an exception made with an explicit null
        // cause cannot take it, and is logged SEVERE after all
        IllegalArgumentException end = cause == null ? new IllegalArgumentException(message) : new IllegalArgumentException(message, cause);
        return Exceptions.attachSeverity(end, Level.FINE);
    }
}
