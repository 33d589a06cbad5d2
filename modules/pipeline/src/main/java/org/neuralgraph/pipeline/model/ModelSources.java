package org.neuralgraph.pipeline.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Every model source, asked in turn which one a model's name belongs to: presets, shipped models and spec files first,
 * then saved files by kind (run directory, ONNX, Keras, DL4J zip), then any {@link ModelSource} registered as a
 * {@code java.util.ServiceLoader} service.
 */
public final class ModelSources {

    private static volatile List<ModelSource> sources;

    private ModelSources() { }

    /** Every source, in the order they are asked. */
    public static List<ModelSource> all() {
        List<ModelSource> s = sources;
        if (s != null) return s;
        synchronized (ModelSources.class) {
            if (sources != null) return sources;
            List<ModelSource> m = new ArrayList<>(Arrays.asList(new PresetModel(), new ShippedModel(), new SpecFileModel(),
                    SavedModel.RUN_DIRECTORY, SavedModel.ONNX, SavedModel.KERAS, SavedModel.DL4J_ZIP));
            Iterator<ModelSource> it = ServiceLoader.load(ModelSource.class, ModelSources.class.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) break;
                    m.add(it.next());
                } catch (ServiceConfigurationError e) {
                    Logger.getLogger(ModelSources.class.getName()).warning("a model source could not be loaded: " + e.getMessage());
                }
            }
            sources = Collections.unmodifiableList(m);
            return sources;
        }
    }

    /**
     * The source of {@code model}.
     *
     * @throws IllegalArgumentException naming --model and what a model can be
     */
    public static ModelSource of(String model) {
        if (model == null || model.trim().isEmpty()) throw new IllegalArgumentException("--model is empty; name " + describeAll());
        for (ModelSource s : all()) if (s.accepts(model)) return s;
        throw new IllegalArgumentException("--model '" + model + "' is none of: " + describeAll());
    }

    /** What a model can be, for help texts and errors. */
    public static String describeAll() {
        StringBuilder b = new StringBuilder();
        List<ModelSource> all = all();
        for (int i = 0; i < all.size(); i++) b.append(i == 0 ? "" : i == all.size() - 1 ? " or " : ", ").append(all.get(i).describe());
        return b.toString();
    }
}
