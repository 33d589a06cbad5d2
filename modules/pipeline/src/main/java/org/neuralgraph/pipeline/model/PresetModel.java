package org.neuralgraph.pipeline.model;

import org.neuralgraph.dl4j.ModelSpec;

/** A preset spec to train, by name ({@link ModelSpec#allPresetNames()}). */
final class PresetModel implements ModelSource {

    @Override public String id() { return "preset"; }
    @Override public String describe() { return "a preset to train (" + String.join(", ", ModelSpec.allPresetNames()) + ")"; }
    @Override public boolean accepts(String model) { return ModelSpec.allPresetNames().contains(model); }
    @Override public boolean trains() { return true; }
    @Override public ModelSpec spec(String model) { return ModelSpec.preset(model); }
}
