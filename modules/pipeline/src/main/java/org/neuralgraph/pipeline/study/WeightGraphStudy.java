package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphMetrics;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.gephi.CommunityAlgorithm;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.pipeline.kind.WeightGraphKind;
import org.neuralgraph.pipeline.model.ModelRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The weight-graph study of Darnell and Leonard (Sections 3-4): for every checkpoint, the {@link WeightGraphKind weight
 * graph} → Gephi workspace → Gephi's statistics, modularity over resolutions, ForceAtlas2, style → GEXF/PDF/SVG; then
 * one Gephi project with every workspace and the {@link WeightGraphReport}, which compares the untrained with the
 * trained network.
 */
public final class WeightGraphStudy implements Study {

    /** What the command line sets. */
    public static final class Settings {
        public double[] resolutions = ModularitySweep.DEFAULT_RESOLUTIONS.clone();
        public double colourResolution = 1.0;
        public boolean colourByLayer;
        /** The weight graph's parameters ({@code sparsify}). */
        public ParameterValues graph = GraphKinds.get(WeightGraphKind.ID).values(java.util.Collections.emptyMap());
        /** ForceAtlas2 iterations; 0 keeps the layered drawing, inputs to outputs from left to right. */
        public int layoutIterations = 0;
        public Set<GraphFiles.Format> formats;
        public long seed;
        public String command = "";
        public boolean dynamic;
        /** Louvain, Leiden, or AUTO (Leiden above {@link CommunityAlgorithm#AUTO_LEIDEN_ABOVE_EDGES} edges). */
        public CommunityAlgorithm communities = CommunityAlgorithm.AUTO;
    }

    /** What one checkpoint gave. */
    static final class CheckpointResult {
        Checkpoint checkpoint;
        Map<String, Object> graphAttributes;
        GraphMetrics metrics;
        List<ModularitySweep.Result> modularity;
        /** The optimiser that found the communities, and why (a sentence for the report). */
        CommunityAlgorithm communitiesBy = CommunityAlgorithm.LOUVAIN;
        String communitiesWhy = "";
        List<String> files = new ArrayList<>();
    }

    /** Everything the study found. */
    static final class Result {
        final List<CheckpointResult> checkpoints = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Files of the training as one dynamic graph ({@code --dynamic}), else empty. */
        final List<String> timelineFiles = new ArrayList<>();
        /** The Louvain communities at the colour resolution followed over the checkpoints (issue 26). */
        final CommunityFollowing communities = new CommunityFollowing();
    }

    private final ModelRequest model;
    private final Settings s;

    public WeightGraphStudy(ModelRequest model, Settings settings) {
        this.model = model;
        this.s = settings;
    }

    @Override
    public void check() throws IOException {
        if (s.layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + s.layoutIterations);
        if (s.resolutions.length == 0) throw new IllegalArgumentException("--resolutions: give at least one");
        if (!(s.colourResolution > 0) || Double.isInfinite(s.colourResolution)) {
            throw new IllegalArgumentException("--colour-resolution must be a number > 0, got " + s.colourResolution);
        }
        boolean colour = false;
        for (double r : s.resolutions) {
            if (!(r > 0) || Double.isInfinite(r)) throw new IllegalArgumentException("--resolutions: each must be > 0, got " + r);
            colour |= Math.abs(r - s.colourResolution) < 1e-9;
        }
        if (!colour) {
            throw new IllegalArgumentException("--colour-resolution " + s.colourResolution + " is not among the --resolutions " + Arrays.toString(s.resolutions));
        }
        model.check();
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        TrainingRun run = model.open(outDir.resolve("run"), monitor);
        if (run.manifest() != null) s.seed = run.manifest().seed; // a loaded run keeps the seed it was trained with
        GraphKind kind = GraphKinds.get(WeightGraphKind.ID);
        Result result = new Result();
        TimelineOutput timeline = new TimelineOutput(s.dynamic, project);
        for (int k = 0; k < run.checkpoints().size(); k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            CheckpointResult r = new CheckpointResult();
            r.checkpoint = cp;
            NeuralGraph g = kind.build(new CheckpointInputs(run, k, null, s.seed), s.graph, monitor);
            String name = CheckpointGraphs.title("weights", cp);
            Workspace ws = project.importGraph(g, name, monitor);
            GraphModel gm = project.graphModel(ws);
            r.metrics = GephiMetrics.compute(gm, monitor);
            long edges = gm.getGraphVisible().getEdgeCount();
            r.communitiesBy = s.communities.resolve(edges);
            r.communitiesWhy = s.communities.why(edges);
            r.modularity = ModularitySweep.run(gm, s.resolutions, s.colourResolution, s.communities, s.seed, monitor);
            for (ModularitySweep.Result m : r.modularity) {
                if (Math.abs(m.resolution() - s.colourResolution) < 1e-9) {
                    gm.getGraph().setAttribute("modularity", m.modularity());
                    gm.getGraph().setAttribute("modularity_resolution", m.resolution());
                    gm.getGraph().setAttribute("communities", m.communities());
                }
            }
            ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
            result.communities.follow("weights", "the weight graph", gm, cp, k);
            GraphStyle.colourBy(gm, s.colourByLayer ? Names.LAYER : Names.COMMUNITY);
            GraphStyle.sizeByWeightedDegree(gm);
            GraphStyle.colourEdges(gm);
            r.graphAttributes = new LinkedHashMap<>();
            for (String key : gm.getGraph().getAttributeKeys()) r.graphAttributes.put(key, gm.getGraph().getAttribute(key));
            monitor.start("exporting " + name, s.formats.size());
            String base = cp.epoch() >= 0 ? String.format(Locale.ROOT, "weights-epoch-%04d", cp.epoch()) : "weights";
            for (Path f : GraphFiles.write(ws, gm, outDir.resolve("graphs"), base, name, s.formats)) {
                r.files.add(outDir.relativize(f).toString());
            }
            result.checkpoints.add(r);
            timeline.add("weights", gm, cp.epoch());
        }
        result.timelineFiles.addAll(timeline.write(outDir, s.layoutIterations, monitor, result.notes));
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        WeightGraphReport report = new WeightGraphReport(run, s, result);
        report.write(outDir);
        return new StudyOutcome(report.summary(), result.notes, Arrays.asList("report.md", "graphs", "neuralgraph.gephi"));
    }
}
