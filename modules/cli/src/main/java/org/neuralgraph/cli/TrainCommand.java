package org.neuralgraph.cli;

import org.neuralgraph.pipeline.study.Study;
import org.neuralgraph.pipeline.study.TrainStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code neuralgraph train}: trains a model and writes its run directory (checkpoints and manifest). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model preset or spec and write a run directory of DL4J checkpoints with manifest.json.")
final class TrainCommand extends StudyCommand implements ModelOptions.Defaults {

    private static final int CHECKPOINTS = 5;
    @Override public String defaultModel() { return "mlp-seed000"; }
    @Override public String defaultCheckpoints() { return CHECKPOINTS + ", or epochs + 1 when there are fewer epochs"; }


    @Mixin
    ModelOptions model;

    @Override
    Study study() {
        return new TrainStudy(model.request(defaultModel(), CHECKPOINTS));
    }
}
