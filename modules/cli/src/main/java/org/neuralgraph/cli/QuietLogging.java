package org.neuralgraph.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What reaches standard error besides the progress lines. By default only this product's own warnings, one line each
 * ({@code neuralgraph: warning: ...}); Gephi, NetBeans, PDFBox and DL4J (whose SLF4J logging goes to java.util.logging
 * through slf4j-jdk14) stay silent. {@code --verbose} lets everything through at INFO and above, in the usual format.
 */
final class QuietLogging {

    /** Held so that java.util.logging's weak references keep the levels set here. */
    private static Logger root;
    private static Logger own;
    private static boolean verbose;

    private QuietLogging() { }

    static void configure(boolean verbose) {
        QuietLogging.verbose = verbose;
        reapply();
    }

    /**
     * Sets the levels and the handler again: the NetBeans platform inside gephi-toolkit reads its own logging
     * configuration when Gephi first starts (TopLogging), which undoes ours.
     */
    static void reapply() {
        LogManager.getLogManager().reset();
        root = Logger.getLogger("");
        own = Logger.getLogger("org.neuralgraph");
        Handler h = new ConsoleHandler(); // System.err (replacing its stream would close System.err)
        if (!verbose) {
            h.setFormatter(new Formatter() {
                @Override
                public String format(LogRecord r) {
                    return "neuralgraph: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " + formatMessage(r) + System.lineSeparator();
                }
            });
        }
        h.setLevel(Level.ALL);
        root.addHandler(h);
        root.setLevel(verbose ? Level.INFO : Level.OFF);
        own.setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
