package org.neuralgraph.pipeline.kind;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.pipeline.GraphJob;
import org.neuralgraph.pipeline.model.ModelRequest;

import java.nio.file.Paths;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * S (neurons per class) must be below the layer's width: at S = width every neuron represents every class and every
 * modularity is 0 (Mostafa and Mondal, Eq. 7), so both a spec about to be trained and a loaded model refuse it.
 */
class ActivationPatternKindTest {

    private final ActivationPatternKind kind = GraphKinds.get(ActivationPatternKind.class);

    @Test
    void theDefaultModelIsOneWhereTheDefaultSMeansSomething() {
        assertEquals("mlp-512", kind.defaultModel());
        assertTrue(ModelSpec.presetNames().contains(kind.defaultModel()));
        kind.checkBeforeTraining(ModelSpec.preset(kind.defaultModel()), kind.values(Map.of()));
    }

    @Test
    void sAtTheLayersWidthIsRefusedBeforeTraining() {
        ModelSpec spec = ModelSpec.preset("mlp-seed000");
        ParameterException e = assertThrows(ParameterException.class, () -> kind.checkBeforeTraining(spec, kind.values(Map.of())));
        assertTrue(e.getMessage().startsWith("--neurons-per-class must be below the 50 neurons of layer 1 of mlp-seed000 (784-50-50-50-10), got 50: "
                + "every neuron would represent every class"), e.getMessage());
        assertTrue(e.labelled().startsWith("Neurons per class S: must be below the 50 neurons"), e.labelled());
        assertTrue(e.getMessage().contains("choose at most 49"), e.getMessage());
        assertThrows(ParameterException.class, () -> kind.checkBeforeTraining(spec, kind.values(Map.of("neurons-per-class", 80))));
        kind.checkBeforeTraining(spec, kind.values(Map.of("neurons-per-class", 49)));
    }

    @Test
    void sAtTheLayersWidthIsRefusedOnALoadedModel() {
        ModelRequest m = new ModelRequest(Paths.get("../dl4j/src/test/resources/onnx/mlp.onnx").toAbsolutePath().toString()); // 784-50-50-50-10
        m.defaultData = Paths.get("../../sample-models/mnist").toAbsolutePath();
        m.trainSize = 100;
        GraphJob job = new GraphJob(m, kind, kind.values(Map.of("layer", 2)), -1);
        ParameterException e = assertThrows(ParameterException.class, () -> job.build(null, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith("--neurons-per-class must be below the 50 neurons of layer 2 ("), e.getMessage());
        assertTrue(e.getMessage().contains(") of mlp.onnx, got 50"), e.getMessage());
    }
}
