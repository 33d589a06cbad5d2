package org.neuralgraph.cli;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.featuremap.CompositeMaps;
import org.neuralgraph.core.featuremap.FeatureMapGraph;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.SmallWorld;
import org.neuralgraph.core.stats.UndirectedWeights;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.FeatureMapRecorder;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.GraphMetrics;
import org.neuralgraph.gephi.ProjectFile;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 000's feature-map study (Section 4): at every checkpoint of a LeNet, the composite feature map of one
 * convolution layer over the test images becomes a value-adjacency graph whose metrics follow training (Figs. 7-8:
 * average weighted degree, clustering, path length, and the small-world ratios C/Cr, L/Lr); before and after training,
 * the composite map of each class becomes a spatial-adjacency graph (Fig. 5: average degree and components per class).
 * Every graph goes into a Gephi workspace and a GEXF, every composite map into a PNG beside it.
 */
final class FeatureMapStudy {

    static final class Settings {
        int layer = 1;
        int channel = -1;
        boolean brightest = true;
        double percent = 10;
        double offsetFraction = FeatureMapGraph.DEFAULT_OFFSET_FRACTION;
        double weightCap = FeatureMapGraph.DEFAULT_WEIGHT_CAP;
        int niter = 5;
        int nrand = 5;
        long seed = 42;
        String command;
        String data;
    }

    /** One graph's figures. */
    static final class Figures {
        int epoch;
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
        final List<String> notes = new ArrayList<>();
        String mapShape;
    }

    private FeatureMapStudy() { }

    static Result run(TrainingRun run, LabeledImages test, Settings s, Path outDir, ProgressMonitor monitor) throws IOException {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
        Files.createDirectories(outDir.resolve("maps"));
        Result r = new Result();
        int n = run.checkpoints().size();
        for (int k = 0; k < n; k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            List<CompositeMaps> layers = FeatureMapRecorder.record(cp.load(), test, monitor);
            if (s.layer > layers.size()) throw new IllegalArgumentException("--layer " + s.layer + ": the model has " + layers.size() + " convolution layers");
            CompositeMaps maps = layers.get(s.layer - 1);
            if (s.channel >= maps.channels()) throw new IllegalArgumentException("--channel " + s.channel + ": layer " + s.layer + " has " + maps.channels() + " channels");
            r.mapShape = maps.channels() + " channels of " + maps.height() + "x" + maps.width();
            String base = String.format(Locale.ROOT, "value-epoch-%04d", cp.epoch());
            double[] all = maps.map(-1, s.channel);
            writePng(all, maps.height(), maps.width(), outDir.resolve("maps").resolve("all-epoch-" + String.format(Locale.ROOT, "%04d", cp.epoch()) + ".png"));
            NeuralGraph vg = FeatureMapGraph.value(all, maps.height(), maps.width(), s.brightest, s.percent, s.offsetFraction, s.weightCap);
            r.value.add(analyse(CheckpointGraphs.withCheckpoint(vg, run, k), cp, "value adjacency epoch " + cp.epoch(), base, s, true, outDir, r.notes, monitor));
            if (k == 0 || k == n - 1) {
                List<Figures> perClass = new ArrayList<>();
                for (int c = 0; c < maps.classes(); c++) {
                    double[] m = maps.map(c, s.channel);
                    String cb = String.format(Locale.ROOT, "spatial-class-%d-epoch-%04d", c, cp.epoch());
                    writePng(m, maps.height(), maps.width(), outDir.resolve("maps").resolve(cb.replace("spatial-", "") + ".png"));
                    NeuralGraph sg = FeatureMapGraph.spatial(m, maps.height(), maps.width(), s.brightest, s.percent, FeatureMapGraph.Adjacency.SPATIAL_4);
                    Map<String, Object> cls = new LinkedHashMap<>();
                    cls.put("class", c);
                    perClass.add(analyse(CheckpointGraphs.withCheckpoint(sg.withGraphAttributes(cls), run, k), cp,
                            "spatial class " + c + " epoch " + cp.epoch(), cb, s, false, outDir, r.notes, monitor));
                }
                r.spatial.add(perClass);
            }
        }
        if (n == 1) r.notes.add("the model has one checkpoint, so 'before' and 'after' training are the same maps: load a run directory for the comparison");
        monitor.start("saving Gephi project", 1);
        ProjectFile.save(pc.getCurrentProject(), outDir.resolve("neuralgraph.gephi"));
        return r;
    }

    private static Figures analyse(NeuralGraph g, Checkpoint cp, String name, String base, Settings s, boolean smallWorld, Path outDir,
                                   List<String> notes, ProgressMonitor monitor) throws IOException {
        Workspace ws = WorkspaceImporter.importGraph(g, name, monitor);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        Figures f = new Figures();
        f.epoch = cp.epoch();
        f.trainAccuracy = cp.trainAccuracy();
        f.testAccuracy = cp.testAccuracy();
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
        GraphExporter.export(ws, outDir.resolve("graphs"), base, EnumSet.of(GraphExporter.Format.GEXF), notes);
        return f;
    }

    /** The map as a grey-scale PNG, min black and max white, each pixel drawn 8 x 8. */
    static void writePng(double[] map, int height, int width, Path png) throws IOException {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : map) { min = Math.min(min, v); max = Math.max(max, v); }
        int scale = 8;
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                double v = map[(y / scale) * width + x / scale];
                int grey = max > min ? (int) Math.round(255 * (v - min) / (max - min)) : 0;
                img.getRaster().setSample(x, y, 0, grey);
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }
}
