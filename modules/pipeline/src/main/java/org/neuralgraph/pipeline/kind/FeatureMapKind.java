package org.neuralgraph.pipeline.kind;

import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.featuremap.FeatureMapGraph;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.pipeline.model.ClassNeed;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The feature-map graph of a CNN (Darnell and Leonard, Section 4): one convolution layer's composite map, averaged over
 * the test images (of one class, or all), becomes a graph whose nodes are its brightest (or darkest) pixels, linked to
 * their spatial neighbours or to pixels of nearly equal value ({@link FeatureMapGraph}). Nodes keep their place on the
 * pixel grid (columns {@code row}, {@code col}).
 */
public final class FeatureMapKind implements GraphKind {

    public static final String ID = "feature-map";

    /** The adjacency choices, in {@link FeatureMapGraph.Adjacency} order. */
    public static final String[] ADJACENCY = {"spatial-4", "spatial-8", "value"};

    private static final List<Parameter> PARAMETERS = Collections.unmodifiableList(Arrays.asList(
            Parameter.integer("layer", "Convolution layer", 1, 1, 1000).described("The convolution layer, 1 = first.", ""),
            Parameter.integer("channel", "Channel", -1, -1, 100_000).described("One channel's map, or -1 for the mean over channels.", ""),
            Parameter.integer("class", "Class", -1, -1, 100_000)
                    .described("The class whose images are averaged, or -1 for all test images.", Papers.DARNELL_LEONARD + ", Fig. 5"),
            Parameter.decimal("percent", "Percent of pixels as nodes", 10, 0, true, 100, false)
                    .described("Share of pixels that become nodes (the paper: brightest 10 %, darkest 90 %).", Papers.DARNELL_LEONARD + ", Section 4"),
            Parameter.flag("darkest", "Darkest pixels instead of brightest"),
            Parameter.choice("adjacency", "Edges", "spatial-4", ADJACENCY)
                    .described("spatial-4 or spatial-8: pixels next to each other; value: pixels whose values differ by less than the offset.",
                            Papers.DARNELL_LEONARD + ", Section 4"),
            Parameter.decimal("offset-fraction", "Value offset, share of max - min", FeatureMapGraph.DEFAULT_OFFSET_FRACTION, 0, true, 1, false)
                    .described("Value adjacency: the offset as a share of the map's max - min (the paper gives none; about one grey "
                            + "level of an 8-bit map, as its Fig. 1c).", ""),
            Parameter.decimal("weight-cap", "Value weight cap", FeatureMapGraph.DEFAULT_WEIGHT_CAP, 1, false, Double.MAX_VALUE, false)
                    .described("Value adjacency: cap of offset / difference, the weight of equal values.", "")));

    @Override public String id() { return ID; }
    @Override public String title() { return "Feature-map graph"; }
    @Override public String description() { return "the brightest (or darkest) pixels of a CNN's composite feature map"; }
    @Override public String reference() { return Papers.DARNELL_LEONARD + ", Section 4"; }
    @Override public List<Parameter> parameters() { return PARAMETERS; }
    @Override public String defaultModel() { return "lenet"; }
    @Override public InputImages inputs() { return InputImages.TEST; }

    @Override
    public ClassNeed classNeed(ParameterValues values) {
        int cls = values.integer("class");
        return cls < 0 ? null : ClassNeed.testClass(cls, "Feature map", "Feature map: class " + cls + " averages the test images of that class");
    }

    @Override
    public void checkBeforeTraining(ModelSpec spec, ParameterValues values) {
        List<ModelSpec.LayerSpec> conv = new java.util.ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers) if (l.type.equals("conv")) conv.add(l);
        int layer = values.integer("layer");
        if (layer > conv.size()) throw new ParameterException(values.parameter("layer"), "is " + layer + ", but " + spec + " has " + conv.size() + " convolution layers");
        checkChannel(values, conv.get(layer - 1).units);
        ModelSpec.LayerSpec out = spec.layers.get(spec.layers.size() - 1);
        checkClass(values, out.units);
    }

    private static void checkChannel(ParameterValues values, int channels) {
        int channel = values.integer("channel");
        if (channel >= channels) {
            throw new ParameterException(values.parameter("channel"), "is " + channel + ", but layer " + values.integer("layer") + " has "
                    + channels + " channels (0 to " + (channels - 1) + ", or -1 for their mean)");
        }
    }

    private static void checkClass(ParameterValues values, int classes) {
        int cls = values.integer("class");
        if (cls >= classes) {
            throw new ParameterException(values.parameter("class"), "is " + cls + ", but the model has " + classes
                    + " classes (0 to " + (classes - 1) + ", or -1 for all images)");
        }
    }

    /** The composite maps of the chosen convolution layer. */
    public CompositeMaps maps(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        List<CompositeMaps> layers = in.featureMaps(monitor);
        int layer = values.integer("layer");
        if (layer > layers.size()) {
            throw new ParameterException(values.parameter("layer"), "is " + layer + ", but the model has " + layers.size() + " convolution layers");
        }
        return layers.get(layer - 1);
    }

    /** The graph of {@code map} (one of {@link #maps}' maps) as the values say, without the checkpoint's attributes. */
    public static NeuralGraph graph(double[] map, int height, int width, ParameterValues values) {
        FeatureMapGraph.Adjacency adjacency = FeatureMapGraph.Adjacency.values()[Arrays.asList(ADJACENCY).indexOf(values.text("adjacency"))];
        boolean brightest = !values.flag("darkest");
        return adjacency == FeatureMapGraph.Adjacency.VALUE
                ? FeatureMapGraph.value(map, height, width, brightest, values.decimal("percent"), values.decimal("offset-fraction"), values.decimal("weight-cap"))
                : FeatureMapGraph.spatial(map, height, width, brightest, values.decimal("percent"), adjacency);
    }

    @Override
    public NeuralGraph build(CheckpointInputs in, ParameterValues values, ProgressMonitor monitor) throws IOException {
        CompositeMaps maps = maps(in, values, monitor);
        int cls = values.integer("class"), channel = values.integer("channel");
        checkClass(values, maps.classes());
        checkChannel(values, maps.channels());
        NeuralGraph g = graph(maps.map(cls, channel), maps.height(), maps.width(), values);
        return in.withCheckpoint(g.withGraphAttributes(Collections.singletonMap("class", cls < 0 ? "all" : String.valueOf(cls))));
    }

    @Override
    public String name(ParameterValues values, String modelName) {
        int cls = values.integer("class");
        return "feature map L" + values.integer("layer") + (cls < 0 ? "" : " class " + cls);
    }
}
