package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.NeuronClassGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ActivationMaximisation;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.NetFragmentGraphs;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The neuron-class graph of the net-fragment study (Sections 4.1-4.2): the last hidden layer's neurons (the "head") and
 * the ten classes as nodes, a neuron linked to a class by its activation on that class's digit ({@link NeuronClassGraph});
 * each class node carries the input that maximises its class ({@link ActivationMaximisation}).
 */
public final class NeuronClassKind implements GraphKind {

    public static final String ID = "neuron-class";

    private static final List<Parameter> PARAMETERS = Collections.unmodifiableList(Arrays.asList(
            Parameter.integer("max-steps", "Activation maximisation: steps", ActivationMaximisation.DEFAULT_STEPS, 1, 1_000_000)
                    .described("Gradient steps of the activation maximisation.", Papers.NET_FRAGMENTS + ", Section 4.2"),
            Parameter.decimal("max-rate", "Activation maximisation: step size", ActivationMaximisation.DEFAULT_LEARNING_RATE, 0, true, 1000, false)
                    .described("Step size of the activation maximisation.", ""),
            Parameter.decimal("max-l2", "Activation maximisation: L2 weight", ActivationMaximisation.DEFAULT_LAMBDA, 0, false, 1000, false)
                    .described("Weight lambda of the L2 penalty on the input.", "")));

    @Override public String id() { return ID; }
    @Override public String title() { return "Net fragments: neuron-class graph"; }
    @Override public String description() { return "the last hidden layer's neurons and the classes, linked by activation"; }
    @Override public String reference() { return Papers.NET_FRAGMENTS + ", Sections 4.1-4.2"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }
    @Override public String defaultModel() { return "nf-11"; }
    @Override public InputImages inputs() { return InputImages.DIGITS; }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        NetFragmentInputs.checkSpec(spec);
    }

    /** The activation maximisation the values ask for, seeded. */
    public static ActivationMaximisation maximisation(ParameterValues values, long seed) {
        return new ActivationMaximisation(values.integer("max-steps"), values.decimal("max-rate"), values.decimal("max-l2"),
                ActivationMaximisation.DEFAULT_START_NOISE, seed);
    }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        return in.withCheckpoint(NetFragmentGraphs.neuronClassGraph(in.network(), in.images(), maximisation(values, in.seed()), monitor));
    }

    /** The graph without the maximising inputs (the study finds them after training only). */
    public NeuralGraph withoutMaxima(CheckpointInputs in) throws IOException {
        return NeuronClassGraph.build(NetFragmentGraphs.headActivations(in.network(), in.images()));
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        return modelName + " neuron-class";
    }
}
