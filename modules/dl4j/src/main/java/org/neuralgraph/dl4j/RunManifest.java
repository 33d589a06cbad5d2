package org.neuralgraph.dl4j;

import org.neuralgraph.core.io.AtomicFiles;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json} of a training run directory: the spec, the data, the seed and one entry per checkpoint
 * (epoch, model zip, accuracy and loss on the training and test sets).
 */
public final class RunManifest {

    public static final String FILE = "manifest.json";

    public String tool = "neuralgraph";
    public String dl4jVersion = "1.0.0-M2.1";
    public ModelSpec spec;
    public String data;
    public long seed;
    public boolean shuffledLabels;
    public List<CheckpointInfo> checkpoints = new ArrayList<>();

    /** One checkpoint. */
    public static final class CheckpointInfo {
        public int epoch;
        public String file;
        public double trainAccuracy;
        public double trainLoss;
        public double testAccuracy;
        public double testLoss;
        /** Wall-clock seconds of training since the previous checkpoint, divided by its epochs (0 for epoch 0). */
        public double secondsPerEpoch;
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** Writes the manifest atomically into {@code dir}. */
    void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), GSON.toJson(this).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code dir/manifest.json}. */
    static RunManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new ModelFileException(dir, "not a training run directory: it has no " + FILE);
        RunManifest m;
        try {
            m = GSON.fromJson(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), RunManifest.class);
        } catch (JsonParseException e) {
            throw new ModelFileException(file, "not a valid run manifest (" + e.getMessage() + ")");
        }
        if (m == null || m.spec == null || m.checkpoints == null || m.checkpoints.isEmpty()) {
            throw new ModelFileException(file, "run manifest lists no checkpoints");
        }
        return m;
    }
}
