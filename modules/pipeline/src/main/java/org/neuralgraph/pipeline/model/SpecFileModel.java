package org.neuralgraph.pipeline.model;

import org.neuralgraph.dl4j.ModelSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A model spec in a JSON file, trained here. */
final class SpecFileModel implements ModelSource {

    @Override public String id() { return "spec"; }
    @Override public String describe() { return "a model spec .json to train"; }
    @Override public boolean accepts(String model) { return model.endsWith(".json"); }
    @Override public boolean trains() { return true; }

    @Override
    public ModelSpec spec(String model) throws IOException {
        Path p = Paths.get(model);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("--model " + p + ": no such file");
        return ModelSpec.read(p);
    }
}
