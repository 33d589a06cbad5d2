package org.neuralgraph.pipeline.kind;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.LayerRecorder;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;
import java.util.List;

/**
 * What a graph kind builds from: one checkpoint of a run, the images it feeds the network (or none) and the seed of
 * every random choice. The network, its recorded activations and its composite feature maps are computed once and
 * kept, so that several graphs of one checkpoint (every layer, every class) cost one pass over the images.
 */
public final class CheckpointInputs {

    private final TrainingRun run;
    private final int index;
    private final LabeledImages images;
    private final long seed;
    private MultiLayerNetwork network;
    private LayerRecorder recorder;
    private List<LayerActivations> activations;
    private List<CompositeMaps> featureMaps;

    /** @param images the images the kind runs the network on, or null for kinds that need none */
    public CheckpointInputs(TrainingRun run, int index, LabeledImages images, long seed) {
        if (index < 0 || index >= run.checkpoints().size()) {
            throw new IllegalArgumentException("checkpoint " + index + " does not exist: the model has " + run.checkpoints().size() + " checkpoints");
        }
        this.run = run;
        this.index = index;
        this.images = images;
        this.seed = seed;
    }

    public TrainingRun run() { return run; }
    public int index() { return index; }
    public Checkpoint checkpoint() { return run.checkpoints().get(index); }
    public long seed() { return seed; }

    /** The spec's name for a run, the file name for a lone model file. */
    public String modelName() {
        return CheckpointGraphs.modelName(run);
    }

    /** @throws IllegalStateException when the kind asked for no images */
    public LabeledImages images() {
        if (images == null) throw new IllegalStateException("no images were given with this checkpoint");
        return images;
    }

    /** The checkpoint's network, loaded once. */
    public MultiLayerNetwork network() throws IOException {
        if (network == null) network = checkpoint().load();
        return network;
    }

    /** What records the checkpoint's hidden layers: DL4J's recorders, or ONNX Runtime for an ONNX file ({@link Checkpoint#recorder}). */
    public LayerRecorder recorder() throws IOException {
        if (recorder == null) recorder = checkpoint().isOnnx() ? checkpoint().recorder() : LayerRecorder.of(network(), checkpoint().file()); // one DL4J load
        return recorder;
    }

    /** The hidden layers' outputs on {@link #images()}, recorded once ({@link LayerRecorder#activations}). */
    public List<LayerActivations> activations(ProgressMonitor monitor) throws IOException {
        if (activations == null) activations = recorder().activations(images(), monitor);
        return activations;
    }

    /** Every convolutional layer's composite maps over {@link #images()}, recorded once ({@link LayerRecorder#featureMaps}). */
    public List<CompositeMaps> featureMaps(ProgressMonitor monitor) throws IOException {
        if (featureMaps == null) featureMaps = recorder().featureMaps(images(), monitor);
        return featureMaps;
    }

    /** {@code g} with this checkpoint's facts and beta_eff as graph attributes ({@link CheckpointGraphs#withCheckpoint}). */
    public NeuralGraph withCheckpoint(NeuralGraph g) {
        return CheckpointGraphs.withCheckpoint(g, run, index);
    }
}
