package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several training runs of one {@link ModelSpec}, for the pooled point cloud of Brüel Gabrielsson, Section 7 ("We trained this
 * model a 100 times with batch size 100 for 10000 iterations"). Run {@code r} uses seed {@code spec.seed + r}, which
 * sets both its initial weights and its sample order, and trains for the same number of mini-batches with
 * {@link Trainer#trainBatches}. Each run keeps its trained network and its test accuracy; its untrained network, the
 * paper's "prior to training" comparison (Section 5), is rebuilt from the run's spec on demand.
 */
public final class PooledRuns {

    /** One run. */
    public static final class Run {
        private final int index;
        private final ModelSpec spec;
        private final MultiLayerNetwork trained;
        private final double testAccuracy;

        Run(int index, ModelSpec spec, MultiLayerNetwork trained, double testAccuracy) {
            this.index = index;
            this.spec = spec;
            this.trained = trained;
            this.testAccuracy = testAccuracy;
        }

        /** 0-based position in the pool, the {@code r} of the filter ids {@code run<r>/f<o>}. */
        public int index() { return index; }
        /** The seed of this run: the base spec's seed plus {@link #index()}. */
        public long seed() { return spec.seed; }
        /** The spec this run was trained from (a copy with its seed); must not be modified. */
        public ModelSpec spec() { return spec; }
        public MultiLayerNetwork trained() { return trained; }
        /** The network before training, rebuilt from the run's seed (the same weights training started from). */
        public MultiLayerNetwork untrained() { return ModelFactory.build(spec); }
        /** Accuracy of the trained network on the test set. */
        public double testAccuracy() { return testAccuracy; }
    }

    private final String modelName;
    private final long batches;
    private final List<Run> runs;

    private PooledRuns(String modelName, long batches, List<Run> runs) {
        this.modelName = modelName;
        this.batches = batches;
        this.runs = Collections.unmodifiableList(runs);
    }

    /**
     * Trains {@code runs} networks of {@code spec}, seeds {@code spec.seed}, {@code spec.seed + 1}, ..., each for
     * {@code batches} mini-batches of {@code spec.batchSize}.
     *
     * @throws IllegalArgumentException when the spec's output layer does not have one unit per class of the data
     *                                  (see {@link ModelSpec#withClasses(int)})
     */
    public static PooledRuns train(ModelSpec spec, TrainTestData data, int runs, long batches, ProgressMonitor monitor) {
        spec.validate();
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        int classes = data.train().classes();
        if (spec.outputUnits() != classes) {
            throw new IllegalArgumentException("model " + spec.name + " has " + spec.outputUnits() + " outputs but the data has "
                    + classes + " classes; use ModelSpec.withClasses(" + classes + ")");
        }
        List<Run> out = new ArrayList<>(runs);
        for (int r = 0; r < runs; r++) {
            ModelSpec one = spec.copy();
            one.seed = spec.seed + r;
            MultiLayerNetwork net = Trainer.trainBatches(one, data, batches, prefixed(monitor, "run " + (r + 1) + "/" + runs + ": "));
            net.clear();
            out.add(new Run(r, one, net, Evaluation.of(net, data.test()).accuracy()));
        }
        return new PooledRuns(spec.name, batches, out);
    }

    public List<Run> runs() { return runs; }
    /** Mini-batches each run was trained for. */
    public long batches() { return batches; }
    public String modelName() { return modelName; }

    /** The trained networks' first-layer filters, pooled in run order. */
    public FirstLayerFilters trainedFilters() {
        List<MultiLayerNetwork> nets = new ArrayList<>(runs.size());
        for (Run r : runs) nets.add(r.trained());
        return FirstLayerFilters.pooled(nets, modelName);
    }

    /** The same runs' first-layer filters before training, pooled in run order. */
    public FirstLayerFilters untrainedFilters() {
        List<MultiLayerNetwork> nets = new ArrayList<>(runs.size());
        for (Run r : runs) nets.add(r.untrained());
        return FirstLayerFilters.pooled(nets, modelName + " (untrained)");
    }

    /** Mean test accuracy over the runs. */
    public double meanTestAccuracy() {
        double s = 0;
        for (Run r : runs) s += r.testAccuracy();
        return s / runs.size();
    }

    private static ProgressMonitor prefixed(ProgressMonitor m, String prefix) {
        return new ProgressMonitor() {
            @Override public void start(String phase, long totalUnits) { m.start(prefix + phase, totalUnits); }
            @Override public void progress(long doneUnits, String message) { m.progress(doneUnits, message); }
            @Override public boolean isCancelled() { return m.isCancelled(); }
        };
    }
}
