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
        quietLog4j(verbose);
        reapply();
    }

    /**
     * Apache POI inside gephi-toolkit (Gephi's Excel importer) logs through the Log4j 2 API without an implementation,
     * so Log4j's first use printed "ERROR StatusLogger Log4j2 could not find a logging implementation" on standard
     * error. Its own simple logger is named instead, silent unless verbose; a user's -D settings win.
     */
    private static void quietLog4j(boolean verbose) {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
            System.setProperty("org.apache.logging.log4j.simplelog.level", verbose ? "INFO" : "OFF");
        }
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
