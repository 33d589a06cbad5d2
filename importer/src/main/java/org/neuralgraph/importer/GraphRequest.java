package org.neuralgraph.importer;

import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.io.FileTrees;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.pipeline.GraphJob;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.Parameter;
import org.neuralgraph.pipeline.kind.ParameterException;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.pipeline.kind.WeightGraphKind;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.model.SampleData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * What the user asked for in Gephi: a model (a preset to train, a shipped trained model, or a saved model to open), the
 * data to train on, the graph kind with its parameters, and which checkpoint to show. Remembered between runs in the
 * module's preferences, every kind's parameters under its own keys. The work is the pipeline's {@link GraphJob}, the same
 * as the command line's; this class only maps the dialog's fields onto it and says its errors in the dialog's words.
 */
final class GraphRequest {

    /** A preset, a shipped model ({@code nf-N}), or the path of a model zip, run directory, ONNX or Keras .h5 file. */
    String model = "mlp-seed000";
    /** Empty: the MNIST sample shipped inside the plugin. */
    String data = "";
    /** The graph kind's id ({@link GraphKinds}). */
    String kind = WeightGraphKind.ID;
    int epochs = 5;
    int checkpoints = 2;
    /** Index into the checkpoints; -1 is the last. */
    int checkpoint = -1;
    long seed = 42;
    boolean mixed;
    /** Also put every other checkpoint into a workspace of its own, named by kind, model and epoch ({@link WorkspaceNames}). */
    boolean otherCheckpoints;
    /** Generate every checkpoint's graph as one dynamic graph instead: Gephi's timeline then plays the training. */
    boolean timeline;
    /** Parameter values as given, by kind id and parameter name; the rest take the kind's defaults. */
    final Map<String, Map<String, Object>> parameters = new HashMap<>();

    /** The run directory of the last training: temporary, deleted when the JVM (Gephi) exits. */
    Path trainedRun;
    /** The job {@link #build} ran. */
    GraphJob job;

    /** The chosen kind. */
    GraphKind graphKind() {
        return GraphKinds.get(kind);
    }

    /** Sets one of the chosen kind's parameters. */
    GraphRequest set(String parameter, Object value) {
        parameters.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(parameter, value);
        return this;
    }

    /**
     * The chosen kind's values, checked.
     *
     * @throws IllegalArgumentException naming the field as the dialog labels it
     */
    ParameterValues values() {
        try {
            return graphKind().values(parameters.getOrDefault(kind, new HashMap<>()));
        } catch (ParameterException e) {
            throw new IllegalArgumentException(graphKind().title() + ": " + e.labelled(), e);
        }
    }

    /** The model part of the request, as the pipeline takes it. */
    ModelRequest modelRequest() throws IOException {
        ModelRequest m = new ModelRequest(model);
        m.seed = seed;
        m.epochs = epochs;
        m.checkpoints = checkpoints;
        m.data = data.trim().isEmpty() ? null : Paths.get(data.trim());
        m.defaultData = SampleData.mnistDirectory();
        m.mixed = mixed;
        return m;
    }

    /**
     * Checks, trains or opens the model, and builds the requested graph.
     *
     * @throws IllegalArgumentException naming the field that is wrong, before training where the model's spec tells
     */
    NeuralGraph build(ProgressMonitor monitor) throws IOException {
        ParameterValues values = values();
        ModelRequest m = modelRequest();
        job = new GraphJob(m, graphKind(), values, checkpoint);
        try {
            if (timeline) job.checkTimeline();
            job.check();
            if (m.trains()) {
                trainedRun = Files.createTempDirectory("neuralgraph-run");
                Files.delete(trainedRun);
                FileTrees.deleteAtExit(trainedRun); // later checkpoints are read from it while Gephi runs
            }
            return job.build(trainedRun, monitor);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(graphKind().title() + ": " + e.labelled(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inDialogWords(e.getMessage()), e);
        }
    }

    /** The command line's option names in an error, as the dialog's labels say them. */
    static String inDialogWords(String message) {
        if (message == null) return null;
        String[][] names = {{"--model", "Model"}, {"--checkpoints", "Checkpoints"}, {"--epochs", "Epochs"}, {"--data", "Training data"},
                {"--checkpoint", "Checkpoint to show"}, {"--seed", "Seed"}};
        for (String[] n : names) if (message.startsWith(n[0] + " ") || message.startsWith(n[0] + ":")) return n[1] + message.substring(n[0].length());
        return message;
    }

    /** The workspace title of checkpoint {@code index}. */
    String title(int index) {
        return job.title(index);
    }

    void save(Preferences p) {
        p.put("model", model);
        p.put("data", data);
        p.put("kind", kind);
        p.putInt("epochs", epochs);
        p.putInt("checkpoints", checkpoints);
        p.putInt("checkpoint", checkpoint);
        p.putLong("seed", seed);
        p.putBoolean("mixed", mixed);
        p.putBoolean("otherCheckpoints", otherCheckpoints);
        p.putBoolean("timeline", timeline);
        for (Map.Entry<String, Map<String, Object>> k : parameters.entrySet()) {
            for (Map.Entry<String, Object> v : k.getValue().entrySet()) p.put("kind." + k.getKey() + "." + v.getKey(), String.valueOf(v.getValue()));
        }
    }

    static GraphRequest load(Preferences p) {
        GraphRequest r = new GraphRequest();
        r.model = p.get("model", r.model);
        r.data = p.get("data", r.data);
        String kind = p.get("kind", r.kind);
        r.kind = GraphKinds.all().stream().anyMatch(k -> k.id().equals(kind)) ? kind : WeightGraphKind.ID;
        r.epochs = p.getInt("epochs", r.epochs);
        r.checkpoints = p.getInt("checkpoints", r.checkpoints);
        r.checkpoint = p.getInt("checkpoint", r.checkpoint);
        r.seed = p.getLong("seed", r.seed);
        r.mixed = p.getBoolean("mixed", r.mixed);
        r.otherCheckpoints = p.getBoolean("otherCheckpoints", r.otherCheckpoints);
        r.timeline = p.getBoolean("timeline", r.timeline);
        for (GraphKind k : GraphKinds.all()) {
            for (Parameter par : k.parameters()) {
                String text = p.get("kind." + k.id() + "." + par.name(), null);
                if (text == null) continue;
                try {
                    r.parameters.computeIfAbsent(k.id(), x -> new LinkedHashMap<>()).put(par.name(), par.parse(text));
                } catch (IllegalArgumentException outdated) {
                    // a value remembered from another version that is no longer allowed: the default instead
                }
            }
        }
        return r;
    }
}
