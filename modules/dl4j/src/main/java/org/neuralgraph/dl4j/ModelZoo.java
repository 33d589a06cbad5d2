package org.neuralgraph.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The candidate models of the neural capacitance study (the neural-capacitance paper; method note section 7: "a zoo of 8-20 small bottom
 * networks ... of different depth and width, pretrained on MNIST"). Ten small networks, MLPs and CNNs, from a
 * two-unit bottleneck that cannot do well to a LeNet-5-like CNN, so that their accuracies after fine-tuning spread
 * and the ranking means something. Every candidate ends in a dense layer of {@link #FEATURES} units under its
 * softmax output, so one probe architecture (and one probe seed) fits them all. No dropout: the probe is compared
 * with the network the candidate is, not with a regularised variant. Adam 1e-3, batch 64 as the paper's fine-tuning [D].
 */
public final class ModelZoo {

    /** Width of every candidate's last hidden layer, the probe's input. */
    public static final int FEATURES = 64;

    private ModelZoo() { }

    /** The candidates' names, in the zoo's order. */
    public static List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(
                "zoo-mlp-2", "zoo-mlp-8", "zoo-mlp-64", "zoo-mlp-32", "zoo-mlp-256", "zoo-mlp-512-256",
                "zoo-cnn-4s2", "zoo-cnn-32", "zoo-cnn-8-16", "zoo-lenet"));
    }

    /** All candidates. */
    public static List<ModelSpec> all() {
        List<ModelSpec> out = new ArrayList<>();
        for (String n : names()) out.add(spec(n));
        return out;
    }

    /**
     * One candidate by name (sizes as the papers write them; conv k x k with stride 1 unless said, max pooling 2x2):
     * <ul>
     *   <li>{@code zoo-mlp-2}: 784-2-64-10 (a two-unit bottleneck)</li>
     *   <li>{@code zoo-mlp-8}: 784-8-64-10</li>
     *   <li>{@code zoo-mlp-64}: 784-64-10</li>
     *   <li>{@code zoo-mlp-32}: 784-32-64-10</li>
     *   <li>{@code zoo-mlp-256}: 784-256-64-10</li>
     *   <li>{@code zoo-mlp-512-256}: 784-512-256-64-10</li>
     *   <li>{@code zoo-cnn-4s2}: conv 3x3 4 filters stride 2, dense 64, output</li>
     *   <li>{@code zoo-cnn-32}: conv 5x5 32, pool, dense 64, output</li>
     *   <li>{@code zoo-cnn-8-16}: conv 3x3 8, pool, conv 3x3 16, pool, dense 64, output</li>
     *   <li>{@code zoo-lenet}: conv 5x5 6, pool, conv 5x5 16, pool, dense 120, dense 64, output (LeNet-5's shape)</li>
     * </ul>
     */
    public static ModelSpec spec(String name) {
        ModelSpec s = new ModelSpec();
        s.name = name;
        s.dropout = 0;
        s.weightInit = "relu";
        switch (name) {
            case "zoo-mlp-2": dense(s, 2, FEATURES); break;
            case "zoo-mlp-8": dense(s, 8, FEATURES); break;
            case "zoo-mlp-64": dense(s, FEATURES); break;
            case "zoo-mlp-32": dense(s, 32, FEATURES); break;
            case "zoo-mlp-256": dense(s, 256, FEATURES); break;
            case "zoo-mlp-512-256": dense(s, 512, 256, FEATURES); break;
            case "zoo-cnn-4s2":
                s.layers.add(new ModelSpec.LayerSpec("conv", 4, 3, 2, "relu"));
                dense(s, FEATURES);
                break;
            case "zoo-cnn-32":
                s.layers.add(new ModelSpec.LayerSpec("conv", 32, 5, 1, "relu"));
                s.layers.add(new ModelSpec.LayerSpec("maxpool", 0, 2, 2, null));
                dense(s, FEATURES);
                break;
            case "zoo-cnn-8-16":
                s.layers.add(new ModelSpec.LayerSpec("conv", 8, 3, 1, "relu"));
                s.layers.add(new ModelSpec.LayerSpec("maxpool", 0, 2, 2, null));
                s.layers.add(new ModelSpec.LayerSpec("conv", 16, 3, 1, "relu"));
                s.layers.add(new ModelSpec.LayerSpec("maxpool", 0, 2, 2, null));
                dense(s, FEATURES);
                break;
            case "zoo-lenet":
                s.layers.add(new ModelSpec.LayerSpec("conv", 6, 5, 1, "relu"));
                s.layers.add(new ModelSpec.LayerSpec("maxpool", 0, 2, 2, null));
                s.layers.add(new ModelSpec.LayerSpec("conv", 16, 5, 1, "relu"));
                s.layers.add(new ModelSpec.LayerSpec("maxpool", 0, 2, 2, null));
                dense(s, 120, FEATURES);
                break;
            default:
                throw new IllegalArgumentException("unknown zoo model '" + name + "'; the zoo: " + names());
        }
        s.layers.add(new ModelSpec.LayerSpec("output", 10, 0, 1, "softmax"));
        return s.validate();
    }

    private static void dense(ModelSpec s, int... units) {
        for (int u : units) s.layers.add(new ModelSpec.LayerSpec("dense", u, 0, 1, "relu"));
    }
}
