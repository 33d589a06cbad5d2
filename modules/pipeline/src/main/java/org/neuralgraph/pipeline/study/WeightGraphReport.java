package org.neuralgraph.pipeline.study;

import com.google.gson.GsonBuilder;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GraphMetrics;
import org.neuralgraph.gephi.ModularitySweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.neuralgraph.pipeline.study.ReportText.n;
import static org.neuralgraph.pipeline.study.ReportText.writeFile;

/**
 * The report of a weight-graph study: {@code report.json} (everything, machine-readable), {@code metrics.csv}
 * (one row per checkpoint), {@code modularity.csv} (one row per checkpoint and resolution) and
 * {@code report.md}, which sets the first checkpoint (untrained) beside the last (trained) and, for the
 * 784-50-50-50-10 MLP, beside seed 000's figures (Section 4, Fig. 2).
 */
final class WeightGraphReport {

    /** Seed 000, Section 4. */
    static final double PAPER_WEIGHTED_DEGREE_UNTRAINED = 1.15;
    static final double PAPER_WEIGHTED_DEGREE_TRAINED = 2.25;
    static final double PAPER_DIAMETER = 4;
    static final double PAPER_PATH_LENGTH = 2.08;
    static final String PAPER_ARCHITECTURE = "784-50-50-50-10";

    private final TrainingRun run;
    private final WeightGraphStudy.Settings settings;
    private final WeightGraphStudy.Result result;

    WeightGraphReport(TrainingRun run, WeightGraphStudy.Settings settings, WeightGraphStudy.Result result) {
        this.run = run;
        this.settings = settings;
        this.result = result;
    }

    void write(Path dir) throws IOException {
        Files.write(dir.resolve("report.json"), new GsonBuilder().setPrettyPrinting().serializeNulls().create()
                .toJson(json()).getBytes(StandardCharsets.UTF_8));
        writeFile(dir.resolve("metrics.csv"), metricsCsv());
        writeFile(dir.resolve("modularity.csv"), modularityCsv());
        writeFile(dir.resolve("report.md"), markdown());
    }

    private WeightGraphStudy.CheckpointResult first() { return result.checkpoints.get(0); }
    private WeightGraphStudy.CheckpointResult last() { return result.checkpoints.get(result.checkpoints.size() - 1); }

    private Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "neuralgraph weights");
        m.put("command", settings.command);
        m.put("seed", settings.seed);
        m.put("graph", "weight graph (seed 000, Section 3): neurons as nodes, weights as directed edges, Gephi weight |w|");
        m.put("sparsification", sparsification());
        m.put("modularity_convention", "Gephi's Louvain Modularity, weighted, randomize off; Gephi resolution gamma multiplies the "
                + "internal term, Q = sum_c [gamma*L_c/W - (d_c/2W)^2] (not networkx's convention); edges treated as undirected");
        m.put("resolutions", settings.resolutions);
        if (run.manifest() != null) {
            m.put("model", run.manifest().spec);
            m.put("data", run.manifest().data);
            m.put("shuffled_labels", run.manifest().shuffledLabels);
        }
        List<Map<String, Object>> cps = new ArrayList<>();
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("epoch", r.checkpoint.epoch());
            c.put("train_accuracy", finite(r.checkpoint.trainAccuracy()));
            c.put("test_accuracy", finite(r.checkpoint.testAccuracy()));
            c.put("train_loss", finite(r.checkpoint.trainLoss()));
            c.put("test_loss", finite(r.checkpoint.testLoss()));
            c.put("seconds_per_epoch", finite(r.checkpoint.secondsPerEpoch()));
            c.put("metrics", r.metrics.asMap());
            List<Map<String, Object>> mods = new ArrayList<>();
            for (ModularitySweep.Result x : r.modularity) mods.add(x.asMap());
            c.put("modularity", mods);
            c.put("files", r.files);
            cps.add(c);
        }
        m.put("checkpoints", cps);
        m.put("comparison", comparison());
        m.put("timeline_files", result.timelineFiles);
        m.put("notes", result.notes);
        return m;
    }

    /** The sparsification as the report names it ("none", "percentile:90.0", ...). */
    private String sparsification() {
        return org.neuralgraph.core.weights.Sparsification.parse(settings.graph.text("sparsify")).toString();
    }

    private static Object finite(double x) { return Double.isFinite(x) ? x : null; }

    /** The untrained-versus-trained comparison and, for the paper's architecture, the paper's figures. */
    private Map<String, Object> comparison() {
        Map<String, Object> c = new LinkedHashMap<>();
        GraphMetrics a = first().metrics, b = last().metrics;
        c.put("first_epoch", first().checkpoint.epoch());
        c.put("last_epoch", last().checkpoint.epoch());
        c.put("average_weighted_degree", pair(a.averageWeightedDegree(), b.averageWeightedDegree()));
        List<Map<String, Object>> mods = new ArrayList<>();
        int higher = 0;
        for (int i = 0; i < first().modularity.size(); i++) {
            ModularitySweep.Result x = first().modularity.get(i), y = last().modularity.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("resolution", x.resolution());
            row.put("modularity", pair(x.modularity(), y.modularity()));
            row.put("communities", pair(x.communities(), y.communities()));
            if (y.modularity() > x.modularity()) higher++;
            mods.add(row);
        }
        c.put("modularity", mods);
        c.put("resolutions_where_trained_modularity_is_higher", higher + " of " + mods.size());
        if (isPaperArchitecture()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("average_weighted_degree", pair(PAPER_WEIGHTED_DEGREE_UNTRAINED, PAPER_WEIGHTED_DEGREE_TRAINED));
            p.put("clustering_coefficient", 0.0);
            p.put("diameter", PAPER_DIAMETER);
            p.put("average_path_length", PAPER_PATH_LENGTH);
            p.put("claim", "the trained network has a higher modularity and fewer communities at every resolution (Fig. 2)");
            c.put("paper_seed000", p);
        }
        return c;
    }

    private boolean isPaperArchitecture() {
        Object layers = first().graphAttributes.get("layers");
        return PAPER_ARCHITECTURE.equals(layers) && "none".equals(sparsification());
    }

    private static Map<String, Object> pair(double untrained, double trained) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first", untrained);
        m.put("last", trained);
        return m;
    }

    private String metricsCsv() {
        StringBuilder b = new StringBuilder("epoch,train_accuracy,test_accuracy,train_loss,test_loss");
        for (String k : first().metrics.asMap().keySet()) b.append(',').append(k);
        b.append(",modularity_at_").append(fmt(settings.colourResolution)).append(",communities_at_").append(fmt(settings.colourResolution)).append('\n');
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            b.append(r.checkpoint.epoch()).append(',').append(n(r.checkpoint.trainAccuracy())).append(',').append(n(r.checkpoint.testAccuracy()))
                    .append(',').append(n(r.checkpoint.trainLoss())).append(',').append(n(r.checkpoint.testLoss()));
            for (Object v : r.metrics.asMap().values()) b.append(',').append(v);
            ModularitySweep.Result k = atColourResolution(r);
            b.append(',').append(k.modularity()).append(',').append(k.communities()).append('\n');
        }
        return b.toString();
    }

    private ModularitySweep.Result atColourResolution(WeightGraphStudy.CheckpointResult r) {
        for (ModularitySweep.Result m : r.modularity) if (Math.abs(m.resolution() - settings.colourResolution) < 1e-9) return m;
        throw new IllegalStateException("no modularity at the colour resolution");
    }

    private String modularityCsv() {
        StringBuilder b = new StringBuilder("epoch,resolution,modularity,communities\n");
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            for (ModularitySweep.Result m : r.modularity) {
                b.append(r.checkpoint.epoch()).append(',').append(m.resolution()).append(',').append(m.modularity()).append(',').append(m.communities()).append('\n');
            }
        }
        return b.toString();
    }

    private static String fmt(double x) { return String.format(Locale.ROOT, "%.2f", x); }

    /** The few lines the command prints: accuracy and the headline figures first versus last. */
    String summary() {
        GraphMetrics a = first().metrics, b = last().metrics;
        StringBuilder s = new StringBuilder();
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            ModularitySweep.Result k = atColourResolution(r);
            s.append(String.format(Locale.ROOT, "epoch %3d  test acc %s  avg weighted degree %.3f  modularity(%.1f) %.3f  communities %d%n",
                    r.checkpoint.epoch(), Double.isNaN(r.checkpoint.testAccuracy()) ? "  -  " : String.format(Locale.ROOT, "%.3f", r.checkpoint.testAccuracy()),
                    r.metrics.averageWeightedDegree(), k.resolution(), k.modularity(), k.communities()));
        }
        s.append(String.format(Locale.ROOT, "structure: %d nodes, %d edges, clustering %.3f, diameter %.0f, average path length %.4f%n",
                b.nodes(), b.edges(), b.averageClustering(), b.diameter(), b.averagePathLength()));
        s.append(String.format(Locale.ROOT, "first -> last checkpoint: average weighted degree %.3f -> %.3f; trained modularity higher at %s resolutions%n",
                a.averageWeightedDegree(), b.averageWeightedDegree(), comparison().get("resolutions_where_trained_modularity_is_higher")));
        return s.toString();
    }

    private String markdown() {
        StringBuilder m = new StringBuilder();
        GraphMetrics a = first().metrics, b = last().metrics;
        m.append("# Weight graphs before and after training\n\n");
        m.append("Command: `").append(settings.command).append("`  \nSeed: ").append(settings.seed).append("  \n");
        if (run.manifest() != null) {
            m.append("Model: ").append(run.manifest().spec.name).append(" (").append(run.manifest().spec.sizes()).append(", ")
                    .append(run.manifest().spec.epochs).append(" epochs, batch ").append(run.manifest().spec.batchSize).append(")  \n");
            m.append("Data: ").append(run.manifest().data).append("\n\n");
        }
        m.append("Graph: neurons are nodes, weights are edges directed from input to output, Gephi weight |w| ")
                .append("(seed 000, Section 3); sparsification ").append(sparsification()).append(".\n")
                .append("Statistics are Gephi's own (Degree, WeightedDegree, ClusteringCoefficient, GraphDistance directed, ")
                .append("ConnectedComponents weakly); modularity is Gephi's Louvain, weighted, randomize off, with Gephi's resolution ")
                .append("convention (γ multiplies the internal term: a higher resolution gives fewer communities).\n\n");
        m.append("## Checkpoints\n\n| epoch | train acc | test acc | avg degree | avg weighted degree | clustering | diameter | avg path length | components | modularity (").append(fmt(settings.colourResolution)).append(") | communities |\n");
        m.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            GraphMetrics x = r.metrics;
            ModularitySweep.Result k = atColourResolution(r);
            m.append(String.format(Locale.ROOT, "| %d | %s | %s | %.3f | %.3f | %.3f | %.0f | %.4f | %d | %.4f | %d |%n",
                    r.checkpoint.epoch(), pct(r.checkpoint.trainAccuracy()), pct(r.checkpoint.testAccuracy()), x.averageDegree(),
                    x.averageWeightedDegree(), x.averageClustering(), x.diameter(), x.averagePathLength(), x.components(), k.modularity(), k.communities()));
        }
        m.append("\n## Modularity against resolution: first versus last checkpoint (seed 000, Fig. 2)\n\n");
        m.append("| resolution | modularity first | modularity last | communities first | communities last |\n|---|---|---|---|---|\n");
        for (int i = 0; i < first().modularity.size(); i++) {
            ModularitySweep.Result x = first().modularity.get(i), y = last().modularity.get(i);
            m.append(String.format(Locale.ROOT, "| %.2f | %.4f | %.4f | %d | %d |%n", x.resolution(), x.modularity(), y.modularity(), x.communities(), y.communities()));
        }
        if (isPaperArchitecture()) {
            m.append("\n## Beside the paper (seed 000, Section 4)\n\n| figure | paper | ours |\n|---|---|---|\n");
            m.append(String.format(Locale.ROOT, "| clustering coefficient | 0 | %.3f |%n", b.averageClustering()));
            m.append(String.format(Locale.ROOT, "| diameter | 4 | %.0f |%n", b.diameter()));
            m.append(String.format(Locale.ROOT, "| average path length | 2.08 | %.4f |%n", b.averagePathLength()));
            m.append(String.format(Locale.ROOT, "| average weighted degree, untrained | 1.15 | %.3f |%n", a.averageWeightedDegree()));
            m.append(String.format(Locale.ROOT, "| average weighted degree, trained | 2.25 | %.3f |%n", b.averageWeightedDegree()));
            m.append(String.format(Locale.ROOT, "| resolutions where the trained modularity is higher | all | %s |%n",
                    comparison().get("resolutions_where_trained_modularity_is_higher")));
            m.append(String.format(Locale.ROOT, "| test accuracy after training | 97%% | %s |%n", pct(last().checkpoint.testAccuracy())));
            m.append("\nThe untrained figure depends on the initialisation: mlp-seed000 uses PyTorch's default, U(±1/√fan_in), ")
                    .append("which gives 1.15 in expectation. The trained figure depends on optimiser, epochs and data size, which the paper ")
                    .append("leaves open (we train on the data named above).\n");
        }
        m.append("\n## Files\n\n");
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) m.append("- epoch ").append(r.checkpoint.epoch()).append(": ").append(String.join(", ", r.files)).append('\n');
        m.append(TimelineOutput.markdown(result.timelineFiles));
        m.append("- `neuralgraph.gephi`: a Gephi project with one workspace per checkpoint")
                .append(result.timelineFiles.isEmpty() ? "" : " and the dynamic workspace \"weights timeline\"").append('\n');
        for (String n : result.notes) m.append("- note: ").append(n).append('\n');
        return m.toString();
    }

    private static String pct(double x) { return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * x); }
}
