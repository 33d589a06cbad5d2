package org.neuralgraph.importer;

import org.neuralgraph.dl4j.ModelLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the DL4J model zip behind the file Gephi Desktop's File &gt; Open hands the importers for it. Gephi treats a
 * .zip as an archive: it copies the archive's first entry (a DL4J zip's {@code configuration.json}) into a temporary
 * folder and offers that copy, so the model's parameters ({@code coefficients.bin}) are not in what the importers
 * see. Gephi's open dialog remembers the file chosen last ({@link #GEPHI_PREFERENCES} {@link #LAST_OPENED}); the
 * model is that file, or another zip in its folder (several chosen at once), whose {@code configuration.json} is byte
 * for byte the copy.
 */
final class UnpackedModelZip {

    /** The NbPreferences node of Gephi's DesktopProject module, where its open dialog keeps the last file chosen. */
    static final String GEPHI_PREFERENCES = "org/gephi/desktop/project";
    static final String LAST_OPENED = "OpenFile_Last_Path";
    static final String CONFIGURATION = "configuration.json";

    private UnpackedModelZip() { }

    /** Whether {@code file} may be such a copy: a plain {@code configuration.json}. */
    static boolean isCopiedEntry(Path file) {
        return file != null && file.getFileName() != null && CONFIGURATION.equals(file.getFileName().toString()) && Files.isRegularFile(file);
    }

    /**
     * The model zip whose {@code configuration.json} equals {@code copy}: {@code lastOpened} itself, else a zip in its
     * folder; null when there is none.
     */
    static Path original(Path copy, Path lastOpened) {
        if (!isCopiedEntry(copy) || lastOpened == null) return null;
        byte[] wanted;
        try {
            wanted = Files.readAllBytes(copy);
        } catch (IOException e) {
            return null;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(lastOpened);
        Path folder = lastOpened.toAbsolutePath().getParent();
        if (folder != null) {
            try (DirectoryStream<Path> zips = Files.newDirectoryStream(folder, "*.{zip,ZIP}")) {
                for (Path z : zips) if (!z.equals(lastOpened)) candidates.add(z);
            } catch (IOException e) {
                // only the last opened file, then
            }
        }
        for (Path zip : candidates) {
            if (Files.isRegularFile(zip) && ModelLoader.isModelZip(zip) && Arrays.equals(wanted, configuration(zip))) return zip;
        }
        return null;
    }

    private static byte[] configuration(Path zip) {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            ZipEntry e = zf.getEntry(CONFIGURATION);
            if (e == null || e.getSize() > 64L << 20) return null;
            try (InputStream in = zf.getInputStream(e)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
