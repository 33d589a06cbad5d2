package org.neuralgraph.dl4j;

import org.neuralgraph.dl4j.ModelSpec.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The eleven models of the net-fragment study's Table 4.1, for its 9 x 9 digit images: an encoder, then the same head
 * FC 12 -> ReLU -> FC 10 -> softmax. Trained with Adam, learning rate 5e-4, batch 32, 10 epochs (Section 4.1).
 *
 * <p>Our choices where the table is silent: convolutions without padding and with stride 1; max pooling 2 x 2 with
 * stride 2 (PyTorch's {@code MaxPool2d(2)}); PyTorch's default initialisation (the thesis's code is PyTorch); the
 * hand-crafted kernels of model 11 are the 3 x 3 line detectors [-1 2 -1] in every row (vertical lines) and its
 * transpose (horizontal lines), bias 0, never trained: the text says they "extract horizontal and vertical lines", and
 * the digits are one pixel wide, where a line detector answers on the line itself while an edge (Sobel) kernel answers
 * beside it with opposite signs on the two sides, one of which ReLU drops.
 */
public final class NetFragmentModels {

    /** Number of models in Table 4.1. */
    public static final int COUNT = 11;
    /** Width of the head's first layer, the layer of Figs. 4.4 (its 12 neurons). */
    public static final int HEAD_NEURONS = 12;

    private static final double[] VERTICAL_LINE = {-1, 2, -1, -1, 2, -1, -1, 2, -1};
    private static final double[] HORIZONTAL_LINE = {-1, -1, -1, 2, 2, 2, -1, -1, -1};

    private NetFragmentModels() { }

    /** The encoder of model {@code number} (1-11) as Table 4.1 describes it. */
    public static String description(int number) {
        switch (check(number)) {
            case 1: return "Conv 3x3, 2 channels";
            case 2: return "Conv 3x3, 4 channels";
            case 3: return "Conv 5x5, 2 channels";
            case 4: return "Conv 5x5, 4 channels";
            case 5: return "Conv 3x3, 2 -> Conv 3x3, 4";
            case 6: return "Conv 3x3, 4 -> Conv 3x3, 8";
            case 7: return "Conv 3x3, 2 -> max-pool -> Conv 3x3, 4";
            case 8: return "Conv 3x3, 4 -> max-pool -> Conv 3x3, 8";
            case 9: return "none (head only)";
            case 10: return "FC 81";
            default: return "hand-crafted Conv 3x3, 2 channels (vertical, horizontal lines), fixed";
        }
    }

    /** Model {@code number} (1-11) as a spec named {@code nf-<number>}, seeded with {@code seed}. */
    public static ModelSpec spec(int number, long seed) {
        ModelSpec s = new ModelSpec();
        s.name = "nf-" + check(number);
        s.height = 9;
        s.width = 9;
        s.weightInit = "pytorch-default";
        s.updater = "adam";
        s.learningRate = 5e-4;
        s.batchSize = 32;
        s.epochs = 10;
        s.seed = seed;
        List<LayerSpec> l = new ArrayList<>();
        switch (number) {
            case 1: l.add(conv(3, 2)); break;
            case 2: l.add(conv(3, 4)); break;
            case 3: l.add(conv(5, 2)); break;
            case 4: l.add(conv(5, 4)); break;
            case 5: l.add(conv(3, 2)); l.add(conv(3, 4)); break;
            case 6: l.add(conv(3, 4)); l.add(conv(3, 8)); break;
            case 7: l.add(conv(3, 2)); l.add(new LayerSpec("maxpool", 0, 2, 2, null)); l.add(conv(3, 4)); break;
            case 8: l.add(conv(3, 4)); l.add(new LayerSpec("maxpool", 0, 2, 2, null)); l.add(conv(3, 8)); break;
            case 9: break;
            case 10: l.add(new LayerSpec("dense", 81, 0, 1, "relu")); break;
            default: {
                LayerSpec c = conv(3, 2);
                c.fixedKernels = new double[][]{VERTICAL_LINE.clone(), HORIZONTAL_LINE.clone()};
                l.add(c);
            }
        }
        l.add(new LayerSpec("dense", HEAD_NEURONS, 0, 1, "relu"));
        l.add(new LayerSpec("output", 10, 0, 1, "softmax"));
        s.layers = l;
        return s.validate();
    }

    /** Index (in the network's layers) of the head's 12-neuron layer. */
    public static int headLayer(ModelSpec spec) {
        return spec.layers.size() - 2;
    }

    private static LayerSpec conv(int kernel, int channels) {
        return new LayerSpec("conv", channels, kernel, 1, "relu");
    }

    private static int check(int number) {
        if (number < 1 || number > COUNT) throw new IllegalArgumentException("model number must be 1-" + COUNT + " (the net-fragment study, Table 4.1), got " + number);
        return number;
    }
}
