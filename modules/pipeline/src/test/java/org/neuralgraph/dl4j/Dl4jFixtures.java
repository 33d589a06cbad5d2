package org.neuralgraph.dl4j;

import java.nio.file.Paths;

/**
 * Test only: the DeepLearning4J side's result objects with chosen values, so that the study reports' tests can build a
 * result by hand without training. It sits in the package of {@link Checkpoint}, {@link ActivationMaximisation} and
 * {@link ProbedFineTuning} to reach their package-private constructors; nothing here reads or writes a model. The
 * pipeline's test jar leaves it out.
 */
public final class Dl4jFixtures {

    private Dl4jFixtures() { }

    /** A checkpoint of {@code epoch} with these accuracies (losses NaN); its model file does not exist. */
    public static Checkpoint checkpoint(int epoch, double trainAccuracy, double testAccuracy) {
        RunManifest.CheckpointInfo info = new RunManifest.CheckpointInfo();
        info.epoch = epoch;
        info.file = "epoch-" + epoch + ".zip";
        info.trainAccuracy = trainAccuracy;
        info.testAccuracy = testAccuracy;
        info.trainLoss = Double.NaN;
        info.testLoss = Double.NaN;
        return new Checkpoint(info, Paths.get(info.file));
    }

    /** The input found to maximise class {@code c}. */
    public static ActivationMaximisation.ClassImage classImage(int c, float[] image, double startProbability, double endProbability) {
        return new ActivationMaximisation.ClassImage(c, image, startProbability, endProbability);
    }

    /** One fine-tuning epoch of a probed model (no interaction strengths). */
    public static ProbedFineTuning.Epoch epoch(int epoch, double betaEff, double validationAccuracy, double trainingLoss) {
        return new ProbedFineTuning.Epoch(epoch, betaEff, validationAccuracy, trainingLoss, new double[0], 0);
    }
}
