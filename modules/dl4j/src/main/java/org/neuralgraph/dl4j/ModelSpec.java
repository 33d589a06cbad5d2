package org.neuralgraph.dl4j;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small declarative description of a model and how to train it, read and written as JSON. Fields are public
 * so that the JSON is the documentation: see {@link #preset(String)} for complete examples.
 *
 * <p>{@link #dropout} is the probability of <em>dropping</em> a unit, as the papers state it (Darnell and Leonard: "a
 * dropout layer p=0.2"); DL4J's {@code dropOut(p)} takes the probability of <em>keeping</em> one, so
 * {@link ModelFactory} passes {@code 1 - dropout}.
 */
public final class ModelSpec {

    /** Layer types. */
    public static final List<String> LAYER_TYPES = Arrays.asList("dense", "conv", "maxpool", "output",
            "batchnorm", "depthwise", "residual", "globalavgpool");
    /**
     * The layer types of a residual CNN ({@link GraphModelFactory}): a spec with any of them is built as a DL4J
     * ComputationGraph, a spec without them as a MultiLayerNetwork ({@link ModelFactory}).
     */
    public static final List<String> GRAPH_LAYER_TYPES = Arrays.asList("batchnorm", "depthwise", "residual", "globalavgpool");
    /** Shortcuts of a {@code residual} block: He et al. 2016, Sec. 3.2-3.3, identity or a 1x1 projection. */
    public static final List<String> SHORTCUTS = Arrays.asList("identity", "projection");
    /** Weight initialisations; see {@link ModelFactory} for their definitions. */
    public static final List<String> WEIGHT_INITS = Arrays.asList("xavier", "relu", "pytorch-default", "truncated-normal-0.1");
    /** Updaters. */
    public static final List<String> UPDATERS = Arrays.asList("adam", "sgd");

    public String name;
    public int channels = 1;
    public int height = 28;
    public int width = 28;
    public List<LayerSpec> layers = new ArrayList<>();
    public double dropout = 0;
    public String weightInit = "xavier";
    public String updater = "adam";
    public double learningRate = 1e-3;
    public int batchSize = 64;
    public int epochs = 20;
    public long seed = 42;

    /**
     * One layer: {@code dense}/{@code output} use units, {@code conv} units (filters), kernel, stride and optionally fixed
     * kernels, {@code maxpool} kernel and stride. The layers of a residual CNN ({@link #GRAPH_LAYER_TYPES}):
     * <ul>
     *   <li>{@code batchnorm}: batch normalisation of the channels (or units) below (Ioffe and Szegedy 2015, Alg. 1-2);
     *       no fields.</li>
     *   <li>{@code depthwise}: a depthwise convolution, one kernel x kernel filter per input channel (depth multiplier 1),
     *       zero-padded ("same"), with stride; {@code units} may be left 0 (it keeps the channels). Followed by a 1x1
     *       {@code conv} it is the depthwise separable convolution of MobileNet (Howard et al. 2017, Sec. 3.1).</li>
     *   <li>{@code residual}: the basic block of He et al. 2016 (Sec. 3.3, Fig. 2 and 5 left; torchvision's
     *       {@code BasicBlock}): conv kernel x kernel (stride) - BN - ReLU - conv kernel x kernel - BN, plus the
     *       shortcut, then ReLU. {@code units} output channels; {@code shortcut} {@code identity} (needs the same
     *       channels and stride 1) or {@code projection} (a 1x1 convolution with the stride, then BN, option B of
     *       Sec. 3.3); left out, identity when the shapes allow it, projection otherwise. Convolutions are zero-padded and
     *       have no bias (BN supplies it).</li>
     *   <li>{@code globalavgpool}: the mean of each channel over the map (He et al. 2016, Sec. 3.4: "global average
     *       pooling"); no fields.</li>
     * </ul>
     */
    public static final class LayerSpec {
        public String type;
        public int units;
        public int kernel;
        public int stride = 1;
        public String activation;
        /**
         * {@code conv} only, optional: fixed kernels, one array of inChannels x kernel x kernel values (channel, row,
         * column order) per filter. The layer starts from them with bias 0 and is never trained (the net-fragment study's model 11).
         */
        public double[][] fixedKernels;
        /** {@code residual} only, optional: {@code identity} or {@code projection} (see {@link #SHORTCUTS}). */
        public String shortcut;

        public LayerSpec() { }

        LayerSpec(String type, int units, int kernel, int stride, String activation) {
            this.type = type;
            this.units = units;
            this.kernel = kernel;
            this.stride = stride;
            this.activation = activation;
        }
    }

    /** Names of the presets that are chains of layers (MultiLayerNetworks), which every analysis reads. */
    public static List<String> presetNames() {
        return Arrays.asList("mlp-seed000", "mlp-512", "lenet", "cnn-mapper");
    }

    /** Names of the presets that are residual CNNs (ComputationGraphs, {@link #needsGraph()}). */
    public static List<String> graphPresetNames() {
        return Arrays.asList("resnet-mini");
    }

    /** Names of every preset: {@link #presetNames()}, then {@link #graphPresetNames()}. */
    public static List<String> allPresetNames() {
        List<String> all = new ArrayList<>(presetNames());
        all.addAll(graphPresetNames());
        return all;
    }

    /**
     * A preset:
     * <ul>
     *   <li>{@code mlp-seed000}: Darnell and Leonard, Section 4: 784-50-50-50-10, ReLU, dropout 0.2 after each hidden layer,
     *       softmax output, 20 epochs. The paper names no optimiser; Adam with learning rate 1e-3 and batch 64 are
     *       ours. Weights start from PyTorch's default initialisation (the paper's code is PyTorch-style: its
     *       untrained average weighted degree 1.15 is what that initialisation gives, see {@link ModelFactory}).</li>
     *   <li>{@code mlp-512}: Mostafa and Mondal, Table 1 (MNIST and Fashion-MNIST rows): 784-512-512-10, ReLU, softmax output,
     *       dropout layers, 20 iterations. The paper gives neither the dropout rate, the optimiser nor the batch size;
     *       we use dropout 0.2, Adam 1e-3 and batch 64.</li>
     *   <li>{@code lenet}: Darnell and Leonard, Section 4 (issue 6): conv 5x5 6 filters, max-pool 2, conv 5x5 16, max-pool 2, dense
     *       120, 84, softmax 10, ReLU, PyTorch's default initialisation as the paper's PyTorch LeNet; 10 epochs (the
     *       paper's Fig. 3), Adam 1e-3, batch 64 (not stated).</li>
     *   <li>{@code cnn-mapper}: Brüel Gabrielsson's improved model (Section 7: "only 64 hidden nodes in the first convolutional
     *       layer, 8 hidden nodes in the second convolutional layer, and 512 hidden nodes in the fully connected
     *       layer") in Section 4's structure: conv 5x5 stride 1 64 filters, ReLU, max-pool 2 stride 2, conv 5x5 8,
     *       ReLU, max-pool 2 stride 2, dense 512 ReLU, dropout 0.5, softmax 10 with cross-entropy; batch 100 (Section
     *       7). Section 4's layer list is, heading for heading ("Densely Connected Layer", "Readout Layer"),
     *       TensorFlow's "Deep MNIST for Experts" tutorial, so the initialisation is taken from it: weights
     *       N(0, 0.1^2) truncated at two standard deviations and biases 0.1 ({@code truncated-normal-0.1}; Section 5
     *       says "a Gaussian distribution with mean 0 and variance 0.1", which we read as the tutorial's standard
     *       deviation 0.1). The optimiser is not stated; we use Adam with learning rate 1e-3, not the tutorial's 1e-4,
     *       because Section 6 reports 100% accuracy on the circles and squares after 40 batch iterations: with 1e-3
     *       this preset (2 outputs, batch 50, 2,000 training images of our {@code CircleSquareImages}, seed 42)
     *       reaches 1.000 test accuracy after 40 batches, with 1e-4 only 0.83 (on the shipped MNIST sample, 200
     *       batches of 100: 0.944 against 0.844). The
     *       tutorial pads its convolutions ("SAME", 28-14-7); {@link ModelFactory} does not pad, so the
     *       maps are 28-24-12-8-4 and the dense layer sees 8 x 4 x 4 = 128 inputs. Section 7 trains 10,000 batches
     *       ({@link Trainer#trainBatches}); {@code epochs} 17 is the whole-epoch equivalent on MNIST's 60,000 images.
     *       For the circle-versus-square data (Section 6) use {@link #withClasses(int) withClasses(2)}.</li>
     *   <li>{@code resnet-mini}: a ResNet narrowed for 28x28 digits (He et al. 2016, Sec. 3.3-4.2, the CIFAR-10 ResNets'
     *       plan of three stages that halve the map and double the filters, one basic block each): conv 3x3 8 filters
     *       (no padding: 26x26) - BN - ReLU, residual 8 (identity shortcut), residual 16 stride 2 (projection, 13x13),
     *       residual 32 stride 2 (projection, 7x7), global average pooling, softmax 10; He initialisation
     *       ({@code relu}), Adam 1e-3, batch 64, 5 epochs (ours). A DL4J ComputationGraph.</li>
     * </ul>
     */
    public static ModelSpec preset(String name) {
        ModelSpec s = new ModelSpec();
        s.name = name;
        switch (name) {
            case "mlp-seed000":
                s.layers.add(new LayerSpec("dense", 50, 0, 1, "relu"));
                s.layers.add(new LayerSpec("dense", 50, 0, 1, "relu"));
                s.layers.add(new LayerSpec("dense", 50, 0, 1, "relu"));
                s.layers.add(new LayerSpec("output", 10, 0, 1, "softmax"));
                s.dropout = 0.2;
                s.weightInit = "pytorch-default";
                return s;
            case "mlp-512":
                s.layers.add(new LayerSpec("dense", 512, 0, 1, "relu"));
                s.layers.add(new LayerSpec("dense", 512, 0, 1, "relu"));
                s.layers.add(new LayerSpec("output", 10, 0, 1, "softmax"));
                s.dropout = 0.2;
                s.weightInit = "xavier";
                return s;
            case "lenet":
                s.layers.add(new LayerSpec("conv", 6, 5, 1, "relu"));
                s.layers.add(new LayerSpec("maxpool", 0, 2, 2, null));
                s.layers.add(new LayerSpec("conv", 16, 5, 1, "relu"));
                s.layers.add(new LayerSpec("maxpool", 0, 2, 2, null));
                s.layers.add(new LayerSpec("dense", 120, 0, 1, "relu"));
                s.layers.add(new LayerSpec("dense", 84, 0, 1, "relu"));
                s.layers.add(new LayerSpec("output", 10, 0, 1, "softmax"));
                s.weightInit = "pytorch-default";
                s.epochs = 10;
                return s;
            case "cnn-mapper":
                s.layers.add(new LayerSpec("conv", 64, 5, 1, "relu"));
                s.layers.add(new LayerSpec("maxpool", 0, 2, 2, null));
                s.layers.add(new LayerSpec("conv", 8, 5, 1, "relu"));
                s.layers.add(new LayerSpec("maxpool", 0, 2, 2, null));
                s.layers.add(new LayerSpec("dense", 512, 0, 1, "relu"));
                s.layers.add(new LayerSpec("output", 10, 0, 1, "softmax"));
                s.dropout = 0.5;
                s.weightInit = "truncated-normal-0.1";
                s.learningRate = 1e-3;
                s.batchSize = 100;
                s.epochs = 17;
                return s;
            case "resnet-mini":
                s.layers.add(new LayerSpec("conv", 8, 3, 1, "identity"));
                s.layers.add(new LayerSpec("batchnorm", 0, 0, 1, "relu"));
                s.layers.add(new LayerSpec("residual", 8, 3, 1, null));
                s.layers.add(new LayerSpec("residual", 16, 3, 2, null));
                s.layers.add(new LayerSpec("residual", 32, 3, 2, null));
                s.layers.add(new LayerSpec("globalavgpool", 0, 0, 1, null));
                s.layers.add(new LayerSpec("output", 10, 0, 1, "softmax"));
                s.weightInit = "relu";
                s.epochs = 5;
                return s;
            default:
                throw new IllegalArgumentException("unknown model preset '" + name + "'; presets: " + allPresetNames());
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** This spec as JSON. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** Parses and validates a spec. */
    public static ModelSpec fromJson(String json, String source) {
        ModelSpec s;
        try {
            s = GSON.fromJson(json, ModelSpec.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(source + ": not a model spec (" + e.getMessage() + ")");
        }
        if (s == null) throw new IllegalArgumentException(source + ": empty model spec");
        try {
            return s.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** Reads and validates a spec file. */
    public static ModelSpec read(Path file) throws IOException {
        return fromJson(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8), file.toString());
    }

    /** A deep copy. */
    public ModelSpec copy() {
        return GSON.fromJson(toJson(), ModelSpec.class);
    }

    /**
     * A copy whose output layer has {@code classes} units, e.g. {@code preset("cnn-mapper").withClasses(2)} for seed
     * 002's circle-versus-square data (Section 6). The name is kept.
     */
    public ModelSpec withClasses(int classes) {
        if (classes < 2) throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        ModelSpec s = copy();
        if (s.layers == null || s.layers.isEmpty()) throw new IllegalArgumentException("model " + name + " has no layers");
        s.layers.get(s.layers.size() - 1).units = classes;
        return s.validate();
    }

    /** The number of units of the last layer (the output layer of a valid spec). */
    public int outputUnits() {
        return layers.get(layers.size() - 1).units;
    }

    /**
     * Checks every field and returns this spec.
     *
     * @throws IllegalArgumentException naming the first field out of range
     */
    public ModelSpec validate() {
        if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException("name is missing");
        positive("channels", channels);
        positive("height", height);
        positive("width", width);
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("layers is empty");
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String at = "layers[" + i + "]";
            if (l == null || l.type == null || !LAYER_TYPES.contains(l.type)) {
                throw new IllegalArgumentException(at + ".type must be one of " + LAYER_TYPES + ", got " + (l == null ? null : l.type));
            }
            boolean noUnits = l.type.equals("maxpool") || l.type.equals("batchnorm") || l.type.equals("depthwise") || l.type.equals("globalavgpool");
            if (!noUnits) positive(at + ".units", l.units);
            if (l.type.equals("conv") || l.type.equals("maxpool") || l.type.equals("depthwise") || l.type.equals("residual")) positive(at + ".kernel", l.kernel);
            if (l.shortcut != null && !l.type.equals("residual")) throw new IllegalArgumentException(at + ".shortcut: only a residual block has a shortcut");
            if (l.shortcut != null && !SHORTCUTS.contains(l.shortcut)) throw new IllegalArgumentException(at + ".shortcut must be one of " + SHORTCUTS + ", got " + l.shortcut);
            if (l.fixedKernels != null) {
                if (!l.type.equals("conv")) throw new IllegalArgumentException(at + ".fixedKernels: only a conv layer can have fixed kernels");
                if (l.fixedKernels.length != l.units) throw new IllegalArgumentException(at + ".fixedKernels: " + l.fixedKernels.length + " kernels for " + l.units + " filters");
                for (double[] k : l.fixedKernels) {
                    if (k == null || k.length == 0 || k.length % (l.kernel * l.kernel) != 0) {
                        throw new IllegalArgumentException(at + ".fixedKernels: each kernel needs inChannels x " + l.kernel + " x " + l.kernel + " values");
                    }
                    for (double v : k) if (!Double.isFinite(v)) throw new IllegalArgumentException(at + ".fixedKernels: a value is " + v);
                }
            }
            positive(at + ".stride", l.stride);
            if (l.type.equals("output") && i != layers.size() - 1) throw new IllegalArgumentException(at + ": the output layer must be the last");
        }
        if (!layers.get(layers.size() - 1).type.equals("output")) throw new IllegalArgumentException("the last layer must have type output");
        if (needsGraph()) new SpecShapes(this); // channels and map sizes through the blocks, refused naming the field
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout (probability of dropping a unit) must be in [0, 1), got " + dropout);
        if (!WEIGHT_INITS.contains(weightInit)) throw new IllegalArgumentException("weightInit must be one of " + WEIGHT_INITS + ", got " + weightInit);
        if (!UPDATERS.contains(updater)) throw new IllegalArgumentException("updater must be one of " + UPDATERS + ", got " + updater);
        if (!(learningRate > 0 && learningRate < 10)) throw new IllegalArgumentException("learningRate must be in (0, 10), got " + learningRate);
        positive("batchSize", batchSize);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        return this;
    }

    private static void positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be >= 1, got " + value);
    }

    /** Layer sizes as the papers write them, e.g. {@code 784-50-50-50-10} (for a CNN, the filter counts). */
    public String sizes() {
        StringBuilder b = new StringBuilder(String.valueOf(hasConv() ? channels : channels * height * width));
        for (LayerSpec l : layers) if (!l.type.equals("maxpool") && !(GRAPH_LAYER_TYPES.contains(l.type) && l.units == 0)) b.append('-').append(l.units);
        return b.toString();
    }

    /** True when a layer is a convolution (plain, depthwise or in a residual block). */
    public boolean hasConv() {
        for (LayerSpec l : layers) if (l.type.equals("conv") || l.type.equals("depthwise") || l.type.equals("residual")) return true;
        return false;
    }

    /**
     * True when a layer is one of {@link #GRAPH_LAYER_TYPES}: the network is then a DL4J ComputationGraph
     * ({@link GraphModelFactory}), otherwise a MultiLayerNetwork ({@link ModelFactory#build}).
     */
    public boolean needsGraph() {
        for (LayerSpec l : layers) if (l != null && GRAPH_LAYER_TYPES.contains(l.type)) return true;
        return false;
    }

    @Override
    public String toString() {
        return name + " (" + sizes() + ")";
    }
}
