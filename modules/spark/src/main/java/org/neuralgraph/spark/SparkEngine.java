package org.neuralgraph.spark;

import org.neuralgraph.cli.WeightsEngine;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.study.Study;
import org.neuralgraph.pipeline.study.WeightGraphStudy;

/** {@code weights --engine spark}, registered as a {@link WeightsEngine} service of this module's jar. */
public final class SparkEngine implements WeightsEngine {

    @Override public String name() { return "spark"; }

    @Override
    public Study study(ModelRequest model, WeightGraphStudy.Settings settings, Options options) {
        return new SparkWeightsStudy(model, settings, options);
    }
}
