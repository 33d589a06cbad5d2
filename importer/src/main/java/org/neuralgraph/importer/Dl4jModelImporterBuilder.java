package org.neuralgraph.importer;

import org.gephi.io.importer.api.FileType;
import org.gephi.io.importer.spi.FileImporter;
import org.gephi.io.importer.spi.FileImporterBuilder;
import org.neuralgraph.dl4j.ModelLoader;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Registers {@link ModelFileImporter}: a .zip is taken only when its content is a DL4J model.
 *
 * <p>Gephi treats a .zip as an archive and offers importers the first entry inside it: the toolkit's ImportController
 * as an entry of the archive, Gephi Desktop's File &gt; Open as a copy of it in a temporary folder
 * ({@link UnpackedModelZip} finds the zip again). This builder recognises either and hands the zip's path to the
 * importer it builds next (Gephi matches and builds on the same thread).
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
        if (f == null) return false;
        Path model = f.toPath();
        if (UnpackedModelZip.isCopiedEntry(model)) {
            // Gephi Desktop's File > Open: a copy of the zip's configuration.json in a temporary folder
            String last = NbPreferences.root().node(UnpackedModelZip.GEPHI_PREFERENCES).get(UnpackedModelZip.LAST_OPENED, null);
            model = UnpackedModelZip.original(model, last == null ? null : Paths.get(last));
            if (model == null) return false;
        }
        if (!ModelLoader.isModelZip(model)) return false;
        lastMatched.set(model);
        return true;
    }
}
