package org.neuralgraph.pipeline.model;

import org.neuralgraph.dl4j.ModelSpec;

/** A preset spec to train, by name ({@link ModelSpec#presetNames()}). */
final class PresetModel implements ModelSource {

    @Override public String id() { return "preset"; }
    @Override public String describe() { return "a preset to train (" + String.join(", ", ModelSpec.presetNames()) + ")"; }
    @Override public boolean accepts(String model) { return ModelSpec.presetNames().contains(model); }
    @Override public boolean trains() { return true; }
    @Override public ModelSpec spec(String model) { return ModelSpec.preset(model); }
}
