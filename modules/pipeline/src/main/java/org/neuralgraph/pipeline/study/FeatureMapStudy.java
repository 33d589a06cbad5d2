package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.FeatureMapKind;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import java.util.Arrays;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.pipeline.model.ClassNeed;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.render.GreyPng;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.SmallWorld;
import org.neuralgraph.core.stats.UndirectedWeights;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.Evaluation;
import org.neuralgraph.dl4j.FeatureMapRecorder;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.GraphMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Darnell and Leonard's feature-map study (Section 4): at every checkpoint of a LeNet, the composite feature map of one
 * convolution layer over the test images becomes a value-adjacency graph whose metrics follow training (Figs. 7-8:
 * average weighted degree, clustering, path length, and the small-world ratios C/Cr, L/Lr); before and after training,
 * the composite map of each class becomes a spatial-adjacency graph (Fig. 5: average degree and components per class),
 * and class 3's map a value-adjacency graph (Section 4: weighted degree 16.7 to 25.2). Fig. 6: several fresh runs,
 * each stopped after a different number of mini-batches (log-spaced from 1 to {@code runEpochs} epochs, seeds
 * seed + 1, seed + 2, ...), give the spatial-adjacency graph of their all-images map against their test accuracy. Since
 * the paper gives no value offset, the value graphs are also measured at several offsets (a sensitivity table).
 * Every graph goes into a Gephi workspace and a GEXF, every composite map into a PNG beside it.
 */
public final class FeatureMapStudy implements Study {

    /** What the command line sets. */
    public static final class Settings {
        public boolean dynamic;
        /**
         * The feature-map graph's parameters (layer, channel, percent, darkest, offset-fraction, weight-cap); the study
         * sets the class and the adjacency of each graph itself.
         */
        public ParameterValues graph = GraphKinds.get(FeatureMapKind.ID).values(java.util.Collections.emptyMap());
        /** Fig. 6: number of runs stopped early (0: none) and the length of the longest, in epochs. */
        public int runs = 10;
        public double runEpochs = 2;
        int niter = 5;
        int nrand = 5;
        public long seed = 42;
        public String command;
        String data;

        int layer() { return graph.integer("layer"); }
        int channel() { return graph.integer("channel"); }
        boolean brightest() { return !graph.flag("darkest"); }
        double percent() { return graph.decimal("percent"); }
        double offsetFraction() { return graph.decimal("offset-fraction"); }
        double weightCap() { return graph.decimal("weight-cap"); }

        /** The parameters of the all-images or one class's graph with the given edges. */
        ParameterValues of(int cls, String adjacency) {
            return graph.with("class", cls).with("adjacency", adjacency);
        }
    }

    /** Offsets of the sensitivity table, as shares of max - min. */
    static final double[] SWEEP = {0.002, 0.005, 0.01, 0.02, 0.05};

    /** One graph's figures. */
    static final class Figures {
        int epoch;
        /** The epoch, or the file's name for a loaded model without one ({@code Checkpoint.epochOrName}); "" for a Fig. 6 run. */
        String label = "";
        /** Fig. 6 runs: mini-batches trained and the run's seed (-1 otherwise). */
        long batches = -1, seed = -1;
        double trainAccuracy, testAccuracy;
        GraphMetrics metrics;
        /** C/Cr and L/Lr (NaN when the graph is too small or sparse for random references). */
        double normalisedClustering = Double.NaN, normalisedPathLength = Double.NaN;
    }

    static final class Result {
        /** Value adjacency of the all-images map, per checkpoint. */
        final List<Figures> value = new ArrayList<>();
        /** Spatial adjacency per class: [0] before training, [1] after; index = class. */
        final List<List<Figures>> spatial = new ArrayList<>();
        /** Value adjacency of class 3's map before and after training. */
        final List<Figures> valueClass3 = new ArrayList<>();
        /** Fig. 6: spatial adjacency of the all-images map of each run stopped early. */
        final List<Figures> runs = new ArrayList<>();
        /** Value adjacency at the offsets of {@link #SWEEP}: rows of epoch, offset, edges, weighted degree, clustering, path length. */
        final List<double[]> sweep = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Files of the training as dynamic graphs ({@code --dynamic}), else empty. */
        final List<String> timelineFiles = new ArrayList<>();
        String mapShape;
    }

    private final ModelRequest model;
    private final Settings s;

    public FeatureMapStudy(ModelRequest model, Settings settings) {
        this.model = model;
        this.s = settings;
        model.need(ClassNeed.everyTestClass("the feature-map study draws the mean map of every class (Fig. 5)"));
    }

    @Override
    public void check() throws IOException {
        if (s.runs < 0 || s.runs > 100) throw new IllegalArgumentException("--runs must be in [0, 100], got " + s.runs);
        if (!(s.runEpochs > 0 && s.runEpochs <= 100)) throw new IllegalArgumentException("--run-epochs must be in (0, 100], got " + s.runEpochs);
        model.check();
        if (model.trains()) {
            GraphKinds.get(FeatureMapKind.class).checkBeforeTraining(model.spec(), s.graph);
        }
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        TrainingRun run = model.open(outDir.resolve("run"), monitor);
        if (run.manifest() != null) s.seed = run.manifest().seed;
        TrainTestData data = model.data();
        s.data = data.description() + "; maps over the " + data.test().size() + " test images";
        Result result = analyse(project, run, data, outDir, monitor);
        FeatureMapReport report = new FeatureMapReport(s, result);
        report.write(outDir);
        return new StudyOutcome(report.summary(), result.notes, Arrays.asList("report.md", "neuralgraph.gephi"));
    }

    private Result analyse(GephiProject project, TrainingRun run, TrainTestData data, Path outDir, ProgressMonitor monitor) throws IOException {
        FeatureMapKind kind = GraphKinds.get(FeatureMapKind.class);
        Files.createDirectories(outDir.resolve("maps"));
        Result r = new Result();
        int n = run.checkpoints().size();
        TimelineOutput timeline = new TimelineOutput(s.dynamic, project);
        for (int k = 0; k < n; k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            CheckpointInputs in = new CheckpointInputs(run, k, data.test(), s.seed);
            String adapted = in.recorder().inputAdaptation(data.test().rows(), data.test().cols()); // e.g. a 3x32x32 ONNX ResNet
            if (adapted != null && !r.notes.contains(adapted)) r.notes.add(adapted);
            CompositeMaps maps = chosenLayer(in.featureMaps(monitor), s);
            r.mapShape = maps.channels() + " channels of " + maps.height() + "x" + maps.width();
            String base = "value" + epochPart(cp);
            double[] all = maps.map(-1, s.channel());
            GreyPng.writeStretched(all, maps.height(), maps.width(), outDir.resolve("maps").resolve("all" + epochPart(cp) + ".png"));
            r.value.add(analyse(project, kind.build(in, s.of(-1, "value"), monitor), figures(cp), "value adjacency " + cp.label(), base, true, outDir,
                    r.notes, gm -> timeline.add("featuremaps-value", gm, cp.epoch()), monitor));
            for (double f : SWEEP) r.sweep.add(sweepRow(cp.epoch(), f, all, maps));
            if ((k == 0 || k == n - 1) && maps.classes() > 3) {
                r.valueClass3.add(analyse(project, kind.build(in, s.of(3, "value"), monitor), figures(cp), "value class 3 " + cp.label(),
                        "value-class-3" + epochPart(cp), false, outDir, r.notes, gm -> { }, monitor));
            }
            if (k == 0 || k == n - 1) {
                List<Figures> perClass = new ArrayList<>();
                for (int c = 0; c < maps.classes(); c++) {
                    String cb = "spatial-class-" + c + epochPart(cp);
                    GreyPng.writeStretched(maps.map(c, s.channel()), maps.height(), maps.width(), outDir.resolve("maps").resolve(cb.replace("spatial-", "") + ".png"));
                    perClass.add(analyse(project, kind.build(in, s.of(c, "spatial-4"), monitor), figures(cp),
                            "spatial class " + c + " " + cp.label(), cb, false, outDir, r.notes, gm -> { }, monitor));
                }
                r.spatial.add(perClass);
            }
        }
        r.timelineFiles.addAll(timeline.write(outDir, 0, monitor, r.notes)); // nodes stay on the pixel grid
        if (n == 1) r.notes.add("the model has one checkpoint, so 'before' and 'after' training are the same maps: load a run directory for the comparison");
        if (s.runs > 0 && run.manifest() == null) r.notes.add("no runs stopped early (Fig. 6): a lone model file has no training settings to repeat");
        else if (s.runs > 0) stoppedEarly(project, run.manifest().spec, data, outDir, r, monitor);
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        return r;
    }

    /**
     * Fig. 6: {@code s.runs} fresh networks of the run's spec, run i with seed {@code s.seed + 1 + i} trained for
     * round(B^(i / (runs - 1))) mini-batches, B = {@code s.runEpochs} epochs' worth, so that their accuracies spread
     * from chance to trained; each gives the spatial-adjacency graph of its all-images composite map.
     */
    private void stoppedEarly(GephiProject project, ModelSpec spec, TrainTestData data, Path outDir, Result r, ProgressMonitor monitor) throws IOException {
        long perEpoch = (data.train().size() + spec.batchSize - 1) / spec.batchSize;
        long longest = Math.max(1, Math.round(s.runEpochs * perEpoch));
        for (int i = 0; i < s.runs; i++) {
            monitor.checkCancelled();
            long batches = s.runs == 1 ? longest : Math.max(1, Math.round(Math.pow(longest, i / (double) (s.runs - 1))));
            ModelSpec one = spec.copy();
            one.seed = s.seed + 1 + i;
            MultiLayerNetwork net = Trainer.trainBatches(one, data, batches, monitor);
            CompositeMaps maps = chosenLayer(FeatureMapRecorder.record(net, data.test(), monitor), s);
            Figures f = new Figures();
            f.epoch = -1;
            f.batches = batches;
            f.seed = one.seed;
            f.trainAccuracy = Double.NaN;
            f.testAccuracy = Evaluation.of(net, data.test()).accuracy();
            String base = String.format(Locale.ROOT, "run-%02d-batches-%d", i + 1, batches);
            double[] all = maps.map(-1, s.channel());
            GreyPng.writeStretched(all, maps.height(), maps.width(), outDir.resolve("maps").resolve(base + ".png"));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("run_seed", one.seed);
            a.put("batches_trained", batches);
            a.put(Names.TEST_ACCURACY, f.testAccuracy);
            NeuralGraph g = FeatureMapKind.graph(all, maps.height(), maps.width(), s.of(-1, "spatial-4")).withGraphAttributes(a);
            r.runs.add(analyse(project, g, f, String.format(Locale.ROOT, "spatial run %d, %d batches (test acc %.3f)", i + 1, batches, f.testAccuracy),
                    "spatial-" + base, false, outDir, r.notes, gm -> { }, monitor));
        }
    }

    private static CompositeMaps chosenLayer(List<CompositeMaps> layers, Settings s) {
        if (s.layer() > layers.size()) throw new IllegalArgumentException("--layer " + s.layer() + ": the model has " + layers.size() + " convolution layers");
        CompositeMaps maps = layers.get(s.layer() - 1);
        if (s.channel() >= maps.channels()) throw new IllegalArgumentException("--channel " + s.channel() + ": layer " + s.layer() + " has " + maps.channels() + " channels");
        return maps;
    }

    /** "-epoch-0005" in file names, nothing for a loaded model without an epoch (its files are named by what they show). */
    private static String epochPart(Checkpoint cp) {
        return cp.epoch() >= 0 ? String.format(Locale.ROOT, "-epoch-%04d", cp.epoch()) : "";
    }

    private static Figures figures(Checkpoint cp) {
        Figures f = new Figures();
        f.epoch = cp.epoch();
        f.label = cp.epochOrName();
        f.trainAccuracy = cp.trainAccuracy();
        f.testAccuracy = cp.testAccuracy();
        return f;
    }

    /**
     * One row of the offset table: the value graph of {@code map} at offset share {@code fraction}; clustering and
     * path length of its largest component (NaN below 4 nodes and 2 edges), weighted degree over all nodes.
     */
    private double[] sweepRow(int epoch, double fraction, double[] map, CompositeMaps maps) {
        NeuralGraph g = FeatureMapKind.graph(map, maps.height(), maps.width(), s.of(-1, "value").with("offset-fraction", fraction));
        UndirectedWeights w = UndirectedWeights.of(g);
        double c = Double.NaN, l = Double.NaN;
        try {
            SmallWorld.Result sw = SmallWorld.of(w, 1, 1, s.seed);
            c = sw.averageClustering;
            l = sw.pathLength;
        } catch (IllegalArgumentException tooSmall) {
            // left NaN: the table says so
        }
        return new double[]{epoch, fraction, g.edgeCount(), w.twoM() / g.nodeCount(), c, l};
    }

    /** Gephi's figures of {@code g} in a new workspace, written as GEXF; {@code analysed} then sees the workspace. */
    private Figures analyse(GephiProject project, NeuralGraph g, Figures f, String name, String base, boolean smallWorld, Path outDir,
                            List<String> notes, Consumer<GraphModel> analysed, ProgressMonitor monitor) throws IOException {
        Workspace ws = project.importGraph(g, name, monitor);
        GraphModel gm = project.graphModel(ws);
        f.metrics = GephiMetrics.compute(gm, monitor);
        if (smallWorld) {
            try {
                SmallWorld.Result sw = SmallWorld.of(UndirectedWeights.of(g), s.niter, s.nrand, s.seed);
                f.normalisedClustering = sw.normalisedClustering();
                f.normalisedPathLength = sw.normalisedPathLength();
            } catch (IllegalArgumentException | IllegalStateException e) {
                notes.add(name + ": no small-world ratios (" + e.getMessage() + ")");
            }
        }
        GraphExporter.export(ws, outDir.resolve("graphs"), base, EnumSet.of(GraphExporter.Format.GEXF));
        analysed.accept(gm);
        return f;
    }
}
