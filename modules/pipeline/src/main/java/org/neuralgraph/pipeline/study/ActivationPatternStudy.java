package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.pipeline.kind.GraphKinds;
import java.util.Arrays;
import org.neuralgraph.pipeline.kind.ActivationPatternKind;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.pipeline.model.ClassNeed;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.Workspace;
import org.gephi.statistics.plugin.Modularity;
import org.neuralgraph.core.activation.ActivationPatternGraph;
import org.neuralgraph.core.activation.CommunitySizes;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.activation.UniqueNeurons;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.ActivationEntropy;
import org.neuralgraph.core.stats.CoverModularities;
import org.neuralgraph.core.stats.UndirectedWeights;
import org.neuralgraph.dl4j.ActivationRecorder;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.gephi.ModularitySweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The path from model to files for Mostafa and Mondal's study: for every checkpoint, record the hidden layers' activations on
 * the training set ({@link ActivationRecorder}), build each layer's {@link ActivationPatternGraph}, compute Table 4's
 * modularities of the class cover ({@link CoverModularities}), the unique-neuron matrix (Table 2) and the entropies
 * (Tables 5-6) in plain Java; put the graph into a Gephi workspace, run Gephi's Louvain Modularity at the paper's
 * resolution (Table 3), ForceAtlas2 and export it. The {@link ActivationStudyReport} then correlates every series
 * with accuracy. One checkpoint's activations are in memory at a time.
 */
public final class ActivationPatternStudy implements Study {

    /** What the command line sets. */
    public static final class Settings {
        /** The activation pattern graph's parameters: S ({@code neurons-per-class}); the study sets the layer. */
        public ParameterValues graph = GraphKinds.get(ActivationPatternKind.ID).values(java.util.Collections.emptyMap());
        /** Gephi's resolution convention; Mostafa and Mondal, Section 7.1: 0.5. */
        public double resolution = 0.5;
        public int bins = ActivationEntropy.DEFAULT_BINS;
        public int klbIterations = 10;
        public int layoutIterations = 300;
        /** Drawings (PDF, SVG, PNG) of the first trained and the last checkpoint; GEXF is written for every graph. */
        public Set<GraphFiles.Format> drawings;
        public boolean drawEveryCheckpoint;
        /**
         * Drawings show each neuron as a pie of the classes it represents, coloured by class (the overlapping cover whose
         * quality Eq. 3-4 measure: the overlap is the point of the method); false: one colour per node, its Louvain community.
         */
        public boolean pies = true;
        public boolean correlateUntrained;
        public long seed;
        public String command = "";
        String data = "";
        boolean mixed;
        public boolean dynamic;

        int neuronsPerClass() { return graph.integer("neurons-per-class"); }
    }

    /** One layer at one checkpoint. */
    static final class GraphResult {
        int layer;
        String layerName;
        int neurons;
        int nodes;
        int edges;
        double totalWeight;
        CommunitySizes louvain;
        double louvainModularity;
        CoverModularities quality;
        int[][] unique;
        double entropy;
        List<String> files = new ArrayList<>();
    }

    /** One checkpoint. */
    static final class CheckpointResult {
        int index;
        Checkpoint checkpoint;
        double entropy;
        double[] entropyPerClass;
        final List<GraphResult> layers = new ArrayList<>();
    }

    /** Everything the study found. */
    static final class Result {
        final List<CheckpointResult> checkpoints = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Files of the training as dynamic graphs ({@code --dynamic}), else empty. */
        final List<String> timelineFiles = new ArrayList<>();
        int classes;
        int samples;
        /** Each layer's Louvain communities followed over the checkpoints (issue 26). */
        final CommunityFollowing communities = new CommunityFollowing();
    }

    private final ModelRequest model;
    private final Settings s;
    private CommunityFollowing following;

    public ActivationPatternStudy(ModelRequest model, Settings settings) {
        this.model = model;
        this.s = settings;
        settings.mixed = model.mixed;
        model.need(ClassNeed.everyTrainingClass("the activation pattern study needs images of every class (V_i, Eq. 6, is a mean over class i)"));
    }

    @Override
    public void check() throws IOException {
        if (!(s.resolution > 0) || Double.isInfinite(s.resolution)) throw new IllegalArgumentException("--resolution must be > 0, got " + s.resolution);
        if (s.bins < 1) throw new IllegalArgumentException("--bins must be >= 1, got " + s.bins);
        if (s.klbIterations < 1) throw new IllegalArgumentException("--klb-iterations must be >= 1, got " + s.klbIterations);
        if (s.layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + s.layoutIterations);
        model.check();
        if (model.trains()) checkWidth(model.spec());
    }

    /** S must be below the width of every hidden dense layer: said before training rather than after. */
    private void checkWidth(ModelSpec m) {
        int layer = 0;
        for (ModelSpec.LayerSpec l : m.layers) {
            if (l.type.equals("dense")) ActivationPatternKind.checkNeuronsPerClass(s.neuronsPerClass(), l.units, "layer " + ++layer + " of " + m);
        }
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        TrainingRun run = model.open(outDir.resolve("run"), monitor);
        if (run.manifest() != null) {
            if (run.manifest().shuffledLabels != model.mixed) {
                throw new IllegalArgumentException("--model " + model.model + " was trained " + (run.manifest().shuffledLabels ? "with" : "without")
                        + " shuffled labels; record it on the same labels (" + (run.manifest().shuffledLabels ? "add" : "drop") + " --mixed, --seed "
                        + run.manifest().seed + ")");
            }
            s.seed = run.manifest().seed;
        }
        TrainTestData data = model.data();
        s.data = data.description();
        Result result = analyse(project, run, data.train(), outDir, monitor);
        ActivationStudyReport report = new ActivationStudyReport(run, s, result);
        report.write(outDir);
        return new StudyOutcome(report.summary(), result.notes, Arrays.asList("report.md", "tables", "neuralgraph.gephi"));
    }

    private Result analyse(GephiProject project, TrainingRun run, LabeledImages train, Path outDir, ProgressMonitor monitor) throws IOException {
        ActivationPatternKind kind = GraphKinds.get(ActivationPatternKind.class);
        Result result = new Result();
        following = result.communities;
        result.classes = train.classes();
        result.samples = train.size();
        int trained = 0, n = run.checkpoints().size();
        TimelineOutput timeline = new TimelineOutput(s.dynamic, project);
        for (int k = 0; k < n; k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            boolean draw = s.drawEveryCheckpoint || k == n - 1 || (cp.epoch() != 0 && trained++ == 0);
            CheckpointResult c = new CheckpointResult();
            c.index = k;
            c.checkpoint = cp;
            CheckpointInputs in = new CheckpointInputs(run, k, train, s.seed);
            String adapted = in.recorder().inputAdaptation(train.rows(), train.cols()); // e.g. a 3x32x32 ONNX ResNet
            if (adapted != null && !result.notes.contains(adapted)) result.notes.add(adapted);
            List<LayerActivations> layers = in.activations(monitor);
            c.entropyPerClass = new double[train.classes()];
            monitor.start(cp.label() + ": graphs and statistics", layers.size());
            for (int l = 0; l < layers.size(); l++) {
                monitor.checkCancelled();
                ActivationPatternGraph apg = kind.pattern(in, s.graph.with("layer", l + 1), monitor);
                GraphResult g = analyse(project, in, layers.get(l), apg, c, outDir, draw, result.notes, timeline, monitor);
                c.layers.add(g);
                c.entropy += g.entropy;
            }
            result.checkpoints.add(c);
        }
        result.timelineFiles.addAll(timeline.write(outDir, s.layoutIterations, monitor, result.notes));
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        return result;
    }

    /** One layer's graph {@code apg}, built by the registry's {@link ActivationPatternKind}, measured, laid out and exported. */
    private GraphResult analyse(GephiProject project, CheckpointInputs in, LayerActivations a, ActivationPatternGraph apg, CheckpointResult c,
                                Path outDir, boolean draw, List<String> notes, TimelineOutput timeline, ProgressMonitor monitor) throws IOException {
        Checkpoint cp = c.checkpoint;
        GraphResult r = new GraphResult();
        r.layer = a.layer();
        r.layerName = a.layerName();
        r.neurons = a.neurons();
        NeuralGraph g = apg.graph();
        r.nodes = g.nodeCount();
        r.edges = g.edgeCount();
        for (double w : g.weights()) r.totalWeight += w;
        r.quality = CoverModularities.of(UndirectedWeights.of(g), apg.cover(), s.klbIterations, s.seed);
        r.unique = UniqueNeurons.matrix(apg.cover(), apg.classes());
        r.entropy = ActivationEntropy.total(ActivationEntropy.perNeuron(a.values(), a.samples(), a.neurons(), s.bins));
        double[][] perClass = ActivationEntropy.perClass(a.values(), a.samples(), a.neurons(), a.labels(), a.classes(), s.bins);
        for (int i = 0; i < perClass.length; i++) c.entropyPerClass[i] += ActivationEntropy.total(perClass[i]);

        Map<String, NeuralGraph.Column> cols = new LinkedHashMap<>();
        cols.put("strongest_class", NeuralGraph.Column.ofInts("Class of largest belonging (Eq. 2 partition)", r.quality.strongest));
        cols.put("klb_side", NeuralGraph.Column.ofInts("Kernighan-Lin side", r.quality.klbSide));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("modularity_no_overlap", r.quality.noOverlap);
        attrs.put("modularity_unweighted_overlap", r.quality.unweightedOverlap);
        attrs.put("modularity_weighted_overlap", r.quality.weightedOverlap);
        attrs.put("modularity_klb", r.quality.klb);
        attrs.put("activation_entropy_layer", r.entropy);
        attrs.put(Names.SEED, s.seed);
        g = in.withCheckpoint(g.withNodeColumns(cols).withGraphAttributes(attrs));

        String name = String.format(Locale.ROOT, "activations L%d %s", a.layer(), cp.label());
        Workspace ws = project.importGraph(g, name, monitor);
        // saved with the project (RecordedActivationsPersistence): Activation pattern entropy runs on it in Gephi. Only
        // the checkpoints drawn (the first trained and the last, or every one with --draw-every-checkpoint): recorded at
        // all 21, mlp-512's activations made a 330 MB project and took 5 of the study's 6 minutes to save
        if (draw) ws.add(org.neuralgraph.gephi.RecordedActivations.of(java.util.Collections.singletonList(a)));
        GraphModel gm = project.graphModel(ws);
        ModularitySweep.Result louvain = ModularitySweep.run(gm, new double[]{s.resolution}, s.resolution, monitor).get(0);
        r.louvainModularity = louvain.modularity();
        r.louvain = CommunitySizes.of(partition(gm));
        gm.getGraph().setAttribute("louvain_resolution", s.resolution);
        gm.getGraph().setAttribute("louvain_modularity", louvain.modularity());
        gm.getGraph().setAttribute("louvain_communities", louvain.communities());
        if (r.edges == 0) {
            notes.add(String.format(Locale.ROOT, "layer %d at %s: no two representative neurons are ever above their class means together, "
                    + "so the graph has no edges and its modularities are undefined", a.layer(), cp.label()));
        }
        ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
        following.follow("activations-L" + a.layer(), "layer " + a.layer(), gm, cp, c.index);
        GraphStyle.colourBy(gm, Names.COMMUNITY);
        GraphStyle.sizeByWeightedDegree(gm);
        GraphStyle.colourEdges(gm);
        Set<GraphFiles.Format> formats = java.util.EnumSet.of(GraphFiles.Format.GEXF);
        if (draw) formats.addAll(s.drawings);
        String base = cp.epoch() >= 0 ? String.format(Locale.ROOT, "activations-L%d-epoch-%04d", a.layer(), cp.epoch())
                : String.format(Locale.ROOT, "activations-L%d", a.layer()); // a loaded model has no epoch
        for (Path f : GraphFiles.write(ws, gm, outDir.resolve("graphs"), base, name, formats, s.pies ? Names.CLASSES : null)) r.files.add(outDir.relativize(f).toString());
        timeline.add("activations-L" + a.layer(), gm, cp.epoch());
        return r;
    }

    /** Gephi's {@code modularity_class} of every node. */
    private static int[] partition(GraphModel gm) {
        Column col = gm.getNodeTable().getColumn(Modularity.MODULARITY_CLASS);
        List<Integer> out = new ArrayList<>();
        for (Node node : gm.getGraph().getNodes()) out.add(((Number) node.getAttribute(col)).intValue());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Checkpoint indices whose series are correlated: the trained ones (the paper's G(1)..G(20)) unless asked. */
    static List<CheckpointResult> correlated(Result r, Settings s) {
        List<CheckpointResult> out = new ArrayList<>();
        for (CheckpointResult c : r.checkpoints) if (s.correlateUntrained || c.checkpoint.epoch() != 0) out.add(c);
        return out;
    }

}
