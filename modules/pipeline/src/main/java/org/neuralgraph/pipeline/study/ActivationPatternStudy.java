package org.neuralgraph.cli;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.ProjectController;
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
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.gephi.ProjectFile;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The path from model to files for seed 001's study: for every checkpoint, record the hidden layers' activations on
 * the training set ({@link ActivationRecorder}), build each layer's {@link ActivationPatternGraph}, compute Table 4's
 * modularities of the class cover ({@link CoverModularities}), the unique-neuron matrix (Table 2) and the entropies
 * (Tables 5-6) in plain Java; put the graph into a Gephi workspace, run Gephi's Louvain Modularity at the paper's
 * resolution (Table 3), ForceAtlas2 and export it. The {@link ActivationStudyReport} then correlates every series
 * with accuracy. One checkpoint's activations are in memory at a time.
 */
final class ActivationPatternStudy {

    /** What the command line sets. */
    static final class Settings {
        int neuronsPerClass = ActivationPatternGraph.DEFAULT_S;
        /** Gephi's resolution convention; seed 001, Section 7.1: 0.5. */
        double resolution = 0.5;
        int bins = ActivationEntropy.DEFAULT_BINS;
        int klbIterations = 10;
        int layoutIterations = 300;
        /** Drawings (PDF, SVG, PNG) of the first trained and the last checkpoint; GEXF is written for every graph. */
        Set<GraphExporter.Format> drawings;
        boolean drawEveryCheckpoint;
        boolean correlateUntrained;
        long seed;
        String command = "";
        String data = "";
        boolean mixed;
        boolean dynamic;
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
    }

    private ActivationPatternStudy() { }

    static Result run(TrainingRun run, LabeledImages train, Settings s, Path outDir, ProgressMonitor monitor) throws IOException {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
        Result result = new Result();
        result.classes = train.classes();
        result.samples = train.size();
        int trained = 0, n = run.checkpoints().size();
        TimelineOutput timeline = new TimelineOutput(s.dynamic);
        for (int k = 0; k < n; k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            boolean draw = s.drawEveryCheckpoint || k == n - 1 || (cp.epoch() != 0 && trained++ == 0);
            CheckpointResult c = new CheckpointResult();
            c.index = k;
            c.checkpoint = cp;
            List<LayerActivations> layers = ActivationRecorder.record(cp.load(), train, monitor);
            c.entropyPerClass = new double[train.classes()];
            monitor.start(String.format(Locale.ROOT, "epoch %d: graphs and statistics", cp.epoch()), layers.size());
            for (LayerActivations a : layers) {
                monitor.checkCancelled();
                GraphResult g = analyse(run, k, a, s, c, outDir, draw, result.notes, timeline, monitor);
                c.layers.add(g);
                c.entropy += g.entropy;
            }
            result.checkpoints.add(c);
        }
        result.timelineFiles.addAll(timeline.write(outDir, s.layoutIterations, monitor, result.notes));
        monitor.start("saving Gephi project", 1);
        ProjectFile.save(pc.getCurrentProject(), outDir.resolve("neuralgraph.gephi"));
        return result;
    }

    private static GraphResult analyse(TrainingRun run, int k, LayerActivations a, Settings s, CheckpointResult c, Path outDir,
                                       boolean draw, List<String> notes, TimelineOutput timeline, ProgressMonitor monitor) throws IOException {
        Checkpoint cp = c.checkpoint;
        GraphResult r = new GraphResult();
        r.layer = a.layer();
        r.layerName = a.layerName();
        r.neurons = a.neurons();
        ActivationPatternGraph apg = ActivationPatternGraph.build(a, s.neuronsPerClass);
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
        attrs.put("seed", s.seed);
        g = CheckpointGraphs.withCheckpoint(g.withNodeColumns(cols).withGraphAttributes(attrs), run, k);

        String name = String.format(Locale.ROOT, "activations L%d epoch %d", a.layer(), cp.epoch());
        Workspace ws = WorkspaceImporter.importGraph(g, name, monitor);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        ModularitySweep.Result louvain = ModularitySweep.run(gm, new double[]{s.resolution}, s.resolution, monitor).get(0);
        r.louvainModularity = louvain.modularity();
        r.louvain = CommunitySizes.of(partition(gm));
        gm.getGraph().setAttribute("louvain_resolution", s.resolution);
        gm.getGraph().setAttribute("louvain_modularity", louvain.modularity());
        gm.getGraph().setAttribute("louvain_communities", louvain.communities());
        if (r.edges == 0) {
            notes.add(String.format(Locale.ROOT, "layer %d at epoch %d: no two representative neurons are ever above their class means together, "
                    + "so the graph has no edges and its modularities are undefined", a.layer(), cp.epoch()));
        }
        ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
        GraphStyle.colourBy(gm, Modularity.MODULARITY_CLASS);
        GraphStyle.sizeByWeightedDegree(gm);
        Set<GraphExporter.Format> formats = java.util.EnumSet.of(GraphExporter.Format.GEXF);
        if (draw) formats.addAll(s.drawings);
        String base = String.format(Locale.ROOT, "activations-L%d-epoch-%04d", a.layer(), Math.max(cp.epoch(), 0));
        for (Path f : GraphExporter.export(ws, outDir.resolve("graphs"), base, formats, notes)) r.files.add(outDir.relativize(f).toString());
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
