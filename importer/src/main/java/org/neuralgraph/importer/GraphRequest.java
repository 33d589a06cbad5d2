package org.neuralgraph.importer;

import org.neuralgraph.core.activation.ActivationPatternGraph;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.featuremap.FeatureMapGraph;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.io.FileTrees;
import org.neuralgraph.core.mapper.Lens;
import org.neuralgraph.core.mapper.MapperGraph;
import org.neuralgraph.core.mapper.MapperParameters;
import org.neuralgraph.core.geometry.Metric;
import org.neuralgraph.core.netfragment.SegmentDigits;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.dl4j.ActivationMaximisation;
import org.neuralgraph.dl4j.ActivationRecorder;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.FeatureMapRecorder;
import org.neuralgraph.dl4j.FirstLayerFilters;
import org.neuralgraph.dl4j.ModelLoader;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.NetFragmentGraphs;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.RecordedActivations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * What the user asked for in Gephi: a model (a preset to train, or a DL4J model zip, run directory, ONNX or Keras .h5 file to open),
 * the data to train on, the graph kind and which checkpoint to build it for. Remembered between runs in the
 * module's preferences. The work itself is the same as the command line's: {@link Trainer} or {@link ModelLoader},
 * then {@link CheckpointGraphs} for weight graphs and line graphs, or {@link ActivationRecorder} and
 * {@link ActivationPatternGraph} for activation pattern graphs (recorded on the training set, as seed 001 does), or
 * {@link NetFragmentGraphs} over seed 003's ten digits for one of its models ({@code nf-1} to {@code nf-11}: the
 * trained models shipped inside the plugin, or a run of {@code neuralgraph netfragments}), or seed 002's Mapper graph of
 * the first convolution layer's filters ({@link FirstLayerFilters}, then {@link MapperGraph#ofFilters}: rows
 * standardised, the densest {@link #mapperPercent} % by distance to the {@link #mapperK}-th neighbour kept, then the
 * Mapper).
 */
final class GraphRequest {

    /** The graph kinds. */
    enum Kind { WEIGHTS, ACTIVATIONS, LINE_GRAPH, FEATURE_MAP, NEURON_CLASS, CONTRIBUTION, MAPPER }

    /** The Mapper graph's lenses, in the order the generator offers them (seed 002: Section 7's two PCA lenses first). */
    enum MapperLens {
        PCA_2("pca-2"), PCA_1("pca-1"), NEIGHBOURHOOD("neighbourhood"), DENSITY("density");

        /** The short name used in workspace titles. */
        final String label;

        MapperLens(String label) { this.label = label; }

        /** Lens coordinates: 2 for PCA 2 and the neighbourhood lens, 1 otherwise. */
        int dimensions() { return this == PCA_2 || this == NEIGHBOURHOOD ? 2 : 1; }

        /** The lens; the neighbourhood and density lenses use the density filtration's k. */
        Lens lens(int k) {
            return Lens.named(label, k);
        }
    }

    /** The Mapper graph's metrics, in the order the generator offers them (the paper's variance-normalised one first). */
    static final Metric[] MAPPER_METRICS = {Metric.VARIANCE_NORMALISED_EUCLIDEAN, Metric.EUCLIDEAN};

    /** A preset name, or the path of a model zip, run directory, ONNX or Keras .h5 file. */
    String model = "mlp-seed000";
    /** Empty: the MNIST sample shipped inside the plugin. */
    String data = "";
    Kind kind = Kind.WEIGHTS;
    int epochs = 5;
    int checkpoints = 2;
    /** Index into the checkpoints; -1 is the last. */
    int checkpoint = -1;
    long seed = 42;
    boolean mixed;
    /** Also put every other checkpoint into a workspace of its own, named by epoch and test accuracy. */
    boolean otherCheckpoints;
    /**
     * Generate every checkpoint's graph as one dynamic graph instead (issue 10): Gephi's timeline then plays the
     * training. Not for Mapper graphs, whose nodes are clusters with no identity from one checkpoint to the next.
     */
    boolean timeline;
    String sparsification = "none";
    /** Activation pattern graphs: the hidden dense layer; feature-map graphs: the convolution layer; 1-based. */
    int layer = 1;
    /** Activation pattern graphs: S, neurons per class. */
    int neuronsPerClass = ActivationPatternGraph.DEFAULT_S;
    /** Line graphs: the largest-|w| weights kept per layer (784-50-50-50-10 in full would have about 2.1 million links). */
    int weightsPerLayer = 500;
    /** Feature-map graphs: the class whose composite map is drawn, -1 for all test images. */
    int mapClass = -1;
    /** Feature-map graphs: share of pixels that become nodes, brightest unless {@link #mapDarkest}. */
    double mapPercent = 10;
    boolean mapDarkest;
    FeatureMapGraph.Adjacency mapAdjacency = FeatureMapGraph.Adjacency.SPATIAL_4;
    double mapOffsetFraction = FeatureMapGraph.DEFAULT_OFFSET_FRACTION;
    /** Contribution graphs: the digit whose image is followed through the network. */
    int digit = 8;
    /** Mapper graphs: the lens (seed 002, Section 7: two PCA lenses). */
    MapperLens mapperLens = MapperLens.PCA_2;
    /** Mapper graphs: the metric of the clustering and of the neighbourhood and density lenses (Section 4). */
    Metric mapperMetric = MapperParameters.DEFAULT_METRIC;
    /** Mapper graphs: intervals per lens coordinate. */
    int mapperIntervals = MapperParameters.DEFAULT_INTERVALS;
    /** Mapper graphs: the share of an interval that overlaps its neighbour, in [0, 1). */
    double mapperOverlap = MapperParameters.DEFAULT_OVERLAP;
    /** Mapper graphs: the density filtration's k (Section 4: 5), also the k of the neighbourhood and density lenses. */
    int mapperK = MapperParameters.defaults().k();
    /** Mapper graphs: the density filtration's p, percent of the filters kept (Section 4: 20). */
    double mapperPercent = MapperParameters.defaults().percent();

    /** The run directory of the last training: temporary, deleted when the JVM (Gephi) exits. */
    Path trainedRun;

    boolean trains() {
        return ModelSpec.presetNames().contains(model) || model.endsWith(".json");
    }

    /** The run that {@link #build} trained or opened. */
    TrainingRun run;
    /** The index of the checkpoint {@link #build} returned. */
    int builtIndex;
    /** The training samples (labels shuffled for the Mixed control) whose activations are recorded. */
    private LabeledImages trainingData;
    /** The test samples whose feature maps are averaged (seed 000 uses the test set). */
    private LabeledImages testData;
    /** Seed 003's ten digits, for the net-fragment kinds. */
    private LabeledImages digits;

    /** Builds the requested graph, training first if asked to. */
    NeuralGraph build(ProgressMonitor monitor) throws IOException {
        if (kind == Kind.WEIGHTS) Sparsification.parse(sparsification);
        if (layer < 1) throw new IllegalArgumentException("Layer must be >= 1, got " + layer);
        if (neuronsPerClass < 1) throw new IllegalArgumentException("Neurons per class must be >= 1, got " + neuronsPerClass);
        if (weightsPerLayer < 1) throw new IllegalArgumentException("Weights per layer must be >= 1, got " + weightsPerLayer);
        if (kind == Kind.FEATURE_MAP) {
            if (!(mapPercent > 0 && mapPercent <= 100)) throw new IllegalArgumentException("Feature map: percent must be in (0, 100], got " + mapPercent);
            if (!(mapOffsetFraction > 0 && mapOffsetFraction <= 1)) throw new IllegalArgumentException("Feature map: offset fraction must be in (0, 1], got " + mapOffsetFraction);
            if (mapClass < -1) throw new IllegalArgumentException("Feature map: class must be >= 0, or -1 for all images, got " + mapClass);
        }
        MapperParameters mapper = kind == Kind.MAPPER ? mapperParameters() : null;
        if (timeline && kind == Kind.MAPPER) {
            throw new IllegalArgumentException("Timeline: a Mapper graph's nodes are clusters of filters that have no identity from one "
                    + "checkpoint to the next, so its checkpoints cannot be one dynamic graph; untick the timeline");
        }
        if (netFragments()) {
            if (digit < 0 || digit > 9) throw new IllegalArgumentException("Net fragments: digit must be 0-9, got " + digit);
            digits = SegmentDigits.standard().images();
        }
        Path dir = data.trim().isEmpty() ? ShippedSample.directory() : Paths.get(data.trim());
        TrainingRun run;
        if (ShippedSample.isNetFragmentModel(model)) {
            run = ModelLoader.open(ShippedSample.netFragmentModel(model));
        } else if (trains()) {
            ModelSpec spec = model.endsWith(".json") ? ModelSpec.read(Paths.get(model)) : ModelSpec.preset(model);
            spec.seed = seed;
            spec.epochs = epochs;
            spec.validate();
            if (kind == Kind.ACTIVATIONS) checkLayer(spec);
            if (kind == Kind.FEATURE_MAP) checkConvolution(spec);
            if (kind == Kind.MAPPER) checkMapperFilters(spec, mapper);
            if (netFragments() && (spec.height != 9 || spec.width != 9 || spec.channels != 1)) {
                throw new IllegalArgumentException("Net fragments: " + spec + " reads " + spec.height + "x" + spec.width
                        + " images, not seed 003's 9x9 digits: choose one of its models, nf-1 to nf-11");
            }
            if (kind == Kind.LINE_GRAPH && spec.hasConv()) {
                throw new IllegalArgumentException("Line graph: " + spec + " has convolution layers; the line graph covers dense layers only");
            }
            TrainTestData d = ImageDataSource.load(dir, 0.2, seed);
            trainingData = mixed ? d.train().withShuffledLabels(seed) : d.train();
            testData = d.test();
            trainedRun = Files.createTempDirectory("neuralgraph-run");
            Files.delete(trainedRun);
            FileTrees.deleteAtExit(trainedRun); // later checkpoints are read from it while Gephi runs
            run = Trainer.train(spec, new TrainTestData(trainingData, d.test(), d.description()), checkpoints, trainedRun, mixed, monitor);
        } else {
            run = ModelLoader.open(Paths.get(model));
            if (kind == Kind.ACTIVATIONS) {
                LabeledImages train = ImageDataSource.load(dir, 0.2, seed).train();
                trainingData = mixed ? train.withShuffledLabels(seed) : train;
            }
            if (kind == Kind.FEATURE_MAP) testData = ImageDataSource.load(dir, 0.2, seed).test();
        }
        LabeledImages fed = kind == Kind.ACTIVATIONS ? trainingData : kind == Kind.FEATURE_MAP ? testData : netFragments() ? digits : null;
        if (!trains() && fed != null) run.checkpoints().get(0).checkInput(fed.rows(), fed.cols());
        int n = run.checkpoints().size();
        int index = checkpoint < 0 ? n - 1 : checkpoint;
        if (index >= n) throw new IllegalArgumentException("Checkpoint " + index + " does not exist: the model has " + n + " checkpoints");
        monitor.checkCancelled();
        this.run = run;
        this.builtIndex = index;
        return graphOf(index, monitor);
    }

    /** The layer and S must fit the model: said before training rather than after. */
    private void checkLayer(ModelSpec spec) {
        List<Integer> widths = new java.util.ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers) if (l.type.equals("dense")) widths.add(l.units);
        if (layer > widths.size()) {
            throw new IllegalArgumentException("Layer " + layer + " does not exist: " + spec + " has " + widths.size() + " hidden fully connected layers");
        }
        if (neuronsPerClass > widths.get(layer - 1)) {
            throw new IllegalArgumentException("Neurons per class " + neuronsPerClass + " is more than the " + widths.get(layer - 1)
                    + " neurons of layer " + layer);
        }
    }

    /** A feature-map graph needs a convolution layer numbered {@link #layer}: said before training. */
    private void checkConvolution(ModelSpec spec) {
        long conv = spec.layers.stream().filter(l -> l.type.equals("conv")).count();
        if (layer > conv) throw new IllegalArgumentException("Feature map: layer " + layer + " does not exist: " + spec + " has " + conv + " convolution layers");
    }

    /**
     * The Mapper's parameters from the request's fields, each checked by the core and named.
     *
     * @throws IllegalArgumentException "Mapper: " and the field that is out of range
     */
    MapperParameters mapperParameters() {
        try {
            if (mapperLens == null) throw new IllegalArgumentException("lens must not be null");
            return MapperParameters.defaults().withMetric(mapperMetric).withIntervals(mapperIntervals).withOverlap(mapperOverlap)
                    .withK(mapperK).withPercent(mapperPercent).withLens(mapperLens.lens(mapperK)).withSeed(seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Mapper: " + e.getMessage(), e);
        }
    }

    /**
     * A Mapper graph takes the first convolution layer's filters, and needs enough of them: said before training. The
     * rule is {@link #checkFilterCount}'s.
     */
    private static void checkMapperFilters(ModelSpec spec, MapperParameters p) {
        ModelSpec.LayerSpec first = spec.layers.stream().filter(l -> l.type.equals("conv")).findFirst().orElse(null);
        if (first == null) {
            throw new IllegalArgumentException("Mapper: " + spec + " has 0 convolution layers; the Mapper graph takes the first convolution layer's filters");
        }
        checkFilterCount(first.units, String.valueOf(spec.name), p);
    }

    /**
     * The density filtration needs more than k filters (the k-th nearest neighbour of a filter is among the others), and
     * the Mapper more than k of the filters it keeps: fewer give a graph of a handful of points (one, for LeNet's 6
     * filters at p = 20 %), and the neighbourhood and density lenses cannot be computed on them at all.
     */
    static void checkFilterCount(int filters, String model, MapperParameters p) {
        int k = p.k();
        if (filters <= k) {
            throw new IllegalArgumentException("Mapper: " + model + "'s first convolution layer has " + filters + " filters; the density filtration's k-th"
                    + " nearest neighbour needs more than k points: k = " + k + ", n = " + filters + ". Lower k or choose a model with more filters"
                    + " (cnn-mapper has 64)");
        }
        int kept = Math.max(1, (int) Math.round(p.percent() / 100 * filters)); // DensityFiltration's rule: round(p % of n), at least 1
        if (kept <= k) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "Mapper: %s's first convolution layer has %d filters, and the"
                            + " densest %s %% of them %s; the Mapper needs more than k filters: k = %d, n = %d. Raise the percent, lower k or"
                            + " choose a model with more filters (cnn-mapper has 64)",
                    model, filters, number(p.percent()), kept == 1 ? "is 1 filter" : "are " + kept + " filters", k, kept));
        }
    }

    private static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }

    /** Seed 003's graph kinds, built over its ten 9x9 digits. */
    boolean netFragments() {
        return kind == Kind.NEURON_CLASS || kind == Kind.CONTRIBUTION;
    }

    /** The activations recorded by the last {@link #graphOf} of an activation pattern graph, or null. */
    RecordedActivations recorded;

    /** The requested kind of graph for checkpoint {@code index} of the run that {@link #build} made or opened. */
    NeuralGraph graphOf(int index, ProgressMonitor monitor) throws IOException {
        if (kind == Kind.WEIGHTS) return CheckpointGraphs.weightGraph(run, index, Sparsification.parse(sparsification));
        if (kind == Kind.LINE_GRAPH) return CheckpointGraphs.lineGraph(run, index, weightsPerLayer);
        if (kind == Kind.FEATURE_MAP) return featureMapGraph(index, monitor);
        if (kind == Kind.MAPPER) return mapperGraph(index);
        if (kind == Kind.NEURON_CLASS) {
            ActivationMaximisation maximisation = new ActivationMaximisation(ActivationMaximisation.DEFAULT_STEPS, ActivationMaximisation.DEFAULT_LEARNING_RATE,
                    ActivationMaximisation.DEFAULT_LAMBDA, ActivationMaximisation.DEFAULT_START_NOISE, seed);
            return CheckpointGraphs.withCheckpoint(NetFragmentGraphs.neuronClassGraph(run.checkpoints().get(index).load(), digits, maximisation, monitor), run, index);
        }
        if (kind == Kind.CONTRIBUTION) {
            return CheckpointGraphs.withCheckpoint(NetFragmentGraphs.contributionGraph(run.checkpoints().get(index).load(),
                    CheckpointGraphs.modelName(run), digits, digit), run, index);
        }
        List<LayerActivations> layers = ActivationRecorder.record(run.checkpoints().get(index).load(), trainingData, monitor);
        if (layer > layers.size()) {
            throw new IllegalArgumentException("Layer " + layer + " does not exist: the model has " + layers.size() + " hidden fully connected layers");
        }
        recorded = RecordedActivations.of(layers);
        NeuralGraph g = ActivationPatternGraph.build(layers.get(layer - 1), neuronsPerClass).graph();
        return CheckpointGraphs.withCheckpoint(g, run, index);
    }

    /** The composite map of {@link #layer} (mean over channels) for {@link #mapClass}, as seed 000 builds its graphs. */
    private NeuralGraph featureMapGraph(int index, ProgressMonitor monitor) throws IOException {
        List<CompositeMaps> layers = FeatureMapRecorder.record(run.checkpoints().get(index).load(), testData, monitor);
        if (layer > layers.size()) {
            throw new IllegalArgumentException("Feature map: layer " + layer + " does not exist: the model has " + layers.size() + " convolution layers");
        }
        CompositeMaps maps = layers.get(layer - 1);
        double[] map = maps.map(mapClass, -1);
        NeuralGraph g = mapAdjacency == FeatureMapGraph.Adjacency.VALUE
                ? FeatureMapGraph.value(map, maps.height(), maps.width(), !mapDarkest, mapPercent, mapOffsetFraction, FeatureMapGraph.DEFAULT_WEIGHT_CAP)
                : FeatureMapGraph.spatial(map, maps.height(), maps.width(), !mapDarkest, mapPercent, mapAdjacency);
        return CheckpointGraphs.withCheckpoint(g.withGraphAttributes(java.util.Collections.singletonMap("class", mapClass < 0 ? "all" : String.valueOf(mapClass))), run, index);
    }

    /**
     * Seed 002's Mapper graph of the first convolution layer's filters of checkpoint {@code index} (one point per
     * filter, ids {@code run0/f<o>}).
     *
     * @throws IllegalArgumentException "Mapper: " and why: no convolution layer, too few filters for k, a constant filter
     */
    private NeuralGraph mapperGraph(int index) throws IOException {
        MapperParameters p = mapperParameters();
        String name = CheckpointGraphs.modelName(run);
        try {
            FirstLayerFilters filters = FirstLayerFilters.of(run.checkpoints().get(index).load(), name);
            checkFilterCount(filters.size(), name, p);
            NeuralGraph g = MapperGraph.ofFilters(filters.points(), filters.ids().toArray(new String[0]), p).graph();
            return CheckpointGraphs.withCheckpoint(g, run, index);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("Mapper:") ? e : new IllegalArgumentException("Mapper: " + e.getMessage(), e);
        }
    }

    /** The workspace title of checkpoint {@code index}. */
    String title(int index) {
        return CheckpointGraphs.title(kindName(), run.checkpoints().get(index));
    }

    /** The graph kind as workspace names say it ("weights", "activations L1", ...). */
    String kindName() {
        return kind == Kind.WEIGHTS ? "weights" : kind == Kind.LINE_GRAPH ? "line graph"
                : kind == Kind.FEATURE_MAP ? "feature map L" + layer + (mapClass < 0 ? "" : " class " + mapClass)
                : kind == Kind.NEURON_CLASS ? model + " neuron-class" : kind == Kind.CONTRIBUTION ? model + " contribution, digit " + digit
                : kind == Kind.MAPPER ? "mapper " + mapperLens.label + " " + mapperIntervals + (mapperLens.dimensions() == 2 ? "x" + mapperIntervals : "")
                : "activations L" + layer;
    }

    void save(Preferences p) {
        p.put("model", model);
        p.put("data", data);
        p.put("kind", kind.name());
        p.putInt("epochs", epochs);
        p.putInt("checkpoints", checkpoints);
        p.putInt("checkpoint", checkpoint);
        p.putLong("seed", seed);
        p.putBoolean("mixed", mixed);
        p.putBoolean("otherCheckpoints", otherCheckpoints);
        p.putBoolean("timeline", timeline);
        p.put("sparsification", sparsification);
        p.putInt("layer", layer);
        p.putInt("neuronsPerClass", neuronsPerClass);
        p.putInt("weightsPerLayer", weightsPerLayer);
        p.putInt("mapClass", mapClass);
        p.putDouble("mapPercent", mapPercent);
        p.putBoolean("mapDarkest", mapDarkest);
        p.put("mapAdjacency", mapAdjacency.name());
        p.putDouble("mapOffsetFraction", mapOffsetFraction);
        p.putInt("digit", digit);
        p.put("mapperLens", mapperLens.name());
        p.put("mapperMetric", mapperMetric.name());
        p.putInt("mapperIntervals", mapperIntervals);
        p.putDouble("mapperOverlap", mapperOverlap);
        p.putInt("mapperK", mapperK);
        p.putDouble("mapperPercent", mapperPercent);
    }

    /** A remembered enum value, or {@code fallback} when it is missing or no longer exists. */
    private static <E extends Enum<E>> E enumPreference(Preferences p, String key, E fallback) {
        try {
            return Enum.valueOf(fallback.getDeclaringClass(), p.get(key, fallback.name()));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static GraphRequest load(Preferences p) {
        GraphRequest r = new GraphRequest();
        r.model = p.get("model", r.model);
        r.data = p.get("data", r.data);
        r.kind = enumPreference(p, "kind", Kind.WEIGHTS);
        r.epochs = p.getInt("epochs", r.epochs);
        r.checkpoints = p.getInt("checkpoints", r.checkpoints);
        r.checkpoint = p.getInt("checkpoint", r.checkpoint);
        r.seed = p.getLong("seed", r.seed);
        r.mixed = p.getBoolean("mixed", r.mixed);
        r.otherCheckpoints = p.getBoolean("otherCheckpoints", r.otherCheckpoints);
        r.timeline = p.getBoolean("timeline", r.timeline);
        r.sparsification = p.get("sparsification", r.sparsification);
        r.layer = p.getInt("layer", r.layer);
        r.neuronsPerClass = p.getInt("neuronsPerClass", r.neuronsPerClass);
        r.weightsPerLayer = p.getInt("weightsPerLayer", r.weightsPerLayer);
        r.mapClass = p.getInt("mapClass", r.mapClass);
        r.mapPercent = p.getDouble("mapPercent", r.mapPercent);
        r.mapDarkest = p.getBoolean("mapDarkest", r.mapDarkest);
        r.mapAdjacency = enumPreference(p, "mapAdjacency", FeatureMapGraph.Adjacency.SPATIAL_4);
        r.mapOffsetFraction = p.getDouble("mapOffsetFraction", r.mapOffsetFraction);
        r.digit = p.getInt("digit", r.digit);
        r.mapperLens = enumPreference(p, "mapperLens", MapperLens.PCA_2);
        r.mapperMetric = enumPreference(p, "mapperMetric", MapperParameters.DEFAULT_METRIC);
        r.mapperIntervals = p.getInt("mapperIntervals", r.mapperIntervals);
        r.mapperOverlap = p.getDouble("mapperOverlap", r.mapperOverlap);
        r.mapperK = p.getInt("mapperK", r.mapperK);
        r.mapperPercent = p.getDouble("mapperPercent", r.mapperPercent);
        return r;
    }
}
