package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.graph.LineGraph;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Dl4jWeights;
import org.neuralgraph.dl4j.ModelSpec;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The line graph of a network's dense layers (neural capacitance, method note section 2.1): every weight a node, linked
 * to the weights of the next layer that leave the neuron it enters, in the direction of signal flow ({@link LineGraph}).
 * Only the largest |w| of each layer are kept: 784-50-50-50-10 in full has about 2.1 million links.
 */
public final class LineGraphKind implements GraphKind {

    public static final String ID = "line-graph";

    private static final List<Parameter> PARAMETERS = Collections.singletonList(
            Parameter.integer("weights-per-layer", "Largest |w| kept per layer", 500, 1, 10_000_000)
                    .described("The weights of each layer that become nodes, largest |w| first.", ""));

    @Override public String id() { return ID; }
    @Override public String title() { return "Line graph"; }
    @Override public String description() { return "weights as nodes, linked where they meet at a neuron"; }
    @Override public String reference() { return Papers.NEURAL_CAPACITANCE + ", method note, section 2.1"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        if (spec.hasConv()) throw new IllegalArgumentException("Line graph: " + spec + " has convolution layers; the line graph covers dense layers only");
    }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        return in.withCheckpoint(LineGraph.build(Dl4jWeights.extract(in.network(), in.modelName()), values.integer("weights-per-layer")));
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        return "line graph";
    }
}
