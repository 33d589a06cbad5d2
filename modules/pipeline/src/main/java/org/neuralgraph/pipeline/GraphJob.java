package org.neuralgraph.pipeline;

import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.netfragment.SegmentDigits;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.InputImages;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.pipeline.model.ClassNeed;
import org.neuralgraph.pipeline.model.ModelRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One graph kind of one model, checkpoint by checkpoint: the path model -> checkpoints -> graph that the Gephi generator,
 * File &gt; Open and the command line's {@code graph} command share. {@link #build} checks the values against the model
 * (before training when the model is trained here), trains or opens it, loads the images the kind feeds the network,
 * and builds the chosen checkpoint's graph; {@link #graphOf} builds any other checkpoint's.
 */
public final class GraphJob {

    private final ModelRequest model;
    private final GraphKind kind;
    private final ParameterValues values;
    /** The checkpoint {@link #build} builds: an index, or -1 for the last. */
    private final int checkpoint;

    private TrainingRun run;
    private LabeledImages images;
    private int builtIndex = -1;
    private CheckpointInputs last;

    public GraphJob(ModelRequest model, GraphKind kind, ParameterValues values, int checkpoint) {
        if (checkpoint < -1) throw new IllegalArgumentException("--checkpoint must be >= 0, or -1 for the last, got " + checkpoint);
        this.model = model;
        this.kind = kind;
        this.values = values;
        this.checkpoint = checkpoint;
        ClassNeed need = kind.classNeed(values);
        if (need != null) model.need(need);
    }

    public GraphKind kind() { return kind; }
    public ParameterValues values() { return values; }
    public ModelRequest model() { return model; }

    /**
     * Everything that can be checked before any work: the model's options and, for a model trained here, the values
     * against its spec.
     */
    public void check() throws IOException {
        model.check();
        if (model.trains()) kind.checkBeforeTraining(model.spec(), values);
    }

    /**
     * Trains (into {@code runDir}) or opens the model and builds the graph of the chosen checkpoint.
     *
     * @throws IllegalArgumentException when the values do not fit the model, or the checkpoint does not exist
     */
    public NeuralGraph build(Path runDir, ProgressMonitor monitor) throws IOException {
        check();
        run = model.open(runDir, monitor);
        images = images();
        if (!model.trains() && images != null) run.checkpoints().get(0).checkInput(images.rows(), images.cols());
        int n = run.checkpoints().size();
        int index = checkpoint < 0 ? n - 1 : checkpoint;
        if (index >= n) throw new IllegalArgumentException("Checkpoint " + index + " does not exist: the model has " + n + " checkpoints");
        monitor.checkCancelled();
        NeuralGraph g = graphOf(index, monitor);
        builtIndex = index;
        return g;
    }

    private LabeledImages images() throws IOException {
        InputImages in = kind.inputs();
        if (in == InputImages.TRAINING) return model.data().train();
        if (in == InputImages.TEST) return model.data().test();
        if (in == InputImages.DIGITS) return SegmentDigits.standard().images();
        return null;
    }

    /** The graph of checkpoint {@code index} of the run {@link #build} made or opened. */
    public NeuralGraph graphOf(int index, ProgressMonitor monitor) throws IOException {
        if (run == null) throw new IllegalStateException("build first");
        last = new CheckpointInputs(run, index, images, model.seed);
        return kind.build(last, values, monitor);
    }

    /** What goes into the workspace's lookup with the graph {@link #graphOf} built last. */
    public List<Object> workspaceData(ProgressMonitor monitor) throws IOException {
        return last == null ? Collections.emptyList() : kind.workspaceData(last, values, monitor);
    }

    /**
     * Every checkpoint's graph (the one {@link #build} returned is {@code built}) merged into one dynamic graph.
     *
     * @throws IllegalArgumentException for a kind whose nodes have no identity over checkpoints
     */
    public GraphTimeline timeline(NeuralGraph built, ProgressMonitor monitor) throws IOException {
        checkTimeline();
        int n = run.checkpoints().size();
        List<NeuralGraph> graphs = new ArrayList<>();
        int[] epochs = new int[n];
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            graphs.add(i == builtIndex ? built : graphOf(i, monitor));
            epochs[i] = run.checkpoints().get(i).epoch();
        }
        return GraphTimeline.ofCheckpoints(graphs, epochs);
    }

    /** @throws IllegalArgumentException when the kind's checkpoints cannot be one dynamic graph */
    public void checkTimeline() {
        if (!kind.hasTimeline()) {
            throw new IllegalArgumentException("Timeline: the nodes of a " + kind.title() + " have no identity from one checkpoint to the next, "
                    + "so its checkpoints cannot be one dynamic graph; untick the timeline");
        }
    }

    /** The run {@link #build} trained or opened. */
    public TrainingRun run() { return run; }

    /** The index of the checkpoint {@link #build} built. */
    public int builtIndex() { return builtIndex; }

    /** The workspace title of checkpoint {@code index}: "weights epoch 20 (test acc 0.944)". */
    public String title(int index) {
        return CheckpointGraphs.title(name(), run.checkpoints().get(index));
    }

    /** The graph's name without the checkpoint: "weights", "mapper pca-2 10x10", "nf-11 neuron-class". */
    public String name() {
        return kind.name(values, Paths.get(model.model).getFileName().toString());
    }
}
