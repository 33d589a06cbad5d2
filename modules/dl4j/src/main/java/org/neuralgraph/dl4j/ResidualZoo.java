package org.neuralgraph.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A second candidate zoo for the neural capacitance study, of real architectures narrowed to fit 2 CPU cores: ResNet-like
 * CNNs of basic blocks (He et al. 2016, Sec. 3.3), MobileNet-like CNNs of depthwise separable convolutions (Howard et
 * al. 2017, Sec. 3.1: depthwise 3x3 - BN - ReLU - 1x1 conv - BN - ReLU) and plain VGG-like CNNs (stacks of unpadded
 * 3x3 convolutions and 2x2 max pooling, Simonyan and Zisserman 2015), three sizes of the first two kinds and two of
 * the last. The neural capacitance paper ranks residual, depthwise and plain ImageNet models (method note, section 7);
 * this is that mix at MNIST scale. The residual and depthwise candidates start with a strided 3x3 stem (conv - BN -
 * ReLU, 28x28 to 13x13) as ResNet's and MobileNet's strided stems do, and end in global average pooling; every candidate
 * then has a dense layer of {@link ModelZoo#FEATURES} units under its softmax, so the probe of {@link ModelZoo} fits.
 * He initialisation, no dropout, Adam 1e-3, batch 64, as {@link ModelZoo}.
 */
public final class ResidualZoo {

    private ResidualZoo() { }

    /** The candidates' names, in the zoo's order. */
    public static List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(
                "res-4", "res-8-16", "res-16-32", "mobile-8", "mobile-8-16", "mobile-16-32", "vgg-4", "vgg-8-16"));
    }

    /** All candidates. */
    public static List<ModelSpec> all() {
        List<ModelSpec> out = new ArrayList<>();
        for (String n : names()) out.add(spec(n));
        return out;
    }

    /**
     * One candidate by name:
     * <ul>
     *   <li>{@code res-4}: stem 4, one basic block of 4 (identity shortcut), global average pooling, dense 64, output</li>
     *   <li>{@code res-8-16}: stem 8, blocks 8 and 16 (stride 2, projection)</li>
     *   <li>{@code res-16-32}: stem 16, blocks 16 and 32 (stride 2, projection)</li>
     *   <li>{@code mobile-8}: stem 8, one depthwise separable block to 8</li>
     *   <li>{@code mobile-8-16}: stem 8, separable blocks to 16 and (stride 2) to 32</li>
     *   <li>{@code mobile-16-32}: stem 16, separable blocks to 32 and (stride 2) to 64</li>
     *   <li>{@code vgg-4}: conv 3x3 4, conv 3x3 4, pool, dense 64, output (a MultiLayerNetwork)</li>
     *   <li>{@code vgg-8-16}: conv 8, conv 8, pool, conv 16, conv 16, pool, dense 64, output (a MultiLayerNetwork)</li>
     * </ul>
     */
    public static ModelSpec spec(String name) {
        ModelSpec s = new ModelSpec();
        s.name = name;
        s.dropout = 0;
        s.weightInit = "relu";
        switch (name) {
            case "res-4": stem(s, 4); residual(s, 4, 1); break;
            case "res-8-16": stem(s, 8); residual(s, 8, 1); residual(s, 16, 2); break;
            case "res-16-32": stem(s, 16); residual(s, 16, 1); residual(s, 32, 2); break;
            case "mobile-8": stem(s, 8); separable(s, 8, 1); break;
            case "mobile-8-16": stem(s, 8); separable(s, 16, 1); separable(s, 32, 2); break;
            case "mobile-16-32": stem(s, 16); separable(s, 32, 1); separable(s, 64, 2); break;
            case "vgg-4": conv(s, 4, 4); pool(s); break;
            case "vgg-8-16": conv(s, 8, 8); pool(s); conv(s, 16, 16); pool(s); break;
            default:
                throw new IllegalArgumentException("unknown zoo model '" + name + "'; the residual zoo: " + names());
        }
        if (!name.startsWith("vgg")) s.layers.add(new ModelSpec.LayerSpec("globalavgpool", 0, 0, 1, null));
        s.layers.add(new ModelSpec.LayerSpec("dense", ModelZoo.FEATURES, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("output", 10, 0, 1, "softmax"));
        return s.validate();
    }

    /** conv 3x3 stride 2 (linear) - BN - ReLU. */
    private static void stem(ModelSpec s, int filters) {
        s.layers.add(new ModelSpec.LayerSpec("conv", filters, 3, 2, "identity"));
        s.layers.add(new ModelSpec.LayerSpec("batchnorm", 0, 0, 1, "relu"));
    }

    private static void residual(ModelSpec s, int filters, int stride) {
        s.layers.add(new ModelSpec.LayerSpec("residual", filters, 3, stride, null));
    }

    /** Howard et al. 2017, Fig. 3 right: depthwise 3x3 - BN - ReLU - 1x1 conv - BN - ReLU. */
    private static void separable(ModelSpec s, int filters, int stride) {
        s.layers.add(new ModelSpec.LayerSpec("depthwise", 0, 3, stride, "identity"));
        s.layers.add(new ModelSpec.LayerSpec("batchnorm", 0, 0, 1, "relu"));
        s.layers.add(new ModelSpec.LayerSpec("conv", filters, 1, 1, "identity"));
        s.layers.add(new ModelSpec.LayerSpec("batchnorm", 0, 0, 1, "relu"));
    }

    private static void conv(ModelSpec s, int... filters) {
        for (int f : filters) s.layers.add(new ModelSpec.LayerSpec("conv", f, 3, 1, "relu"));
    }

    private static void pool(ModelSpec s) {
        s.layers.add(new ModelSpec.LayerSpec("maxpool", 0, 2, 2, null));
    }
}
