package org.neuralgraph.cli;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.GraphMetrics;
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
 * The path from model to files for weight graphs: for every checkpoint, weights → {@link WeightGraph} →
 * Gephi workspace → Gephi's statistics, modularity sweep, ForceAtlas2, style → GEXF/PDF/SVG; then one Gephi
 * project with every workspace and the {@link StudyReport}.
 */
final class WeightGraphStudy {

    /** What the command line sets. */
    static final class Settings {
        double[] resolutions = ModularitySweep.DEFAULT_RESOLUTIONS.clone();
        double colourResolution = 1.0;
        boolean colourByLayer;
        Sparsification sparsification = Sparsification.none();
        int layoutIterations = 300;
        Set<GraphExporter.Format> formats;
        long seed;
        String command = "";
        boolean dynamic;
    }

    /** What one checkpoint gave. */
    static final class CheckpointResult {
        Checkpoint checkpoint;
        Map<String, Object> graphAttributes;
        GraphMetrics metrics;
        List<ModularitySweep.Result> modularity;
        List<String> files = new ArrayList<>();
    }

    /** Everything the study found. */
    static final class Result {
        final List<CheckpointResult> checkpoints = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Files of the training as one dynamic graph ({@code --dynamic}), else empty. */
        final List<String> timelineFiles = new ArrayList<>();
        String summary = "";

        List<String> notes() { return notes; }
        String summary() { return summary; }
    }

    private WeightGraphStudy() { }

    static Result run(TrainingRun run, Settings s, Path outDir, ProgressMonitor monitor) throws IOException {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.closeCurrentProject();
        pc.newProject();
        Result result = new Result();
        if (run.manifest() != null) s.seed = run.manifest().seed; // a loaded run keeps the seed it was trained with
        TimelineOutput timeline = new TimelineOutput(s.dynamic);
        for (int k = 0; k < run.checkpoints().size(); k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            CheckpointResult r = new CheckpointResult();
            r.checkpoint = cp;
            NeuralGraph g = CheckpointGraphs.weightGraph(run, k, s.sparsification);
            String name = CheckpointGraphs.title("weights", cp);
            Workspace ws = WorkspaceImporter.importGraph(g, name, monitor);
            GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
            r.metrics = GephiMetrics.compute(gm, monitor);
            r.modularity = ModularitySweep.run(gm, s.resolutions, s.colourResolution, monitor);
            for (ModularitySweep.Result m : r.modularity) {
                if (Math.abs(m.resolution() - s.colourResolution) < 1e-9) {
                    gm.getGraph().setAttribute("modularity", m.modularity());
                    gm.getGraph().setAttribute("modularity_resolution", m.resolution());
                    gm.getGraph().setAttribute("communities", m.communities());
                }
            }
            ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
            GraphStyle.colourBy(gm, s.colourByLayer ? "layer" : "modularity_class");
            GraphStyle.sizeByWeightedDegree(gm);
            r.graphAttributes = new LinkedHashMap<>();
            for (String key : gm.getGraph().getAttributeKeys()) r.graphAttributes.put(key, gm.getGraph().getAttribute(key));
            monitor.start("exporting " + name, s.formats.size());
            String base = cp.epoch() >= 0 ? String.format(Locale.ROOT, "weights-epoch-%04d", cp.epoch()) : "weights";
            for (Path f : GraphExporter.export(ws, outDir.resolve("graphs"), base, s.formats, result.notes)) {
                r.files.add(outDir.relativize(f).toString());
            }
            result.checkpoints.add(r);
            timeline.add("weights", gm, cp.epoch());
        }
        result.timelineFiles.addAll(timeline.write(outDir, s.layoutIterations, monitor, result.notes));
        monitor.start("saving Gephi project", 1);
        ProjectFile.save(pc.getCurrentProject(), outDir.resolve("neuralgraph.gephi"));
        StudyReport report = new StudyReport(run, s, result);
        report.write(outDir);
        result.summary = report.summary();
        return result;
    }
}
