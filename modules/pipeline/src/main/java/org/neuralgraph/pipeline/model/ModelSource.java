package org.neuralgraph.pipeline.model;

import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;

/**
 * Where a model comes from, named by the text a user gives ({@code --model}, the generator's model field): a spec to
 * train here (a preset or a spec file), or a saved model to open (a DL4J zip, a run directory, an ONNX or Keras file,
 * a trained model shipped with the product). {@link ModelSources} asks each source in turn whether it
 * {@link #accepts} the text. A new format is one class implementing this, registered as a
 * {@code java.util.ServiceLoader} service; its {@link #open} returns the file as a run
 * ({@link TrainingRun#ofFile} with its own {@link org.neuralgraph.dl4j.ModelReader}).
 */
public interface ModelSource {

    /** Short name: "preset", "onnx", ... */
    String id();

    /** What the user writes for it, for help texts: "an ONNX .onnx file (e.g. from torch.onnx.export)". */
    String describe();

    /** True when {@code model} names a model of this source. */
    boolean accepts(String model);

    /** True when the model is a spec trained here, false when it is opened. */
    default boolean trains() {
        return false;
    }

    /**
     * The spec to train, as written (the request applies seed, epochs and batch size).
     *
     * @throws UnsupportedOperationException for a source that opens saved models
     */
    default ModelSpec spec(String model) throws IOException {
        throw new UnsupportedOperationException(id() + " models are opened, not trained");
    }

    /**
     * The saved model as a run: its checkpoints, or one checkpoint with epoch -1 for a lone file. A bad file is
     * reported here, naming the file.
     *
     * @throws UnsupportedOperationException for a source that trains
     */
    default TrainingRun open(String model) throws IOException {
        throw new UnsupportedOperationException(id() + " models are trained, not opened");
    }
}
