package org.neuralgraph.pipeline.study;

import org.neuralgraph.pipeline.kind.MapperKind;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.core.cluster.ClusterCut;
import java.util.Arrays;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.gephi.GephiProject;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.data.CircleSquareImages;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.cycles.MainCycle;
import org.neuralgraph.core.mapper.MapperGraph;
import org.neuralgraph.core.mapper.MapperParameters;
import org.neuralgraph.core.mapper.MapperResult;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.FirstLayerFilters;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.PooledRuns;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GraphStyle;

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
 * Brüel Gabrielsson's study: Mapper graphs of first-layer convolution filters, untrained against trained on MNIST (Section 7's
 * improved CNN, filters pooled over several runs) and few against many iterations on the synthetic circle/square data
 * (Section 6). Each graph goes into a Gephi workspace laid out by ForceAtlas2, nodes coloured by their mean filter's
 * orientation; its main cycle's mean filters are drawn as a sheet, and the orientation's turn along the cycle measured.
 *
 * <p>Scale: the paper pools 100 runs of 10,000 iterations; a cnn-mapper iteration of batch 100 costs about 1 s in DL4J
 * on 2 cores here, so the defaults pool 4 runs of 100 iterations on MNIST and 4 runs of 40 and 400 iterations (batch 50)
 * on the synthetic data; {@code --runs}, {@code --iterations}, {@code --few}, {@code --many} scale it up.
 */
public final class MapperStudy implements Study {

    /** What the command line sets. */
    public static final class Settings {
        public int runs = 4;
        public long iterations = 100;
        public long few = 40;
        public long many = 400;
        public boolean shapes = true;
        int layoutIterations = 300;
        /** The Mapper graph's parameters: lens, metric, intervals, overlap, k, percent. */
        public ParameterValues graph = GraphKinds.get(MapperKind.ID).values(java.util.Collections.emptyMap());
        /** Single linkage cut at this fixed distance instead of the histogram gap rule; null for the rule. */
        public Double epsilon;
        public long seed = 42;
        /** MNIST-style IDX directory. */
        public Path data;
        public String command;
        String dataDescription;
        MapperParameters mapper;
    }

    /** Largest change of gradient direction, degrees, between neighbours along a ring ({@link MainCycle#winding}). */
    static final double RING_STEP = 60;

    /** One Mapper graph's figures. */
    static final class Figures {
        String name;
        String base;
        int filters;
        long iterations;
        double accuracy;
        MapperResult result;
        int[] cycle;
        double[] cycleOrientations;
        /** Total turn of the orientation along the main cycle, and the share of steps turning that way. */
        double turn, monotone;
        /** The shortest cycle along which the nodes' gradient direction winds around the circle; empty if none. */
        int[] ring;
    }

    static final class Result {
        final List<Figures> graphs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    private final Settings s;

    public MapperStudy(Settings settings) {
        this.s = settings;
    }

    @Override
    public void check() {
        if (s.runs < 1 || s.runs > 1000) throw new IllegalArgumentException("--runs must be in [1, 1000], got " + s.runs);
        if (s.iterations < 0 || s.few < 0 || s.many < 0) throw new IllegalArgumentException("--iterations, --few and --many must be >= 0");
        MapperParameters p = MapperKind.mapperParameters(s.graph, s.seed);
        try {
            if (s.epsilon != null) p = p.withClusterCut(ClusterCut.fixedEpsilon(s.epsilon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
        s.mapper = p;
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        check();
        TrainTestData mnist = ImageDataSource.load(s.data, 0.2, s.seed);
        s.dataDescription = mnist.description();
        Result result = analyse(project, mnist, outDir, monitor);
        MapperReport report = new MapperReport(s, result);
        report.write(outDir);
        return new StudyOutcome(report.summary(), result.notes, Arrays.asList("report.md", "graphs", "neuralgraph.gephi"));
    }

    private Result analyse(GephiProject project, TrainTestData mnist, Path outDir, ProgressMonitor monitor) throws IOException {
        Result r = new Result();
        ModelSpec spec = ModelSpec.preset("cnn-mapper");
        spec.seed = s.seed;
        PooledRuns onMnist = PooledRuns.train(spec, mnist, s.runs, s.iterations, monitor);
        r.graphs.add(analyse(project, "MNIST, untrained", "mnist-untrained", onMnist.untrainedFilters(), 0, Double.NaN, outDir, r, monitor));
        r.graphs.add(analyse(project, "MNIST, trained", "mnist-trained", onMnist.trainedFilters(), s.iterations, onMnist.meanTestAccuracy(), outDir, r, monitor));
        if (s.shapes) {
            TrainTestData shapes = new CircleSquareImages(CircleSquareImages.STROKE, 0).trainTest(CircleSquareImages.PAPER_TRAIN, CircleSquareImages.PAPER_TEST, s.seed);
            ModelSpec two = spec.withClasses(2);
            two.batchSize = 50; // Section 6: "40 batch iterations", batch size of Section 5 (50)
            for (long it : new long[]{s.few, s.many}) {
                PooledRuns runs = PooledRuns.train(two, shapes, s.runs, it, monitor);
                r.graphs.add(analyse(project, "circles and squares, " + it + " iterations", "shapes-" + it, runs.trainedFilters(), it,
                        runs.meanTestAccuracy(), outDir, r, monitor));
            }
        }
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        return r;
    }

    private Figures analyse(GephiProject project, String name, String base, FirstLayerFilters filters, long iterations, double accuracy,
                            Path outDir, Result r, ProgressMonitor monitor) throws IOException {
        monitor.checkCancelled();
        Figures f = new Figures();
        f.name = name;
        f.base = base;
        f.filters = filters.size();
        f.iterations = iterations;
        f.accuracy = accuracy;
        f.result = MapperGraph.ofFilters(filters.points(), filters.ids().toArray(new String[0]), s.mapper);
        NeuralGraph g = f.result.graph();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("filters", name);
        a.put("training_iterations", iterations);
        a.put("runs_pooled", s.runs);
        a.put("mean_test_accuracy", accuracy);
        a.put("study_seed", s.seed);
        g = g.withGraphAttributes(a);
        f.cycle = MainCycle.of(g.nodeCount(), g.sources(), g.targets());
        NeuralGraph.Column orientation = g.nodeColumns().get("orientation");
        f.cycleOrientations = new double[f.cycle.length];
        for (int i = 0; i < f.cycle.length; i++) f.cycleOrientations[i] = orientation == null ? Double.NaN : orientation.doubles()[f.cycle[i]];
        double[] turn = MainCycle.orientationTurn(f.cycleOrientations);
        f.turn = turn[0];
        f.monotone = turn[1];
        NeuralGraph.Column direction = g.nodeColumns().get("gradient_direction");
        f.ring = direction == null ? new int[0] : MainCycle.winding(g.nodeCount(), g.sources(), g.targets(), direction.doubles(), 360, RING_STEP);
        Workspace ws = project.importGraph(g, "Mapper: " + name, monitor);
        GraphModel gm = project.graphModel(ws);
        if (g.nodeCount() > 0) {
            ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
            GraphStyle.colourByAngle(gm, "gradient_direction", 360); // the primary circle's coordinate
            GraphStyle.sizeBy(gm, "size");
        }
        GraphStyle.colourEdges(gm);
        GraphFiles.write(ws, gm, outDir.resolve("graphs"), base, "Mapper: " + name, EnumSet.of(GraphFiles.Format.GEXF, GraphFiles.Format.PDF, GraphFiles.Format.SVG));
        Files.createDirectories(outDir.resolve("pictures"));
        cycleSheet(f.result, f.cycle, outDir.resolve("pictures").resolve(base + "-main-cycle.png"));
        if (f.ring.length > 0) cycleSheet(f.result, f.ring, outDir.resolve("pictures").resolve(base + "-ring.png"));
        return f;
    }

    /**
     * The mean filters of a cycle's nodes (the main cycle, or the ring) in order, left to right (like the paper's Figs. 1-2 and 5), each drawn
     * k x k, scaled from its own minimum (black) to maximum (white).
     */
    private static void cycleSheet(MapperResult result, int[] cycle, Path png) throws IOException {
        int n = Math.max(1, cycle.length);
        int dim = result.nodeCount() == 0 ? 25 : result.mean(0).length;
        int k = (int) Math.round(Math.sqrt(dim));
        if (k * k != dim) return;
        int px = 8, gap = 4, size = k * px;
        BufferedImage img = new BufferedImage(gap + n * (size + gap), size + 2 * gap, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < img.getWidth(); x++) for (int y = 0; y < img.getHeight(); y++) img.getRaster().setSample(x, y, 0, 128);
        for (int i = 0; i < cycle.length; i++) {
            double[] m = result.mean(cycle[i]);
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double v : m) { min = Math.min(min, v); max = Math.max(max, v); }
            for (int p = 0; p < m.length; p++) {
                int grey = max > min ? (int) Math.round(255 * (m[p] - min) / (max - min)) : 128;
                int x0 = gap + i * (size + gap) + (p % k) * px, y0 = gap + (p / k) * px;
                for (int dx = 0; dx < px; dx++) for (int dy = 0; dy < px; dy++) img.getRaster().setSample(x0 + dx, y0 + dy, 0, grey);
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }

    static String describe(Figures f) {
        return String.format(Locale.ROOT, "%s: %d filters -> %d kept -> %d nodes, %d edges, %d components, cycle rank %d (the graph's "
                        + "independent cycles), first Betti number %s (those the nerve's triangles leave open), main cycle %d nodes",
                f.name, f.filters, f.result.points().length, f.result.nodeCount(), f.result.graph().edgeCount(), f.result.components(),
                f.result.cycleRank(), f.result.betti1() < 0 ? "not computed" : Integer.toString(f.result.betti1()), f.cycle.length) + (f.ring.length > 0 ? String.format(Locale.ROOT, ", ring of %d nodes", f.ring.length) : ", no ring");
    }
}
