package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.pipeline.model.ClassNeed;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A kind of graph made from one checkpoint of a network (its weights, or what it does on some images). Both front-ends
 * know the kinds only through this interface and {@link GraphKinds}: the command line makes its options from
 * {@link #parameters()}, the Gephi generator its fields, and both build with {@link #build}. A new kind is one class
 * implementing this, registered as a {@code java.util.ServiceLoader} service ({@code META-INF/services}).
 */
public interface GraphKind {

    /** Short name: the command line's word for it ({@code neuralgraph graph weights}) and the key Gephi remembers. */
    String id();

    /** What a user calls it: "Weight graph". */
    String title();

    /** One line: what its nodes and edges are. */
    String description();

    /** The paper and section it comes from ("Darnell and Leonard, Section 3"), or empty. */
    String reference();

    /** Its settings, in the order a dialog lists them. */
    List<Parameter> parameters();

    /** The model it is shown on when none is named: a preset or shipped model where the kind means something. */
    default String defaultModel() {
        return "mlp-seed000";
    }

    /**
     * How many ForceAtlas2 steps its graph gets before it is drawn, from the positions the pipeline gives it (layers
     * from left to right): 300 by default; 0 for a kind whose layers are the picture (the weight graph).
     */
    default int layoutIterations() {
        return 300;
    }

    /** What it feeds the network, if anything; the pipeline loads those images and checks that the model reads them. */
    default InputImages inputs() {
        return InputImages.NONE;
    }

    /**
     * The classes its input images must hold, or null: checked when the images are loaded, before any training, so that
     * a class without images is refused naming its labels file or option rather than after training.
     */
    default ClassNeed classNeed(ParameterValues values) {
        return null;
    }

    /** False when a node has no identity from one checkpoint to the next, so the checkpoints cannot be one dynamic graph. */
    default boolean hasTimeline() {
        return true;
    }

    /**
     * Checks the values against a model that is about to be trained, so that a mistake is said before training rather
     * than after. Models that are loaded are checked by {@link #build} itself.
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    default void checkBeforeTraining(ModelSpec spec, ParameterValues values) { }

    /**
     * The graph of one checkpoint, with the checkpoint's facts (epoch, accuracy, seed, ...) as graph attributes.
     *
     * @throws IllegalArgumentException when the model does not fit the values (a layer that does not exist, ...)
     */
    NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException;

    /** What goes into the workspace's lookup beside the graph, for statistics that need more than the graph. */
    default List<Object> workspaceData(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        return Collections.emptyList();
    }

    /** The graph's name in workspace and file names: "weights", "activations L2", "mapper pca-2 10x10". */
    String name(ParameterValues values, String modelName);

    /**
     * Checked values: {@code given} by parameter name, the defaults for the rest.
     *
     * @throws ParameterException for a value that is refused
     */
    default ParameterValues values(Map<String, ?> given) {
        return ParameterValues.of(parameters(), given);
    }
}
