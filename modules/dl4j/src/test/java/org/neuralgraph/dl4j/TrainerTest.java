package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {

    static TrainTestData small;

    @BeforeAll
    static void data() throws IOException {
        TrainTestData all = ImageDataSource.load(Paths.get("../../sample-models/mnist"), 0.2, 1);
        small = new TrainTestData(all.train().sample(600, 2), all.test().sample(200, 3), "600/200 sample of the shipped MNIST");
    }

    static ModelSpec tinySpec(int epochs) {
        ModelSpec s = ModelSpec.preset("mlp-seed000");
        s.name = "tiny";
        s.layers.get(0).units = 16;
        s.layers.get(1).units = 8;
        s.layers.remove(2);
        s.epochs = epochs;
        s.batchSize = 32;
        s.learningRate = 5e-3;
        return s.validate();
    }

    @Test
    void writesCheckpointsWithManifestAndLearns(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        TrainingRun r = Trainer.train(tinySpec(4), small, 3, run, false, ProgressMonitor.NONE);
        assertEquals(3, r.checkpoints().size());
        assertArrayEquals(new int[]{0, 2, 4}, r.checkpoints().stream().mapToInt(Checkpoint::epoch).toArray());
        assertTrue(Files.isRegularFile(run.resolve("manifest.json")));
        assertTrue(Files.isRegularFile(run.resolve("checkpoint-epoch-0000.zip")));
        assertTrue(Files.isRegularFile(run.resolve("checkpoint-epoch-0004.zip")));
        try (java.util.stream.Stream<Path> s = Files.list(run)) {
            assertEquals(4, s.count(), "3 zips and the manifest, no temporary file left");
        }
        Checkpoint first = r.checkpoints().get(0), last = r.checkpoints().get(2);
        assertTrue(first.testAccuracy() < 0.3, "untrained accuracy near chance: " + first.testAccuracy());
        assertTrue(last.testAccuracy() > 0.6, "trained accuracy: " + last.testAccuracy());
        assertTrue(last.trainLoss() < first.trainLoss());

        TrainingRun reopened = ModelLoader.open(run);
        assertEquals(3, reopened.checkpoints().size());
        assertEquals(last.testAccuracy(), reopened.checkpoints().get(2).testAccuracy(), 0);
        MultiLayerNetwork net = reopened.checkpoints().get(2).load();
        assertEquals(last.testAccuracy(), Evaluation.of(net, small.test()).accuracy(), 1e-9);
        assertEquals("tiny", reopened.manifest().spec.name);
    }

    @Test
    void sameSeedSameWeights(@TempDir Path tmp) throws IOException {
        TrainingRun a = Trainer.train(tinySpec(1), small, 2, tmp.resolve("a"), false, ProgressMonitor.NONE);
        TrainingRun b = Trainer.train(tinySpec(1), small, 2, tmp.resolve("b"), false, ProgressMonitor.NONE);
        ModelWeights wa = Dl4jWeights.extract(a.checkpoints().get(1).load(), "a");
        ModelWeights wb = Dl4jWeights.extract(b.checkpoints().get(1).load(), "b");
        for (int l = 0; l < wa.layers().size(); l++) {
            assertArrayEquals(wa.layers().get(l).rawWeights(), wb.layers().get(l).rawWeights(), 0);
        }
        ModelSpec other = tinySpec(1);
        other.seed = 7;
        TrainingRun c = Trainer.train(other, small, 2, tmp.resolve("c"), false, ProgressMonitor.NONE);
        ModelWeights wc = Dl4jWeights.extract(c.checkpoints().get(1).load(), "c");
        assertNotEquals(wa.layers().get(0).rawWeights()[0], wc.layers().get(0).rawWeights()[0]);
    }

    @Test
    void cancelLeavesNoRunDirectory(@TempDir Path tmp) {
        Path run = tmp.resolve("run");
        AtomicLong steps = new AtomicLong();
        ProgressMonitor cancelAfterTen = new ProgressMonitor() {
            @Override public void start(String phase, long totalUnits) { }
            @Override public void progress(long doneUnits, String message) { steps.set(doneUnits); }
            @Override public boolean isCancelled() { return steps.get() >= 10; }
        };
        assertThrows(CancelledException.class, () -> Trainer.train(tinySpec(3), small, 2, run, false, cancelAfterTen));
        assertFalse(Files.exists(run));
    }

    @Test
    void checkpointEpochsAreUniformAndValidated() {
        assertArrayEquals(new int[]{0, 5, 10, 15, 20}, Trainer.checkpointEpochs(20, 5));
        assertArrayEquals(new int[]{0, 20}, Trainer.checkpointEpochs(20, 2));
        assertArrayEquals(new int[]{0, 1, 2, 3}, Trainer.checkpointEpochs(3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.checkpointEpochs(3, 5));
        assertTrue(e.getMessage().contains("checkpoints"));
        assertThrows(IllegalArgumentException.class, () -> Trainer.checkpointEpochs(3, 1));
    }

    @Test
    void trainBatchesFollowsTheSameSampleOrderAsTrain(@TempDir Path tmp) throws IOException {
        TrainingRun run = Trainer.train(tinySpec(1), small, 2, tmp.resolve("run"), false, ProgressMonitor.NONE);
        int perEpoch = (small.train().size() + 31) / 32;
        MultiLayerNetwork oneEpoch = Trainer.trainBatches(tinySpec(1), small, perEpoch, ProgressMonitor.NONE);
        assertArrayEquals(Dl4jWeights.extract(run.checkpoints().get(1).load(), "a").layers().get(0).rawWeights(),
                Dl4jWeights.extract(oneEpoch, "b").layers().get(0).rawWeights(), 0);
        MultiLayerNetwork none = Trainer.trainBatches(tinySpec(1), small, 0, ProgressMonitor.NONE);
        assertArrayEquals(Dl4jWeights.extract(run.checkpoints().get(0).load(), "a").layers().get(0).rawWeights(),
                Dl4jWeights.extract(none, "b").layers().get(0).rawWeights(), 0);
        MultiLayerNetwork longer = Trainer.trainBatches(tinySpec(1), small, perEpoch + 5, ProgressMonitor.NONE);
        assertTrue(Evaluation.of(longer, small.test()).accuracy() > Evaluation.of(none, small.test()).accuracy());
        assertThrows(IllegalArgumentException.class, () -> Trainer.trainBatches(tinySpec(1), small, -1, ProgressMonitor.NONE));
    }

    @Test
    void wrongImageSizeIsRefused(@TempDir Path tmp) {
        ModelSpec s = tinySpec(1);
        s.height = 9;
        s.width = 9;
        LabeledImages t = small.train();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(s, small, 2, tmp.resolve("r"), false, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("9x9"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("r")));
        assertEquals(28, t.rows());
    }
}
