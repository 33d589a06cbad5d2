package org.neuralgraph.pipeline.study;

import org.neuralgraph.dl4j.TrainingRun;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.gephi.Charts;
import org.neuralgraph.gephi.GraphMetrics;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.gephi.CommunityAlgorithm;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.Claims;
import org.neuralgraph.pipeline.report.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.neuralgraph.pipeline.study.ReportText.f4;
import static org.neuralgraph.pipeline.study.ReportText.n;
import static org.neuralgraph.pipeline.study.ReportText.writeFile;

/**
 * The report of a weight-graph study: {@code report.json} (everything, machine-readable), {@code metrics.csv}
 * (one row per checkpoint), {@code modularity.csv} (one row per checkpoint and resolution) and
 * {@code report.md}, which sets the first checkpoint (untrained) beside the last (trained) and, for the
 * 784-50-50-50-10 MLP, beside Darnell and Leonard's figures (Section 4, Fig. 2), with the paper's claims checked ({@link #claims}).
 */
final class WeightGraphReport {

    /** Darnell and Leonard, Section 4: "the average weighted degree increased after training from 1.15 to 2.25". */
    static final double PAPER_WEIGHTED_DEGREE_UNTRAINED = 1.15;
    static final double PAPER_WEIGHTED_DEGREE_TRAINED = 2.25;
    /** Darnell and Leonard, Section 4: "Clustering coefficient remained 0, network diameter remained 4, and average path length remained 2.08". */
    static final double PAPER_CLUSTERING = 0;
    static final double PAPER_DIAMETER = 4;
    static final double PAPER_PATH_LENGTH = 2.08;
    /** Darnell and Leonard, Section 4: "A final accuracy of 97%". */
    static final double PAPER_ACCURACY = 0.97;
    static final String PAPER_ARCHITECTURE = "784-50-50-50-10";
    /** Our tolerance for the weighted degrees: a share of the paper's figure. */
    static final double DEGREE_TOLERANCE = 0.05;
    /** Our tolerance for the accuracy: a share of 1 (one percentage point). */
    static final double ACCURACY_TOLERANCE = 0.01;

    private static final String ONE_CHECKPOINT = "one checkpoint (a loaded model): no untrained network to compare with";

    private final TrainingRun run;
    private final WeightGraphStudy.Settings settings;
    private final WeightGraphStudy.Result result;

    WeightGraphReport(TrainingRun run, WeightGraphStudy.Settings settings, WeightGraphStudy.Result result) {
        this.run = run;
        this.settings = settings;
        this.result = result;
    }

    void write(Path dir) throws IOException {
        Path charts = dir.resolve("charts");
        modularityChart(charts.resolve(MODULARITY_CHART));
        if (result.checkpoints.size() > 1) degreeChart(charts.resolve(DEGREE_CHART));
        result.communities.write(dir);
        Json.write(dir.resolve("report.json"), json());
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
        m.put("graph", "weight graph (Darnell and Leonard, Section 3): neurons as nodes, weights as directed edges, Gephi weight |w|");
        m.put("sparsification", sparsification());
        m.put("modularity_convention", (first().communitiesBy == CommunityAlgorithm.LEIDEN ? "Leiden (CWTS networkanalysis), weighted, seeded by --seed"
                : "Gephi's Louvain Modularity, weighted, randomize off") + "; Gephi resolution gamma multiplies the "
                + "internal term, Q = sum_c [gamma*L_c/W - (d_c/2W)^2] (not networkx's convention); edges treated as undirected");
        m.put("communities_option", settings.communities.id());
        m.put("communities_algorithm", first().communitiesBy.id());
        m.put("communities_why", first().communitiesWhy);
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
            c.put("train_accuracy", r.checkpoint.trainAccuracy());
            c.put("test_accuracy", r.checkpoint.testAccuracy());
            c.put("train_loss", r.checkpoint.trainLoss());
            c.put("test_loss", r.checkpoint.testLoss());
            c.put("seconds_per_epoch", r.checkpoint.secondsPerEpoch());
            c.put("metrics", r.metrics.asMap());
            List<Map<String, Object>> mods = new ArrayList<>();
            for (ModularitySweep.Result x : r.modularity) mods.add(x.asMap());
            c.put("modularity", mods);
            c.put("communities_algorithm", r.communitiesBy.id());
            c.put("files", r.files);
            cps.add(c);
        }
        m.put("checkpoints", cps);
        m.put("comparison", comparison());
        List<Claim> claims = claims();
        m.put("claims", Claims.json(claims));
        m.put("claim_counts", Claims.counts(claims));
        m.put("timeline_files", result.timelineFiles);
        m.put("notes", result.notes);
        m.put("communities_over_checkpoints", result.communities.json());
        return m;
    }

    /** The sparsification as the report names it ("none", "percentile:90.0", ...). */
    private String sparsification() {
        return org.neuralgraph.core.weights.Sparsification.parse(settings.graph.text("sparsify")).toString();
    }

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

    /** The paper's claims this run can check. */
    List<Claim> claims() {
        return claims(result, isPaperArchitecture());
    }

    /**
     * Darnell and Leonard's claims about the weight graph, first checkpoint (untrained) against last (trained):
     * <ul>
     *   <li>Section 4, Fig. 2: "The trained network always had a higher modularity, and a lower number of communities,
     *       than before training", shown for a range of resolutions; rule: at every resolution of the sweep.</li>
     *   <li>For the paper's network ({@code paperArchitecture}: 784-50-50-50-10, no sparsification), Section 4's figures,
     *       with rules of ours since the paper gives figures, not tolerances: clustering coefficient 0 and diameter 4
     *       (structural, so equal); average path length 2.08 (equal at the paper's two decimals); average weighted degree
     *       1.15 untrained and 2.25 trained (within {@link #DEGREE_TOLERANCE 5 %}: the untrained figure depends on the
     *       initialisation, the trained one on optimiser, epochs and data, which the paper leaves open); test accuracy
     *       97 % (within {@link #ACCURACY_TOLERANCE one percentage point}).</li>
     * </ul>
     * A run of one checkpoint (a loaded model) cannot compare untrained with trained: those claims are not measured.
     */
    static List<Claim> claims(WeightGraphStudy.Result result, boolean paperArchitecture) {
        List<WeightGraphStudy.CheckpointResult> cps = result.checkpoints;
        WeightGraphStudy.CheckpointResult a = cps.get(0), b = cps.get(cps.size() - 1);
        boolean compared = cps.size() >= 2;
        List<Claim> out = new ArrayList<>();
        Claim higher = Claim.about("fig2-trained-modularity-higher", "Fig. 2: the trained network has a higher modularity at every resolution")
                .paper("higher at every resolution shown").rule("last > first at every resolution");
        Claim fewer = Claim.about("fig2-trained-fewer-communities", "Fig. 2: the trained network has fewer communities at every resolution")
                .paper("fewer at every resolution shown").rule("last < first at every resolution");
        if (!compared) {
            higher.notMeasured(ONE_CHECKPOINT);
            fewer.notMeasured(ONE_CHECKPOINT);
        } else {
            int n = a.modularity.size(), h = 0, f = 0;
            double smallestRise = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                ModularitySweep.Result x = a.modularity.get(i), y = b.modularity.get(i);
                if (y.modularity() > x.modularity()) h++;
                if (y.communities() < x.communities()) f++;
                smallestRise = Math.min(smallestRise, y.modularity() - x.modularity()); // NaN stays NaN: not measured
            }
            higher.measured("resolutions_higher", h).measured("resolutions", n).measured("smallest_rise", smallestRise)
                    .shown(String.format(Locale.ROOT, "higher at %d of %d resolutions, smallest rise %s", h, n, f4(smallestRise))).holds(h == n);
            fewer.measured("resolutions_fewer", f).measured("resolutions", n)
                    .shown(String.format(Locale.ROOT, "fewer at %d of %d resolutions", f, n)).holds(f == n);
        }
        out.add(higher);
        out.add(fewer);
        if (!paperArchitecture) return out;
        GraphMetrics m = b.metrics;
        out.add(Claim.about("sec4-clustering-zero", "Section 4: the clustering coefficient is the paper's").paper("0")
                .measured("clustering", m.averageClustering()).rule("equal").holds(m.averageClustering() == PAPER_CLUSTERING));
        out.add(Claim.about("sec4-diameter", "Section 4: the diameter is the paper's").paper("4")
                .measured("diameter", m.diameter()).rule("equal").holds(m.diameter() == PAPER_DIAMETER));
        out.add(Claim.about("sec4-average-path-length", "Section 4: the average path length is the paper's").paper("2.08")
                .measured("average_path_length", m.averagePathLength()).rule("equal at two decimals: |ours - 2.08| < 0.005")
                .holds(Math.abs(m.averagePathLength() - PAPER_PATH_LENGTH) < 0.005));
        Claim untrained = Claim.about("sec4-weighted-degree-untrained", "Section 4: the untrained network's average weighted degree is the paper's")
                .paper("1.15").rule("within 5 %");
        if (a.checkpoint.epoch() != 0) {
            untrained.notMeasured("the first checkpoint is not the untrained network (" + a.checkpoint.label() + ")");
        } else {
            untrained.measured("average_weighted_degree", a.metrics.averageWeightedDegree())
                    .holds(within(a.metrics.averageWeightedDegree(), PAPER_WEIGHTED_DEGREE_UNTRAINED, DEGREE_TOLERANCE));
        }
        out.add(untrained);
        Claim trained = Claim.about("sec4-weighted-degree-trained", "Section 4: the trained network's average weighted degree is the paper's")
                .paper("2.25").rule("within 5 %");
        Claim accuracy = Claim.about("sec4-test-accuracy", "Section 4: the trained network's test accuracy is the paper's")
                .paper("97 %").rule("within 1 percentage point");
        if (!compared) {
            trained.notMeasured(ONE_CHECKPOINT);
            accuracy.notMeasured(ONE_CHECKPOINT);
        } else {
            trained.measured("average_weighted_degree", m.averageWeightedDegree())
                    .holds(within(m.averageWeightedDegree(), PAPER_WEIGHTED_DEGREE_TRAINED, DEGREE_TOLERANCE));
            double acc = b.checkpoint.testAccuracy();
            accuracy.measured("test_accuracy", acc).shown(pct(acc)).holds(close(acc, PAPER_ACCURACY, ACCURACY_TOLERANCE));
        }
        out.add(trained);
        out.add(accuracy);
        return out;
    }

    /** |ours - paper| within {@code share} of the paper's figure. */
    private static boolean within(double ours, double paper, double share) {
        return close(ours, paper, share * Math.abs(paper));
    }

    /** |ours - paper| &lt;= {@code tolerance}, the boundary included although 0.98 - 0.97 is 0.010000000000000009 in doubles. */
    private static boolean close(double ours, double paper, double tolerance) {
        return Math.abs(ours - paper) <= tolerance + 1e-9;
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
            s.append(String.format(Locale.ROOT, "%-9s  test acc %s  avg weighted degree %.3f  modularity(%.1f) %.3f  communities %d%n",
                    r.checkpoint.label(), Double.isNaN(r.checkpoint.testAccuracy()) ? "  -  " : String.format(Locale.ROOT, "%.3f", r.checkpoint.testAccuracy()),
                    r.metrics.averageWeightedDegree(), k.resolution(), k.modularity(), k.communities()));
        }
        s.append(String.format(Locale.ROOT, "structure: %d nodes, %d edges, clustering %.3f, diameter %.0f, average path length %.4f%n",
                b.nodes(), b.edges(), b.averageClustering(), b.diameter(), b.averagePathLength()));
        if (result.checkpoints.size() > 1) { // one checkpoint (a loaded model): nothing to compare
            s.append(String.format(Locale.ROOT, "first -> last checkpoint: average weighted degree %.3f -> %.3f; trained modularity higher at %s resolutions%n",
                    a.averageWeightedDegree(), b.averageWeightedDegree(), comparison().get("resolutions_where_trained_modularity_is_higher")));
        }
        s.append(Claims.lines(claims()));
        return s.toString();
    }

    static final String MODULARITY_CHART = "modularity-against-resolution.png";
    static final String DEGREE_CHART = "weighted-degree-over-training.png";

    /** Fig. 2 redrawn: modularity against resolution, the first checkpoint beside the last. */
    private void modularityChart(Path png) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints.size() > 1 ? java.util.Arrays.asList(first(), last()) : java.util.Collections.singletonList(first())) {
            XYSeries s = new XYSeries(r.checkpoint.epoch() >= 0 ? "epoch " + r.checkpoint.epoch() : r.checkpoint.file().getFileName().toString());
            for (ModularitySweep.Result x : r.modularity) s.add(x.resolution(), x.modularity());
            d.addSeries(s);
        }
        Charts.save(ChartFactory.createXYLineChart("Modularity against resolution (Darnell and Leonard, Fig. 2)", "resolution (Gephi's convention)",
                "modularity Q", d, PlotOrientation.VERTICAL, true, false, false), png);
    }

    /** Average weighted degree and test accuracy at every checkpoint. */
    private void degreeChart(Path png) throws IOException {
        XYSeries degree = new XYSeries("average weighted degree"), accuracy = new XYSeries("test accuracy");
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            degree.add(r.checkpoint.epoch(), r.metrics.averageWeightedDegree());
            if (Double.isFinite(r.checkpoint.testAccuracy())) accuracy.add(r.checkpoint.epoch(), r.checkpoint.testAccuracy());
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(degree);
        d.addSeries(accuracy);
        Charts.save(ChartFactory.createXYLineChart("Average weighted degree over training", "epoch", "value", d,
                PlotOrientation.VERTICAL, true, false, false), png);
    }

    private String markdown() {
        StringBuilder m = new StringBuilder();
        GraphMetrics a = first().metrics, b = last().metrics;
        boolean one = result.checkpoints.size() == 1; // a loaded model: nothing before or after
        m.append(one ? "# Weight graph of " + last().checkpoint.label() + "\n\n" : "# Weight graphs before and after training\n\n");
        m.append("Command: `").append(settings.command).append("`  \nSeed: ").append(settings.seed).append("  \n");
        if (run.manifest() != null) {
            m.append("Model: ").append(run.manifest().spec.name).append(" (").append(run.manifest().spec.sizes()).append(", ")
                    .append(run.manifest().spec.epochs).append(" epochs, batch ").append(run.manifest().spec.batchSize).append(")  \n");
            m.append("Data: ").append(run.manifest().data).append("\n\n");
        }
        m.append("Graph: neurons are nodes, weights are edges directed from input to output, Gephi weight |w| ")
                .append("(Darnell and Leonard, Section 3); sparsification ").append(sparsification()).append(".\n")
                .append("Statistics are Gephi's own (Degree, WeightedDegree, ClusteringCoefficient, GraphDistance directed, ")
                .append("ConnectedComponents weakly); modularity is Gephi's Louvain, weighted, randomize off, with Gephi's resolution ")
                .append("convention (γ multiplies the internal term: a higher resolution gives fewer communities).\n")
                .append("Communities: ").append(first().communitiesWhy)
                .append(first().communitiesBy == CommunityAlgorithm.LEIDEN
                        ? " (Traag, Waltman and van Eck 2019, seeded by --seed, at the same resolutions in Gephi's convention, in place of Gephi's Louvain)"
                        : "").append(".\n");
        if (first().metrics.edges() > GephiMetrics.BREADTH_FIRST_ABOVE_EDGES) {
            m.append("Diameter and average path length: neuralgraph's breadth-first searches (equal to GraphDistance's, which is slow ")
                    .append("above ").append(GephiMetrics.BREADTH_FIRST_ABOVE_EDGES).append(" edges).\n");
        }
        m.append('\n');
        m.append("## Checkpoints\n\n| epoch | train acc | test acc | avg degree | avg weighted degree | clustering | diameter | avg path length | components | modularity (").append(fmt(settings.colourResolution)).append(") | communities |\n");
        m.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) {
            GraphMetrics x = r.metrics;
            ModularitySweep.Result k = atColourResolution(r);
            m.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f | %.3f | %.0f | %.4f | %d | %.4f | %d |%n",
                    r.checkpoint.epochOrName(), pct(r.checkpoint.trainAccuracy()), pct(r.checkpoint.testAccuracy()), x.averageDegree(),
                    x.averageWeightedDegree(), x.averageClustering(), x.diameter(), x.averagePathLength(), x.components(), k.modularity(), k.communities()));
        }
        if (result.checkpoints.size() > 1) m.append("\n![Average weighted degree over training](charts/").append(DEGREE_CHART).append(")\n");
        m.append(one ? "\n## Modularity against resolution (Darnell and Leonard, Fig. 2)\n\n"
                : "\n## Modularity against resolution: first versus last checkpoint (Darnell and Leonard, Fig. 2)\n\n");
        m.append("![Modularity against resolution](charts/").append(MODULARITY_CHART).append(")\n\n");
        m.append(one ? "| resolution | modularity | communities |\n|---|---|---|\n"
                : "| resolution | modularity first | modularity last | communities first | communities last |\n|---|---|---|---|---|\n");
        for (int i = 0; i < first().modularity.size(); i++) {
            ModularitySweep.Result x = first().modularity.get(i), y = last().modularity.get(i);
            if (one) m.append(String.format(Locale.ROOT, "| %.2f | %.4f | %d |%n", y.resolution(), y.modularity(), y.communities()));
            else m.append(String.format(Locale.ROOT, "| %.2f | %.4f | %.4f | %d | %d |%n", x.resolution(), x.modularity(), y.modularity(), x.communities(), y.communities()));
        }
        if (isPaperArchitecture()) {
            m.append("\n## Beside the paper (Darnell and Leonard, Section 4)\n\n| figure | paper | ours |\n|---|---|---|\n");
            m.append(String.format(Locale.ROOT, "| clustering coefficient | 0 | %.3f |%n", b.averageClustering()));
            m.append(String.format(Locale.ROOT, "| diameter | 4 | %.0f |%n", b.diameter()));
            m.append(String.format(Locale.ROOT, "| average path length | 2.08 | %.4f |%n", b.averagePathLength()));
            boolean untrainedFirst = first().checkpoint.epoch() == 0;
            m.append(untrainedFirst ? String.format(Locale.ROOT, "| average weighted degree, untrained | 1.15 | %.3f |%n", a.averageWeightedDegree())
                    : "| average weighted degree, untrained | 1.15 | n/a (no untrained checkpoint) |\n");
            m.append(String.format(Locale.ROOT, "| average weighted degree, %s | 2.25 | %.3f |%n", one ? "of this model" : "trained", b.averageWeightedDegree()));
            m.append(one ? "| resolutions where the trained modularity is higher | all | n/a (one checkpoint) |\n"
                    : String.format(Locale.ROOT, "| resolutions where the trained modularity is higher | all | %s |%n",
                    comparison().get("resolutions_where_trained_modularity_is_higher")));
            m.append(String.format(Locale.ROOT, "| test accuracy after training | 97%% | %s |%n", pct(last().checkpoint.testAccuracy())));
            m.append("\nThe untrained figure depends on the initialisation: mlp-seed000 uses PyTorch's default, U(±1/√fan_in), ")
                    .append("which gives 1.15 in expectation. The trained figure depends on optimiser, epochs and data size, which the paper ")
                    .append("leaves open (we train on the data named above).\n");
        }
        m.append("\n## The paper's claims\n\n").append(Claims.markdown(claims()));
        m.append("\n## Files\n\n");
        for (WeightGraphStudy.CheckpointResult r : result.checkpoints) m.append("- ").append(r.checkpoint.label()).append(": ").append(String.join(", ", r.files)).append('\n');
        m.append(TimelineOutput.markdown(result.timelineFiles));
        m.append("- `neuralgraph.gephi`: a Gephi project with one workspace per checkpoint")
                .append(result.timelineFiles.isEmpty() ? "" : " and the dynamic workspace \"weights timeline\"").append('\n');
        for (String n : result.notes) m.append("- note: ").append(n).append('\n');
        m.append(result.communities.markdown());
        return m.toString();
    }

    private static String pct(double x) { return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * x); }
}
