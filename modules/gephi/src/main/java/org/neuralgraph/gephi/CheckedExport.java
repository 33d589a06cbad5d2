package org.neuralgraph.gephi;

import org.gephi.io.exporter.spi.ByteExporter;
import org.gephi.io.exporter.spi.CharacterExporter;
import org.gephi.io.exporter.spi.Exporter;
import org.neuralgraph.core.io.WriteFailure;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one of Gephi's exporters into a file and fails when the file was not written whole. Gephi's
 * {@code ExportController.exportFile} and its GEXF and GraphML exporters catch a failed write (a full disk, a file
 * size limit), log it as SEVERE and return as if all went well, leaving a truncated file; so this class gives the
 * exporter a stream that remembers the first failed write, closes the file itself, and for XML formats checks that
 * the document ends with its closing tag.
 */
final class CheckedExport {

    private CheckedExport() { }

    /**
     * Exports into {@code file}; errors name {@code shownAs} (the file the user asked for, not a temporary one).
     *
     * @param closingTag the tag a complete document ends with ({@code </gexf>}), or null for formats without one
     * @throws IOException naming {@code shownAs} and the cause ("No space left on device")
     */
    static void run(Exporter exporter, Path file, Path shownAs, String closingTag) throws IOException {
        Recording out = new Recording(Files.newOutputStream(file));
        boolean finished;
        try {
            if (exporter instanceof ByteExporter) {
                ((ByteExporter) exporter).setOutputStream(out);
                finished = exporter.execute();
                out.flush();
            } else if (exporter instanceof CharacterExporter) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                ((CharacterExporter) exporter).setWriter(w);
                finished = exporter.execute();
                if (!out.closed) w.flush(); // some exporters (the spreadsheet one) close their writer themselves
            } else {
                throw new IllegalArgumentException(exporter.getClass().getName() + " writes no stream");
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            throw WriteFailure.of(shownAs, out.failure != null ? out.failure : e);
        }
        if (out.failure != null) throw WriteFailure.of(shownAs, out.failure);
        if (!finished) throw new IOException(shownAs + ": could not be written (Gephi's exporter stopped before the end)");
        if (closingTag != null && !endsWith(file, closingTag)) {
            throw new IOException(shownAs + ": could not be written (Gephi's exporter left an incomplete document, without "
                    + closingTag + "; its log says why: run again with --verbose)");
        }
    }

    private static boolean endsWith(Path file, String closingTag) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            int n = (int) Math.min(f.length(), 256);
            byte[] tail = new byte[n];
            f.seek(f.length() - n);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).trim().endsWith(closingTag);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the first failure is the one reported
        }
    }

    /** A stream that keeps the first write failure, which the exporter would otherwise swallow. */
    private static final class Recording extends FilterOutputStream {
        IOException failure;
        boolean closed;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                if (failure == null) failure = e;
                throw e;
            }
        }
    }
}
