package org.neuralgraph.gephi;

import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.EdgeDraft;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.ImportUtils;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.NodeDraft;
import org.gephi.io.importer.api.Report;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.Workspace;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.Lookup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A user's graph file read into a workspace by Gephi's importers, so that a hostile or broken file ends in one
 * {@link IOException} naming it rather than in a graph built from other files, in stack traces, or in a graph missing
 * what Gephi dropped. A GEXF or GraphML file (also inside a .gz, .bz2 or .zip, which Gephi unpacks) is first checked
 * by {@link SafeXml}; an importer's exception or a SEVERE issue in Gephi's import report (a value, an edge or a node
 * ignored) refuses the file. Gephi creates a node for an id that an edge names but the file does not declare; those nodes
 * are kept, and listed here so that the guess can be said.
 */
public final class GraphFileImport {

    /** The workspace the graph was read into. */
    public final Workspace workspace;
    /** The ids of the nodes Gephi created for edges naming undeclared nodes, in the file's order. */
    public final List<String> undeclaredNodes;
    /** How many edges name a node the file does not declare. */
    public final int edgesToUndeclaredNodes;

    private GraphFileImport(Workspace workspace, List<String> undeclaredNodes, int edgesToUndeclaredNodes) {
        this.workspace = workspace;
        this.undeclaredNodes = Collections.unmodifiableList(undeclaredNodes);
        this.edgesToUndeclaredNodes = edgesToUndeclaredNodes;
    }

    /**
     * Reads {@code file} into {@code ws}.
     *
     * @throws IOException naming the file when it does not exist, is refused by {@link SafeXml}, has no importer or
     *                     Gephi's importer fails or drops part of it
     */
    static GraphFileImport read(Path file, Workspace ws) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such graph file");
        File f = FileUtil.normalizeFile(file.toAbsolutePath().toFile());
        FileObject fo = FileUtil.toFileObject(f);
        if (fo == null) throw new IOException(file + ": no such graph file");
        refuseMisnamedCompression(file, fo.getExt());
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container c;
        try {
            FileObject content = ImportUtils.getArchivedFile(fo);
            if (ImportUtils.isArchiveFile(fo) && content.equals(fo)) {
                throw new IOException(file + ": Gephi could not unpack it (a .gz or .bz2 file is named after what it holds, e.g. graph.gexf.gz; a .zip holds the graph file)");
            }
            String format = SafeXml.format(content.getExt());
            if (format != null) {
                try (Reader chars = ImportUtils.getTextReader(content.getInputStream())) { // as Gephi's importer reads it
                    SafeXml.check(chars, file.toString(), format);
                }
            }
            c = ic.importFile(f);
        } catch (RuntimeException e) {
            throw new IOException(file + ": Gephi's importer failed: " + rootMessage(e), e);
        }
        if (c == null) throw new IOException(file + ": Gephi has no importer for this file");
        refuseSevere(c.getReport(), file);
        List<String> created = new ArrayList<>();
        for (NodeDraft n : c.getUnloader().getNodes()) if (n.isCreatedAuto()) created.add(n.getId());
        int edges = 0;
        for (EdgeDraft e : c.getUnloader().getEdges()) if (e.getSource().isCreatedAuto() || e.getTarget().isCreatedAuto()) edges++;
        DefaultProcessor processor = new DefaultProcessor();
        try {
            ic.process(c, processor, ws);
        } catch (RuntimeException e) {
            throw new IOException(file + ": Gephi could not build the graph: " + rootMessage(e), e);
        }
        refuseSevere(processor.getReport(), file);
        return new GraphFileImport(ws, created, edges);
    }

    /**
     * Gephi unpacks a .gz or .bz2 file by its name alone; when the file is not compressed it reads on from an empty
     * copy (and logs a stack trace), so the file's first bytes are checked here.
     */
    private static void refuseMisnamedCompression(Path file, String extension) throws IOException {
        byte[] magic;
        String kind;
        if (extension.equalsIgnoreCase("gz")) {
            magic = new byte[]{0x1f, (byte) 0x8b};
            kind = "gzip";
        } else if (extension.equalsIgnoreCase("bz2")) {
            magic = new byte[]{'B', 'Z', 'h'};
            kind = "bzip2";
        } else {
            return;
        }
        byte[] head = new byte[magic.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < magic.length || !Arrays.equals(head, magic)) {
            throw new IOException(file + ": not a " + kind + " file, though its name ends in ." + extension);
        }
    }

    /** One sentence on the nodes Gephi created, naming up to five of them, or null when it created none. */
    public String undeclaredNodesWarning(Path file) {
        if (undeclaredNodes.isEmpty()) return null;
        int shown = Math.min(5, undeclaredNodes.size());
        String ids = String.join(", ", undeclaredNodes.subList(0, shown)) + (undeclaredNodes.size() > shown ? ", and " + (undeclaredNodes.size() - shown) + " more" : "");
        return file + ": " + edgesToUndeclaredNodes + (edgesToUndeclaredNodes == 1 ? " edge names" : " edges name") + " nodes the file does not declare; Gephi created "
                + undeclaredNodes.size() + (undeclaredNodes.size() == 1 ? " node" : " nodes") + " for them (ids: " + ids + ")";
    }

    /** Gephi logs what it ignores (a value of the wrong type, an edge without an end, ...) as SEVERE and reads on. */
    private static void refuseSevere(Report report, Path file) throws IOException {
        if (report == null) return;
        Issue first = null;
        int count = 0;
        for (Iterator<Issue> it = report.getIssues(Integer.MAX_VALUE); it.hasNext(); ) {
            Issue i = it.next();
            if (i.getLevel().toInteger() >= Issue.Level.SEVERE.toInteger()) {
                if (first == null) first = i;
                count++;
            }
        }
        if (first != null) {
            throw new IOException(file + ": Gephi's importer could not read all of it: " + oneLine(first.getMessage())
                    + (count > 1 ? " (and " + (count - 1) + " more " + (count == 2 ? "problem" : "problems") + ")" : ""));
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
    }

    /** The message on one line, without the exception class names Gephi's issues wrap it in. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim().replaceAll("^(?:(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): )+(?:error: )?", "");
    }
}
