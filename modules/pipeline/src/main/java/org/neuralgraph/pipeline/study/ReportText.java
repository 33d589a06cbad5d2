package org.neuralgraph.pipeline.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.neuralgraph.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.Locale;

/** How the study reports write numbers and files: CSV cells empty for NaN, Markdown "n/a", UTF-8 text. */
final class ReportText {

    private ReportText() { }

    static void writeFile(Path f, String text) throws IOException {
        AtomicFiles.write(f, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell: the full value, or empty when not finite. */
    static String n(double x) {
        return Double.isFinite(x) ? String.valueOf(x) : "";
    }

    static String f1(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : "n/a";
    }

    static String f2(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2f", x) : "n/a";
    }

    static String f4(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4f", x) : "n/a";
    }
}
