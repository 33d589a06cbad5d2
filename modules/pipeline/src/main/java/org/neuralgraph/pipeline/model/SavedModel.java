package org.neuralgraph.pipeline.model;

import org.neuralgraph.dl4j.KerasModels;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.OnnxModels;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.function.Predicate;

/**
 * A model saved by DL4J or another framework, opened by {@link ModelLoader} (which checks the file before anything
 * reads it): a DL4J model zip, a training run directory, an ONNX file, a Keras .h5 file. One instance per format.
 */
final class SavedModel implements ModelSource {

    static final SavedModel RUN_DIRECTORY = new SavedModel("run", "a training run directory (neuralgraph train)",
            m -> Files.isDirectory(Paths.get(m)));
    static final SavedModel ONNX = new SavedModel("onnx", "an ONNX .onnx file (e.g. from torch.onnx.export)",
            m -> OnnxModels.isOnnxName(Paths.get(m)));
    static final SavedModel KERAS = new SavedModel("keras", "a Keras Sequential model .h5",
            m -> KerasModels.isKerasName(Paths.get(m)));
    static final SavedModel DL4J_ZIP = new SavedModel("dl4j-zip", "a DL4J model .zip", m -> m.endsWith(".zip"));

    private final String id;
    private final String description;
    private final Predicate<String> accepts;

    private SavedModel(String id, String description, Predicate<String> accepts) {
        this.id = id;
        this.description = description;
        this.accepts = accepts;
    }

    @Override public String id() { return id; }
    @Override public String describe() { return description; }
    @Override public boolean accepts(String model) { return accepts.test(model); }

    @Override
    public TrainingRun open(String model) throws IOException {
        return ModelLoader.open(Paths.get(model));
    }
}
