package org.neuralgraph.importer;

import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.pipeline.GraphJob;

import java.nio.file.Paths;

/**
 * What the workspace of a generated or opened graph is called: the graph kind's name, the model and the checkpoint,
 * {@code weights · mlp-seed000 · epoch 20}, so that the tabs of several kinds, models and checkpoints can be told
 * apart. Gephi's processor cuts a workspace's name at its first '.' (to drop a file's extension), so the dots of a
 * model file's name become '-' ({@code torch_mlp-onnx}).
 */
final class WorkspaceNames {

    private static final String SEPARATOR = " \u00b7 ";

    private WorkspaceNames() { }

    /** The workspace of checkpoint {@code index}; a lone model file (no epoch) is named by kind and file only. */
    static String of(GraphJob job, int index) {
        Checkpoint cp = job.run().checkpoints().get(index);
        return base(job) + (cp.epoch() >= 0 ? SEPARATOR + "epoch " + cp.epoch() : "");
    }

    /** The workspace of every checkpoint as one dynamic graph. */
    static String timeline(GraphJob job) {
        return base(job) + SEPARATOR + "timeline";
    }

    /** Kind and model; a kind whose name starts with the model's ("nf-11 neuron-class") does not say it twice. */
    private static String base(GraphJob job) {
        String model = String.valueOf(Paths.get(job.model().model).getFileName());
        String kind = job.name();
        if (kind.startsWith(model + " ")) kind = kind.substring(model.length() + 1);
        return (kind + SEPARATOR + model).replace('.', '-');
    }
}
