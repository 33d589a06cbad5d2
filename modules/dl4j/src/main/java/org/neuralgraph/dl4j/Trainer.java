package org.neuralgraph.dl4j;

import org.neuralgraph.core.io.AtomicFiles;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link ModelSpec} (a MultiLayerNetwork, or the ComputationGraph of a residual CNN: {@link ModelFactory#network})
 * and writes a run directory: a DL4J model zip at each checkpoint (epoch 0, the
 * untrained network, included) and {@code manifest.json}, rewritten after each checkpoint. All files are written
 * atomically; on cancel or failure a run directory this trainer created is deleted again.
 */
public final class Trainer {

    private Trainer() { }

    /**
     * The checkpoint epochs: {@code round(k * epochs / (n - 1))} for {@code k = 0..n-1}, so 0 and the last
     * epoch are always among them.
     */
    public static int[] checkpointEpochs(int epochs, int n) {
        if (n < 2) throw new IllegalArgumentException("checkpoints must be >= 2 (the untrained and the trained network), got " + n);
        if (n > epochs + 1) throw new IllegalArgumentException("checkpoints must be <= epochs + 1 = " + (epochs + 1) + ", got " + n);
        int[] e = new int[n];
        for (int k = 0; k < n; k++) e[k] = (int) Math.round(k * (double) epochs / (n - 1));
        return e;
    }

    /**
     * Trains and checkpoints.
     *
     * @param spec           the model and its training settings (epochs, batch size, seed)
     * @param data           training and test sets
     * @param checkpoints    number of checkpoints, see {@link #checkpointEpochs(int, int)}
     * @param runDir         directory to write; must not exist or be empty
     * @param shuffledLabels written into the manifest: the labels were permuted (the "Mixed" control)
     * @param monitor        progress in batches; cancellation is checked between batches
     */
    public static TrainingRun train(ModelSpec spec, TrainTestData data, int checkpoints, Path runDir,
                                    boolean shuffledLabels, ProgressMonitor monitor) throws IOException {
        spec.validate();
        int[] at = checkpointEpochs(spec.epochs, checkpoints);
        checkImageSize(spec, data);
        boolean created = !Files.exists(runDir);
        if (!created) {
            try (java.util.stream.Stream<Path> s = Files.list(runDir)) {
                if (s.findAny().isPresent()) throw new IllegalArgumentException("run directory " + runDir + " already holds files");
            }
        }
        Files.createDirectories(runDir);
        try {
            return trainInto(spec, data, at, runDir, shuffledLabels, monitor);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(runDir, created);
            throw e;
        }
    }

    /**
     * Trains a fresh network of {@code spec} for exactly {@code batches} mini-batches (epochs of the same seeded
     * sample order as {@link #train}, the last one cut short) and returns it in memory, without a run directory. Seed
     * 000's Fig. 6 compares runs stopped at different accuracies; this makes one such run.
     */
    public static MultiLayerNetwork trainBatches(ModelSpec spec, TrainTestData data, long batches, ProgressMonitor monitor) {
        spec.validate();
        if (batches < 0) throw new IllegalArgumentException("batches must be >= 0, got " + batches);
        checkImageSize(spec, data);
        MultiLayerNetwork net = ModelFactory.build(spec);
        monitor.start("training " + spec.name + " for " + batches + " batches", batches);
        long done = 0;
        try (InputConvolution.Scope fitOnly = readyForFit(net)) {
            for (int epoch = 1; done < batches; epoch++) {
                for (DataSet batch : Batches.shuffled(data.train(), spec.batchSize, spec.seed * 1_000_003L + epoch)) {
                    if (done == batches) break;
                    if (monitor.isCancelled()) throw new CancelledException();
                    net.fit(batch);
                    monitor.progress(++done, null);
                }
            }
        }
        return net;
    }

    /**
     * Gives {@code net} the training shortcuts of issue 2 that {@link TrainingShortcuts} has on, in the order they need
     * ({@link InputConvolution} recognises {@link ReluActivations}' layers): {@link ReluActivations}, {@link UpdaterBlocks}
     * and, until the returned scope is closed, {@link InputConvolution} ({@link ConvolutionOps} came with the network).
     * Close it before the network is used for anything but training and evaluation.
     */
    static InputConvolution.Scope readyForFit(MultiLayerNetwork net) {
        UpdaterBlocks.install(ReluActivations.install(net));
        return InputConvolution.withoutInputGradient(net);
    }

    private static void checkImageSize(ModelSpec spec, TrainTestData data) {
        if (data.train().rows() * data.train().cols() != spec.channels * spec.height * spec.width) {
            throw new IllegalArgumentException("model " + spec.name + " expects " + spec.height + "x" + spec.width
                    + " images but the data has " + data.train().rows() + "x" + data.train().cols());
        }
    }

    private static TrainingRun trainInto(ModelSpec spec, TrainTestData data, int[] at, Path runDir,
                                         boolean shuffledLabels, ProgressMonitor monitor) throws IOException {
        Network net = ModelFactory.network(spec);
        if (!net.isGraph()) readyForFit(net.chain("training")); // for good: this network is only trained, evaluated and saved
        RunManifest manifest = new RunManifest();
        manifest.spec = spec;
        manifest.data = data.description();
        manifest.seed = spec.seed;
        manifest.shuffledLabels = shuffledLabels;
        int batchesPerEpoch = (data.train().size() + spec.batchSize - 1) / spec.batchSize;
        monitor.start("training " + spec.name, (long) batchesPerEpoch * spec.epochs);
        List<Checkpoint> cps = new ArrayList<>();
        cps.add(save(net, 0, 0, data, runDir, manifest));
        int next = 1;
        long done = 0;
        long since = System.nanoTime();
        int epochsSince = 0;
        for (int epoch = 1; epoch <= spec.epochs; epoch++) {
            // a new sample order each epoch, derived from the spec's seed
            for (DataSet batch : Batches.shuffled(data.train(), spec.batchSize, spec.seed * 1_000_003L + epoch)) {
                if (monitor.isCancelled()) throw new CancelledException();
                net.fit(batch);
                monitor.progress(++done, null);
            }
            epochsSince++;
            if (next < at.length && epoch == at[next]) {
                double secondsPerEpoch = (System.nanoTime() - since) / 1e9 / epochsSince;
                Checkpoint c = save(net, epoch, secondsPerEpoch, data, runDir, manifest);
                cps.add(c);
                monitor.progress(done, String.format(Locale.ROOT, "epoch %d/%d test acc %.3f", epoch, spec.epochs, c.testAccuracy()));
                next++;
                since = System.nanoTime();
                epochsSince = 0;
            }
        }
        return new TrainingRun(runDir, manifest, cps);
    }

    private static Checkpoint save(Network net, int epoch, double secondsPerEpoch, TrainTestData data,
                                   Path runDir, RunManifest manifest) throws IOException {
        Evaluation train = Evaluation.of(net, data.train());
        Evaluation test = Evaluation.of(net, data.test());
        RunManifest.CheckpointInfo info = new RunManifest.CheckpointInfo();
        info.epoch = epoch;
        info.file = String.format(Locale.ROOT, "checkpoint-epoch-%04d.zip", epoch);
        info.trainAccuracy = train.accuracy();
        info.trainLoss = train.loss();
        info.testAccuracy = test.accuracy();
        info.testLoss = test.loss();
        info.secondsPerEpoch = secondsPerEpoch;
        Path zip = runDir.resolve(info.file);
        AtomicFiles.write(zip, tmp -> ModelSerializer.writeModel(net.model(), tmp.toFile(), false));
        manifest.checkpoints.add(info);
        manifest.write(runDir);
        return new Checkpoint(info, zip);
    }

    private static void deleteTree(Path dir, boolean includingDir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder())
                    .filter(p -> includingDir || !p.equals(dir))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the original failure is what the caller reports
        }
    }
}
