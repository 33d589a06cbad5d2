package org.neuralgraph.importer;

import org.gephi.io.importer.api.FileType;
import org.gephi.io.importer.spi.FileImporter;
import org.gephi.io.importer.spi.FileImporterBuilder;
import org.neuralgraph.dl4j.ModelLoader;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.lookup.ServiceProvider;

import java.io.File;
import java.nio.file.Path;

/**
 * Registers {@link ModelFileImporter}: a .zip is taken only when its content is a DL4J model.
 *
 * <p>Gephi's File &gt; Open treats a .zip as an archive and offers importers the first entry inside it, whose
 * plain-file path is unknown; this builder therefore recognises the entry by the archive it sits in and hands
 * that archive's path to the importer it builds next (Gephi matches and builds on the same thread).
 */
@ServiceProvider(service = FileImporterBuilder.class)
public final class Dl4jModelImporterBuilder implements FileImporterBuilder {

    private final ThreadLocal<Path> lastMatched = new ThreadLocal<>();

    @Override
    public FileImporter buildImporter() {
        ModelFileImporter importer = new ModelFileImporter();
        Path p = lastMatched.get();
        if (p != null) importer.setModelFile(p.toFile());
        lastMatched.remove();
        return importer;
    }

    @Override
    public String getName() {
        return "dl4j-model";
    }

    @Override
    public FileType[] getFileTypes() {
        return new FileType[]{new FileType(".zip", "DeepLearning4J model (weight graph)")};
    }

    @Override
    public boolean isMatchingImporter(FileObject fileObject) {
        FileObject archive = FileUtil.getArchiveFile(fileObject);
        File f = FileUtil.toFile(archive != null ? archive : fileObject);
        if (f == null || !ModelLoader.isModelZip(f.toPath())) return false;
        lastMatched.set(f.toPath());
        return true;
    }
}
