package org.neuralgraph.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.*;

/** Standard error in a normal run: only this product's warnings; everything with --verbose. */
class QuietLoggingTest {

    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() {
        System.setErr(stderr);
        QuietLogging.configure(false);
    }

    private static String logged(boolean verbose) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true));
        QuietLogging.configure(verbose);
        Logger.getLogger("org.netbeans.modules.masterfs.watcher.Watcher").info("Native file watcher is disabled");
        Logger.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").warning("Using fallback font");
        Logger.getLogger("org.neuralgraph.dl4j.TrainingShortcuts").warning("a shortcut could not install");
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void onlyOurWarningsUnlessVerbose() {
        String quiet = logged(false);
        assertEquals("neuralgraph: warning: a shortcut could not install" + System.lineSeparator(), quiet);
        String verbose = logged(true);
        assertTrue(verbose.contains("Native file watcher is disabled") && verbose.contains("Using fallback font")
                && verbose.contains("a shortcut could not install"), verbose);
    }
}
