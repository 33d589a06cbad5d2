package org.neuralgraph.gephi;

import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.ImportUtils;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.Workspace;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.Lookup;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A user's graph file read into a workspace by Gephi's importers, so that a hostile or broken XML file ends in one
 * {@link IOException} naming it rather than in a graph built from other files or in stack traces: a GEXF or GraphML
 * file (also inside a .gz, .bz2 or .zip, which Gephi unpacks) is first checked by {@link SafeXml}.
 */
public final class GraphFileImport {

    /** The workspace the graph was read into. */
    public final Workspace workspace;

    private GraphFileImport(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Reads {@code file} into {@code ws}.
     *
     * @throws IOException naming the file when it does not exist, is refused by {@link SafeXml} or has no importer
     */
    static GraphFileImport read(Path file, Workspace ws) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such graph file");
        File f = FileUtil.normalizeFile(file.toAbsolutePath().toFile());
        FileObject fo = FileUtil.toFileObject(f);
        if (fo == null) throw new IOException(file + ": no such graph file");
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        FileObject content = ImportUtils.getArchivedFile(fo);
        String format = SafeXml.format(content.getExt());
        if (format != null) {
            try (Reader chars = ImportUtils.getTextReader(content.getInputStream())) { // as Gephi's importer reads it
                SafeXml.check(chars, file.toString(), format);
            }
        }
        Container c = ic.importFile(f);
        if (c == null) throw new IOException(file + ": Gephi has no importer for this file");
        ic.process(c, new DefaultProcessor(), ws);
        return new GraphFileImport(ws);
    }
}
