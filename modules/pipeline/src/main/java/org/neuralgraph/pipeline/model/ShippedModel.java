package org.neuralgraph.pipeline.model;

import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.NetFragmentModels;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;

/** The net-fragment study's eleven models, trained, shipped inside the product: {@code nf-1} to {@code nf-11}. */
final class ShippedModel implements ModelSource {

    @Override public String id() { return "shipped"; }
    @Override public String describe() { return "a shipped trained net-fragment model (nf-1 to nf-" + NetFragmentModels.COUNT + ")"; }
    @Override public boolean accepts(String model) { return model.matches("nf-([1-9]|1[01])"); }

    @Override
    public TrainingRun open(String model) throws IOException {
        return ModelLoader.open(SampleData.netFragmentModel(model));
    }
}
