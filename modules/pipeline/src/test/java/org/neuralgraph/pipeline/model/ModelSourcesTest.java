package org.neuralgraph.pipeline.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.TrainingRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.*;

/** Which source a model's name belongs to, and the models that ship with the product. */
class ModelSourcesTest {

    @Test
    void everyKindOfNameFindsItsSource(@TempDir Path tmp) throws IOException {
        assertEquals("preset", ModelSources.of("mlp-seed000").id());
        assertEquals("shipped", ModelSources.of("nf-11").id());
        assertEquals("spec", ModelSources.of("my.json").id());
        assertEquals("run", ModelSources.of(tmp.toString()).id());
        assertEquals("onnx", ModelSources.of("model.onnx").id());
        assertEquals("keras", ModelSources.of("model.h5").id());
        assertEquals("dl4j-zip", ModelSources.of("model.zip").id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSources.of("resnet-9000"));
        assertTrue(e.getMessage().startsWith("--model 'resnet-9000' is none of: a preset to train (mlp-seed000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSources.of("nf-12"), "nf-12 is not a shipped model");
    }

    @Test
    void theShippedSpecsValidateAndTheShippedModelsOpen() throws IOException {
        Path specs = Paths.get("../../sample-models/specs");
        try (java.util.stream.Stream<Path> files = Files.list(specs)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
                ModelRequest r = new ModelRequest(f.toString());
                ModelSpec spec = r.spec();
                assertEquals(f.getFileName().toString().replace(".json", ""), spec.name);
                r.check();
            }
        }
        TrainingRun nf = new ModelRequest("nf-7").open(null, org.neuralgraph.core.progress.ProgressMonitor.NONE);
        assertEquals(1, nf.checkpoints().size());
        assertEquals("nf-7.zip", nf.checkpoints().get(0).file().getFileName().toString(), "the model's name in titles");
        assertTrue(Files.isRegularFile(SampleData.mnistDirectory().resolve("images-idx3-ubyte.gz")));
    }
}
