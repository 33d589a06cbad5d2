package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens what a user points at: a DL4J model zip, an ONNX file, a Keras .h5 file or a training run directory. A model file is data from
 * elsewhere, so a zip is checked before DL4J reads it: it must be a readable zip of at most
 * {@value #MAX_UNCOMPRESSED_BYTES} bytes uncompressed, hold {@code configuration.json} (of at most
 * {@value #MAX_CONFIGURATION_BYTES} bytes) and {@code coefficients.bin},
 * and nothing but the entries DL4J writes for a network's configuration, parameters and updater state, each of which
 * must inflate to no more than the size the zip declares for it; the arrays in it must announce no more values than
 * their entries hold ({@link NdArrayHeaders}). Entries that DL4J would read with Java deserialization
 * ({@code preprocessor.bin}) are refused.
 */
public final class ModelLoader {

    /** Largest uncompressed size of a model zip that is opened. */
    public static final long MAX_UNCOMPRESSED_BYTES = 2L << 30;

    /**
     * Largest {@code configuration.json} that is read: 16 MB, thousands of layers (a 3-layer MLP's is 7 KB). DL4J reads it
     * whole into strings and a Jackson tree; 1 GB of whitespace in a 1.2 MB zip cost 7.8 GB of memory and 28 s.
     */
    public static final long MAX_CONFIGURATION_BYTES = 16L << 20;

    private static final Set<String> ALLOWED = new HashSet<>(Arrays.asList(
            "configuration.json", "coefficients.bin", "updaterState.bin", "noParams.marker", "normalizer.bin"));

    private ModelLoader() { }

    /**
     * Opens a model zip, an ONNX file or a Keras .h5 file (one checkpoint with epoch -1) or a run directory (its
     * checkpoints in epoch order). An ONNX file is parsed here ({@link OnnxModels}) and a Keras file imported
     * ({@link KerasModels}) so that a bad file is reported at once; an ONNX checkpoint reads its weights from the file
     * and loads the network converted by {@link OnnxNetworks}, a Keras checkpoint loads the imported network.
     *
     * @throws ModelFileException naming the file when it cannot be used
     */
    public static TrainingRun open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            RunManifest m = RunManifest.read(path);
            List<Checkpoint> cps = new ArrayList<>();
            for (RunManifest.CheckpointInfo info : m.checkpoints) {
                Path zip = path.resolve(info.file).normalize();
                if (!zip.startsWith(path.normalize())) throw new ModelFileException(path.resolve(RunManifest.FILE), "checkpoint file " + info.file + " lies outside the run directory");
                checkZip(zip);
                cps.add(new Checkpoint(info, zip));
            }
            return new TrainingRun(path, m, cps);
        }
        try {
            if (OnnxModels.isOnnxName(path)) OnnxModels.parse(path, OnnxModels.MAX_FILE_BYTES);
            else if (KerasModels.isKerasName(path)) KerasModels.load(path);
            else checkZip(path);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
        return TrainingRun.ofFile(path, ModelReader.forFile(path));
    }

    /**
     * Loads a MultiLayerNetwork from a model zip after {@link #checkZip(Path)}.
     *
     * @throws ModelFileException naming the file when it cannot be read, or holds a ComputationGraph ({@link #loadNetwork})
     */
    public static MultiLayerNetwork loadZip(Path zip) throws IOException {
        checkZip(zip);
        if (isGraphZip(zip)) {
            throw new ModelFileException(zip, "holds a DL4J ComputationGraph (a residual network); this analysis reads a chain of layers (a MultiLayerNetwork)");
        }
        try {
            return ConvolutionOps.install(ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.length() > 300) why = why.substring(0, 300) + "...";
            throw new ModelFileException(zip, "DL4J could not read this model (" + why + "); is it a MultiLayerNetwork saved with DL4J 1.0.0-M2.1?", e);
        }
    }

    /**
     * Loads the network of a model zip of either kind after {@link #checkZip(Path)}: a ComputationGraph when its
     * {@code configuration.json} has DL4J's graph fields ({@code vertices}), a MultiLayerNetwork otherwise.
     *
     * @throws ModelFileException naming the file when DL4J cannot read it
     */
    public static Network loadNetwork(Path zip) throws IOException {
        checkZip(zip);
        if (!isGraphZip(zip)) return Network.of(loadZip(zip));
        try {
            return Network.of(ModelSerializer.restoreComputationGraph(zip.toFile(), false));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.length() > 300) why = why.substring(0, 300) + "...";
            throw new ModelFileException(zip, "DL4J could not read this ComputationGraph (" + why + "); was it saved with DL4J 1.0.0-M2.1?", e);
        }
    }

    /** True when a checked model zip's configuration is a ComputationGraph's (a top-level {@code vertices} field). */
    static boolean isGraphZip(Path zip) throws ModelFileException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            ZipEntry e = zf.getEntry("configuration.json");
            try (java.io.Reader r = new java.io.InputStreamReader(zf.getInputStream(e), java.nio.charset.StandardCharsets.UTF_8)) {
                com.google.gson.JsonElement json = com.google.gson.JsonParser.parseReader(r);
                return json.isJsonObject() && json.getAsJsonObject().has("vertices");
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(zip, "configuration.json is not readable JSON: " + e.getMessage(), e);
        }
    }

    /** True when {@code file} passes {@link #checkZip(Path)}: how File > Open recognises a model by content. */
    public static boolean isModelZip(Path file) {
        try {
            checkZip(file);
            return true;
        } catch (ModelFileException e) {
            return false;
        }
    }

    /** Checks that {@code zip} looks like a DL4J MultiLayerNetwork zip, without reading it into DL4J. */
    static void checkZip(Path zip) throws ModelFileException {
        if (!Files.exists(zip)) throw new ModelFileException(zip, "no such model file");
        if (!Files.isRegularFile(zip)) throw new ModelFileException(zip, "not a file");
        Set<String> names = new HashSet<>();
        long total = 0, configuration = 0;
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                names.add(e.getName());
                long size = e.getSize();
                total += size < 0 ? 0 : size;
                if (e.getName().equals("configuration.json")) configuration = size;
            }
        } catch (ZipException e) {
            throw new ModelFileException(zip, "not a DL4J model zip: the file is not a readable zip (truncated or another format)", e);
        } catch (IOException e) {
            throw new ModelFileException(zip, "cannot be read: " + e.getMessage(), e);
        }
        if (!names.contains("configuration.json") || !names.contains("coefficients.bin")) {
            throw new ModelFileException(zip, "not a DL4J model zip: it lacks " + (names.contains("configuration.json") ? "coefficients.bin" : "configuration.json"));
        }
        for (String n : names) {
            if (!ALLOWED.contains(n)) throw new ModelFileException(zip, "model zip holds an unexpected entry '" + n + "'; refused (only " + ALLOWED + " are read)");
        }
        if (total > MAX_UNCOMPRESSED_BYTES) throw new ModelFileException(zip, "model zip unpacks to " + total + " bytes, more than the limit " + MAX_UNCOMPRESSED_BYTES);
        if (configuration > MAX_CONFIGURATION_BYTES) {
            throw new ModelFileException(zip, "configuration.json unpacks to " + configuration + " bytes, more than the limit " + MAX_CONFIGURATION_BYTES
                    + " (a network's configuration is kilobytes); refused");
        }
        checkInflatedSizes(zip);
    }

    /**
     * Inflates every entry once, counting, and refuses an entry that gives more bytes than the zip's directory declares:
     * the declared sizes checked above bound what DL4J reads into memory only if they are true (a zip bomb lies).
     */
    private static void checkInflatedSizes(Path zip) throws ModelFileException {
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                long declared = e.getSize(), read = 0;
                try (java.io.InputStream in = zf.getInputStream(e)) {
                    for (int k; (k = in.read(buffer)) > 0; ) {
                        read += k;
                        if (read > declared) {
                            throw new ModelFileException(zip, "entry '" + e.getName() + "' inflates to more than the " + declared
                                    + " bytes the zip declares for it (forged zip?); refused");
                        }
                    }
                }
            }
            NdArrayHeaders.check(zip, zf);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(zip, "not a readable zip (truncated or damaged): " + e.getMessage(), e);
        }
    }
}
