package org.neuralgraph.cli;

import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code neuralgraph train}: trains a model and writes its run directory (checkpoints and manifest). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model preset or spec and write a run directory of DL4J checkpoints with manifest.json.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ModelSource source;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory to create (new or empty).")
    Path out;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        source.withDefaults("mlp-seed000", 5);
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        if (!source.trains()) throw new IllegalArgumentException("--model " + source.model + " is a saved model; train takes a preset or a spec .json");
        try (ConsoleProgress progress = CancelOnInterrupt.install(new ConsoleProgress(System.err, quiet));
             OutputDirectory dir = OutputDirectory.create(out)) {
            TrainingRun run = source.run(dir.dir(), progress);
            dir.commit();
            progress.close();
            for (Checkpoint c : run.checkpoints()) {
                stdout.printf(Locale.ROOT, "epoch %3d  train acc %.4f  test acc %.4f  test loss %.4f%n",
                        c.epoch(), c.trainAccuracy(), c.testAccuracy(), c.testLoss());
            }
            stdout.println("run directory: " + dir.target());
            return 0;
        }
    }
}
