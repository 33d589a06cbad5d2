package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.activation.ActivationPatternGraph;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.gephi.RecordedActivations;
import org.neuralgraph.pipeline.model.ClassNeed;

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

    private static final Parameter NEURONS_PER_CLASS = Parameter.integer("neurons-per-class", "Neurons per class S", ActivationPatternGraph.DEFAULT_S, 1, 100_000)
            .described("S, the most active neurons taken per class (the paper: 50, also 25 and 100, of 512); below the layer's width.",
                    Papers.MOSTAFA_MONDAL + ", Eq. 7");
    private static final List<Parameter> PARAMETERS = Collections.unmodifiableList(Arrays.asList(
            Parameter.integer("layer", "Hidden layer", 1, 1, 1000)
                    .described("The hidden layer, 1 = first: a DL4J model's fully connected layers; an ONNX model's every hidden "
                            + "layer (activations, residual sums; a convolution's units are its channels, a transformer's its dimensions).", ""),
            NEURONS_PER_CLASS));

    @Override public String id() { return ID; }
    @Override public String title() { return "Activation pattern graph"; }
    @Override public String description() { return "a layer's neurons that are active together on a class's images"; }
    @Override public String reference() { return Papers.MOSTAFA_MONDAL + ", Eq. 6-7"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }
    @Override public String defaultModel() { return "mlp-512"; }
    @Override public InputImages inputs() { return InputImages.TRAINING; }

    @Override
    public ClassNeed classNeed(ParameterValues values) {
        return ClassNeed.everyTrainingClass("the activation pattern graph needs images of every class (V_i, Eq. 6, is a mean over class i)");
    }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        List<Integer> widths = new ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers) if (l.type.equals("dense")) widths.add(l.units);
        int layer = values.integer("layer"), s = values.integer("neurons-per-class");
        if (layer > widths.size()) {
            throw new ParameterException(values.parameter("layer"), "is " + layer + ", but " + spec + " has " + widths.size() + " hidden fully connected layers");
        }
        checkNeuronsPerClass(s, widths.get(layer - 1), "layer " + layer + " of " + spec);
    }

    /**
     * S must be below the layer's width: at S = width each class takes every neuron, so every neuron is in every class,
     * the cover is one community and every modularity of Mostafa and Mondal's Eq. 2-4 is 0 (they take 50 of 512).
     *
     * @param layer the layer in words, e.g. "layer 1 of mlp-seed000 (784-50-50-50-10)"
     * @throws ParameterException naming {@code --neurons-per-class} and the layer's width
     */
    public static void checkNeuronsPerClass(int s, int width, String layer) {
        if (s >= width) {
            throw new ParameterException(NEURONS_PER_CLASS, "must be below the " + width + " neurons of " + layer + ", got " + s
                    + ": every neuron would represent every class, so every modularity would be 0; choose at most " + (width - 1)
                    + " (Mostafa and Mondal take 50 of 512)");
        }
    }

    /** The graph with its cover and the neurons behind its nodes, for studies that measure more than the graph. */
    public ActivationPatternGraph pattern(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        List<LayerActivations> layers = in.activations(monitor);
        int layer = values.integer("layer");
        if (layer > layers.size()) {
            throw new ParameterException(values.parameter("layer"), "is " + layer + ", but the model has " + layers.size() + " hidden fully connected layers");
        }
        LayerActivations a = layers.get(layer - 1);
        checkNeuronsPerClass(values.integer("neurons-per-class"), a.neurons(), "layer " + layer + " (" + a.layerName() + ") of " + in.modelName());
        return ActivationPatternGraph.build(a, values.integer("neurons-per-class"));
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
