package org.neuralgraph.importer;

import org.gephi.io.importer.api.FileType;
import org.gephi.io.importer.spi.FileImporter;
import org.gephi.io.importer.spi.FileImporterBuilder;
import org.neuralgraph.dl4j.KerasModels;
import org.neuralgraph.dl4j.OnnxModels;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.util.lookup.ServiceProvider;

import java.io.File;

/**
 * Registers {@link ModelFileImporter} for models of other frameworks: ONNX files ({@code .onnx}, e.g. from
 * {@code torch.onnx.export}) and Keras Sequential models ({@code .h5}, {@code .hdf5}). They are recognised by name;
 * a file that turns out not to be one is reported by the importer, naming the file and why.
 */
@ServiceProvider(service = FileImporterBuilder.class)
public final class ForeignModelImporterBuilder implements FileImporterBuilder {

    @Override
    public FileImporter buildImporter() {
        return new ModelFileImporter();
    }

    @Override
    public String getName() {
        return "onnx-keras-model";
    }

    @Override
    public FileType[] getFileTypes() {
        return new FileType[]{new FileType(".onnx", "ONNX model (weight graph)"),
                new FileType(new String[]{".h5", ".hdf5"}, "Keras Sequential model (weight graph)")};
    }

    @Override
    public boolean isMatchingImporter(FileObject fileObject) {
        File f = FileUtil.toFile(fileObject);
        return f != null && (OnnxModels.isOnnxName(f.toPath()) || KerasModels.isKerasName(f.toPath()));
    }
}
