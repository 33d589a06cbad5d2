package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.activation.ActivationPatternGraph;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.gephi.RecordedActivations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The activation pattern graph of one hidden dense layer (Mostafa and Mondal, Eq. 6-7): the S most active neurons of
 * each class on the training images, linked by how often two of them are above their class means together, summed
 * over the classes; the class cover goes with it as the node column {@code classes}. The recorded activations go into
 * the workspace too ({@link RecordedActivations}), for the activation entropy statistic.
 */
public final class ActivationPatternKind implements GraphKind {

    public static final String ID = "activations";

    private static final List<Parameter> PARAMETERS = Collections.unmodifiableList(Arrays.asList(
            Parameter.integer("layer", "Hidden dense layer", 1, 1, 1000)
                    .described("The hidden fully connected layer, 1 = first.", ""),
            Parameter.integer("neurons-per-class", "Neurons per class S", ActivationPatternGraph.DEFAULT_S, 1, 100_000)
                    .described("S, the most active neurons taken per class (the paper: 50, also 25 and 100).", Papers.MOSTAFA_MONDAL + ", Eq. 7")));

    @Override public String id() { return ID; }
    @Override public String title() { return "Activation pattern graph"; }
    @Override public String description() { return "a layer's neurons that are active together on a class's images"; }
    @Override public String reference() { return Papers.MOSTAFA_MONDAL + ", Eq. 6-7"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }
    @Override public String defaultModel() { return "mlp-512"; }
    @Override public InputImages inputs() { return InputImages.TRAINING; }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        List<Integer> widths = new ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers) if (l.type.equals("dense")) widths.add(l.units);
        int layer = values.integer("layer"), s = values.integer("neurons-per-class");
        if (layer > widths.size()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist: " + spec + " has " + widths.size() + " hidden fully connected layers");
        }
        if (s > widths.get(layer - 1)) {
            throw new IllegalArgumentException("neurons per class " + s + " is more than the " + widths.get(layer - 1) + " neurons of layer " + layer
                    + " of " + spec + "; choose at most " + widths.get(layer - 1));
        }
    }

    /** The graph with its cover and the neurons behind its nodes, for studies that measure more than the graph. */
    public ActivationPatternGraph pattern(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        List<LayerActivations> layers = in.activations(monitor);
        int layer = values.integer("layer");
        if (layer > layers.size()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist: the model has " + layers.size() + " hidden fully connected layers");
        }
        return ActivationPatternGraph.build(layers.get(layer - 1), values.integer("neurons-per-class"));
    }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        return in.withCheckpoint(pattern(in, values, monitor).graph());
    }

    @Override
    public List<Object> workspaceData(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        return Collections.singletonList(RecordedActivations.of(in.activations(monitor)));
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        return "activations L" + values.integer("layer");
    }
}
