package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.ContributionGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.NetFragmentGraphs;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The contribution graph of one digit (net-fragment study, Section 4.2): its pixels, every unit of every layer and the
 * classes as nodes, each edge weighted by how much the source's output adds to the target's input for that digit
 * ({@link ContributionGraph}).
 */
public final class ContributionKind implements GraphKind {

    public static final String ID = "contribution";

    private static final List<Parameter> PARAMETERS = Collections.singletonList(
            Parameter.integer("input-digit", "Digit", 8, 0, 9).described("The digit whose image is followed through the network.", ""));

    @Override public String id() { return ID; }
    @Override public String title() { return "Net fragments: contribution graph"; }
    @Override public String description() { return "one digit's path from pixels to class"; }
    @Override public String reference() { return Papers.NET_FRAGMENTS + ", Section 4.2"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }
    @Override public String defaultModel() { return "nf-11"; }
    @Override public InputImages inputs() { return InputImages.DIGITS; }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        NetFragmentInputs.checkSpec(spec);
    }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        return in.withCheckpoint(NetFragmentGraphs.contributionGraph(in.network(), in.modelName(), in.images(), values.integer("input-digit")));
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        return modelName + " contribution, digit " + values.integer("input-digit");
    }
}
