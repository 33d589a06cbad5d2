package org.neuralgraph.pipeline.study;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphMetrics;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.gephi.CommunityAlgorithm;
import org.neuralgraph.pipeline.GraphJob;
import org.neuralgraph.pipeline.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Any graph kind of any model, checkpoint by checkpoint, the way Gephi users look at it: the kind's graph ({@link GraphJob})
 * → a workspace → Gephi's statistics and Louvain modularity (resolution 1) → ForceAtlas2 → colours by community, sizes by
 * weighted degree → GEXF/PDF/SVG; one Gephi project, {@code report.json}, {@code report.md} and {@code metrics.csv}.
 * What the command line's {@code graph} command runs, for the kinds no paper study covers and for new kinds.
 */
public final class GraphStudy implements Study {

    /** What the command line sets. */
    public static final class Settings {
        public int layoutIterations = 300;
        public Set<GraphFiles.Format> formats;
        public boolean colourByLayer;
        public boolean dynamic;
        /** Louvain, Leiden, or AUTO (Leiden above {@link CommunityAlgorithm#AUTO_LEIDEN_ABOVE_EDGES} edges). */
        public CommunityAlgorithm communities = CommunityAlgorithm.AUTO;
        public String command = "";
    }

    private final GraphJob job;
    private final Settings s;

    public GraphStudy(GraphJob job, Settings settings) {
        this.job = job;
        this.s = settings;
    }

    @Override
    public void check() throws IOException {
        if (s.layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + s.layoutIterations);
        if (s.dynamic) job.checkTimeline();
        job.check();
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        List<String> notes = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        NeuralGraph first = job.build(outDir.resolve("run"), monitor);
        TrainingRun run = job.run();
        TimelineOutput timeline = new TimelineOutput(s.dynamic, project);
        String kindName = job.name();
        String fileBase = kindName.replaceAll("[^A-Za-z0-9.-]+", "-");
        for (int k = 0; k < run.checkpoints().size(); k++) {
            monitor.checkCancelled();
            Checkpoint cp = run.checkpoints().get(k);
            NeuralGraph g = k == job.builtIndex() ? first : job.graphOf(k, monitor);
            Workspace ws = project.importGraph(g, job.title(k), monitor);
            for (Object o : job.workspaceData(monitor)) ws.add(o);
            GraphModel gm = project.graphModel(ws);
            GraphMetrics metrics = GephiMetrics.compute(gm, monitor);
            long edges = gm.getGraphVisible().getEdgeCount();
            ModularitySweep.Result louvain = ModularitySweep.run(gm, new double[]{1.0}, 1.0, s.communities, job.model().seed, monitor).get(0);
            gm.getGraph().setAttribute("modularity", louvain.modularity());
            gm.getGraph().setAttribute("communities", louvain.communities());
            ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
            GraphStyle.colourBy(gm, s.colourByLayer && gm.getNodeTable().hasColumn(Names.LAYER) ? Names.LAYER : Names.MODULARITY_CLASS);
            GraphStyle.sizeByWeightedDegree(gm);
            GraphStyle.colourEdges(gm);
            String base = cp.epoch() >= 0 ? String.format(Locale.ROOT, "%s-epoch-%04d", fileBase, cp.epoch()) : fileBase;
            List<String> files = new ArrayList<>();
            for (Path f : GraphFiles.write(ws, gm, outDir.resolve("graphs"), base, job.title(k), s.formats)) files.add(outDir.relativize(f).toString());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", cp.epoch());
            row.put("checkpoint", cp.label()); // "epoch 5", or the file's name for a loaded model
            row.put("test_accuracy", cp.testAccuracy());
            row.put("metrics", metrics.asMap());
            row.put("modularity", louvain.modularity());
            row.put("communities", louvain.communities());
            row.put("communities_algorithm", s.communities.resolve(edges).id());
            row.put("communities_why", s.communities.why(edges));
            row.put("files", files);
            rows.add(row);
            timeline.add(fileBase, gm, cp.epoch());
        }
        List<String> timelineFiles = timeline.write(outDir, s.layoutIterations, monitor, notes);
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        writeReport(outDir, rows, timelineFiles, notes);
        return new StudyOutcome(summary(rows), notes, Arrays.asList("report.md", "graphs", "neuralgraph.gephi"));
    }

    @SuppressWarnings("unchecked")
    private void writeReport(Path outDir, List<Map<String, Object>> rows, List<String> timelineFiles, List<String> notes) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", s.command);
        j.put("seed", job.model().seed);
        j.put("graph_kind", job.kind().id());
        j.put("graph", job.kind().title() + ": " + job.kind().description());
        j.put("reference", job.kind().reference());
        j.put("parameters", job.values().asMap());
        j.put("model", job.model().model);
        j.put("modularity_convention", "Gephi's Louvain Modularity, weighted, randomize off, resolution 1.0; edges treated as undirected");
        j.put("communities_option", s.communities.id());
        j.put("communities_algorithm", rows.get(0).get("communities_algorithm"));
        j.put("communities_why", rows.get(0).get("communities_why"));
        j.put("checkpoints", rows);
        j.put("timeline_files", timelineFiles);
        j.put("notes", notes);
        Json.write(outDir.resolve("report.json"), j);
        StringBuilder csv = new StringBuilder("epoch,test_accuracy");
        StringBuilder md = new StringBuilder("# ").append(job.kind().title()).append(" of ").append(job.model().model).append("\n\n");
        md.append("Command: `").append(s.command).append("`  \nSeed: ").append(job.model().seed).append("  \n");
        md.append("Graph: ").append(job.kind().description()).append(job.kind().reference().isEmpty() ? "" : " (" + job.kind().reference() + ")")
                .append("; parameters ").append(job.values().asMap()).append(".\n");
        md.append("Communities: ").append(rows.get(0).get("communities_why")).append("; resolution 1, weighted, edges as undirected")
                .append("leiden".equals(rows.get(0).get("communities_algorithm")) ? ", seeded by --seed" : ", randomize off").append(".\n\n");
        Map<String, Object> firstMetrics = (Map<String, Object>) rows.get(0).get("metrics");
        md.append("| epoch | test acc |");
        for (String key : firstMetrics.keySet()) {
            csv.append(',').append(key);
            md.append(' ').append(key.replace('_', ' ')).append(" |");
        }
        csv.append(",modularity,communities\n");
        md.append(" modularity | communities |\n|---|---|");
        for (int i = 0; i < firstMetrics.size() + 2; i++) md.append("---|");
        md.append('\n');
        for (Map<String, Object> row : rows) {
            Map<String, Object> m = (Map<String, Object>) row.get("metrics");
            csv.append(row.get("epoch")).append(',').append(ReportText.n((Double) row.get("test_accuracy")));
            md.append("| ").append((Integer) row.get("epoch") >= 0 ? row.get("epoch") : row.get("checkpoint")).append(" | ").append(ReportText.f4((Double) row.get("test_accuracy"))).append(" |");
            for (Object v : m.values()) {
                csv.append(',').append(v);
                md.append(' ').append(v instanceof Double ? ReportText.f4((Double) v) : String.valueOf(v)).append(" |");
            }
            csv.append(',').append(row.get("modularity")).append(',').append(row.get("communities")).append('\n');
            md.append(' ').append(ReportText.f4((Double) row.get("modularity"))).append(" | ").append(row.get("communities")).append(" |\n");
        }
        md.append("\n## Files\n\n");
        for (Map<String, Object> row : rows) md.append("- ").append(row.get("checkpoint")).append(": ").append(String.join(", ", (List<String>) row.get("files"))).append('\n');
        md.append(TimelineOutput.markdown(timelineFiles));
        md.append("- `neuralgraph.gephi`: a Gephi project with one workspace per checkpoint\n");
        for (String n : notes) md.append("- note: ").append(n).append('\n');
        ReportText.writeFile(outDir.resolve("metrics.csv"), csv.toString());
        ReportText.writeFile(outDir.resolve("report.md"), md.toString());
        Files.createDirectories(outDir.resolve("graphs"));
    }

    private String summary(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) row.get("metrics");
            b.append(String.format(Locale.ROOT, "%-9s  %s: %s nodes, %s edges, modularity %.3f, %s communities%n", row.get("checkpoint"),
                    job.name(), m.get("nodes"), m.get("edges"), (Double) row.get("modularity"), row.get("communities")));
        }
        return b.toString();
    }
}
