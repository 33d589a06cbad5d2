package org.neuralgraph.importer;

import org.gephi.io.generator.api.GeneratorController;
import org.gephi.io.generator.spi.Generator;
import org.openide.util.Exceptions;
import org.openide.util.Lookup;

import java.util.logging.Level;

/**
 * How {@link NeuralNetworkGenerator} ends without a workspace. Gephi's DesktopGeneratorController builds a workspace
 * from the container after every {@code generate()} that returns, and shows an exception that escapes it as an
 * "Unexpected Exception" balloon; so a cancel or a refusal escapes as an exception marked, with NetBeans'
 * {@link Exceptions#attachSeverity}, as expected ({@link Level#FINE}: no balloon, no SEVERE line). A refusal (a value
 * that does not fit, a model file that cannot be read) is told as a plain error message, then the generator's dialog
 * opens again with the values just given, so that the user can correct them.
 */
final class GeneratorEnd {

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
        ErrorDialog.show(message, () -> {
            GeneratorController controller = Lookup.getDefault().lookup(GeneratorController.class);
            if (controller != null) controller.generate(generator);
        });
        return ErrorDialog.shown(message, cause);
    }
}
