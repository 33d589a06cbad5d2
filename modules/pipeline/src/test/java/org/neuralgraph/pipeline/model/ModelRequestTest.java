package org.neuralgraph.pipeline.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

/** The training settings a request checks before anything runs. */
class ModelRequestTest {

    @Test
    void aDefaultNumberOfCheckpointsFitsAShortTrainingButAGivenOneIsChecked() throws IOException {
        ModelRequest byDefault = new ModelRequest("mlp-seed000");
        byDefault.epochs = 3;
        byDefault.checkpoints = 21;
        byDefault.checkpointsByDefault = true;
        byDefault.check(); // one checkpoint after every epoch: 4

        ModelRequest given = new ModelRequest("mlp-seed000");
        given.epochs = 3;
        given.checkpoints = 21;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, given::check);
        assertEquals("--checkpoints must be between 2 and epochs + 1 = 4, got 21", e.getMessage());
    }
}
