package org.neuralgraph.pipeline.study;

import org.jfree.chart.ChartFactory;
import org.neuralgraph.gephi.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.pipeline.study.ActivationPatternStudy.CheckpointResult;
import org.neuralgraph.pipeline.study.ActivationPatternStudy.GraphResult;
import org.neuralgraph.core.stats.SeriesCorrelation;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.Claims;
import org.neuralgraph.pipeline.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.neuralgraph.pipeline.study.ReportText.f2;
import static org.neuralgraph.pipeline.study.ReportText.f4;
import static org.neuralgraph.pipeline.study.ReportText.n;
import static org.neuralgraph.pipeline.study.ReportText.writeFile;

/**
 * The tables, correlations, charts and report of an activation-pattern study, laid out like Mostafa and Mondal's Tables 2-6
 * and Fig. 1, with the paper's correlations beside ours where the run repeats one of its experiments
 * ({@link MostafaMondalTables}). Files: {@code tables/*.csv}, {@code charts/*.png}, {@code report.md}, {@code report.json}.
 */
final class ActivationStudyReport {

    /** One correlation row. */
    static final class Correlation {
        String table;
        String metric;
        int layer;      // 0: the whole model
        int classIndex; // -1: all classes
        String against;
        double pcc;
        double scc;
        double[] paper;
    }

    private final TrainingRun run;
    private final ActivationPatternStudy.Settings settings;
    private final ActivationPatternStudy.Result result;
    private final MostafaMondalTables.Dataset paper;
    private final List<CheckpointResult> series;
    private final List<Correlation> correlations = new ArrayList<>();

    ActivationStudyReport(TrainingRun run, ActivationPatternStudy.Settings settings, ActivationPatternStudy.Result result) {
        this.run = run;
        this.settings = settings;
        this.result = result;
        this.paper = MostafaMondalTables.Dataset.of(settings.data, settings.mixed);
        this.series = ActivationPatternStudy.correlated(result, settings);
        correlate();
    }

    private int layers() { return result.checkpoints.get(0).layers.size(); }

    /** Every metric's series against training and test accuracy over the correlated checkpoints. */
    private void correlate() {
        for (String against : new String[]{"train", "test"}) {
            for (int l = 1; l <= layers(); l++) {
                int layer = l;
                for (String m : MostafaMondalTables.TABLE4_METRICS) {
                    add("4", m, layer, -1, against, c -> quality(c.layers.get(layer - 1), m), MostafaMondalTables.table4(m, paper, layer));
                }
                add("3", "average_nodes_per_community", layer, -1, against, c -> c.layers.get(layer - 1).louvain.averageSize(), null);
                add("3", "louvain_modularity", layer, -1, against, c -> c.layers.get(layer - 1).louvainModularity, null);
                add("5", "entropy_layer", layer, -1, against, c -> c.layers.get(layer - 1).entropy, null);
            }
            add("5", "entropy", 0, -1, against, c -> c.entropy, MostafaMondalTables.table5(paper));
            for (int i = 0; i < result.classes; i++) {
                int cls = i;
                add("6", "entropy", 0, cls, against, c -> c.entropyPerClass[cls], MostafaMondalTables.table6(paper, cls));
            }
        }
    }

    private void add(String table, String metric, int layer, int cls, String against, ToDoubleFunction<CheckpointResult> f, double[] paperValues) {
        double[] x = new double[series.size()], y = new double[series.size()];
        for (int i = 0; i < x.length; i++) {
            CheckpointResult c = series.get(i);
            x[i] = f.applyAsDouble(c);
            y[i] = against.equals("train") ? c.checkpoint.trainAccuracy() : c.checkpoint.testAccuracy();
        }
        SeriesCorrelation sc = SeriesCorrelation.of(x, y);
        Correlation c = new Correlation();
        c.table = table;
        c.metric = metric;
        c.layer = layer;
        c.classIndex = cls;
        c.against = against;
        c.pcc = sc.pearson;
        c.scc = sc.spearman;
        c.paper = against.equals("train") ? paperValues : null; // the paper's tables are against training accuracy
        correlations.add(c);
    }

    static double quality(GraphResult g, String metric) {
        switch (metric) {
            case "klb": return g.quality.klb;
            case "no_overlap": return g.quality.noOverlap;
            case "unweighted_overlap": return g.quality.unweightedOverlap;
            case "weighted_overlap": return g.quality.weightedOverlap;
            default: throw new IllegalArgumentException(metric);
        }
    }

    List<Correlation> correlations() { return correlations; }

    void write(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        writeFile(tables.resolve("accuracy.csv"), accuracyCsv());
        writeFile(tables.resolve("table2-unique-neurons.csv"), uniqueCsv());
        writeFile(tables.resolve("table3-communities.csv"), communitiesCsv());
        writeFile(tables.resolve("table4-modularity.csv"), modularityCsv());
        writeFile(tables.resolve("table5-entropy.csv"), entropyCsv());
        writeFile(tables.resolve("table6-entropy-per-class.csv"), entropyPerClassCsv());
        writeFile(tables.resolve("correlations.csv"), correlationsCsv());
        Path charts = Files.createDirectories(dir.resolve("charts"));
        entropyChart(charts.resolve("fig1-entropy-accuracy.png"));
        for (int l = 1; l <= layers(); l++) layerChart(l, charts.resolve("layer-" + l + "-metrics-accuracy.png"));
        result.communities.write(dir);
        writeFile(dir.resolve("report.md"), markdown());
        Json.write(dir.resolve("report.json"), json());
    }

    private String head(CheckpointResult c) {
        return c.index + "," + c.checkpoint.epoch() + "," + n(c.checkpoint.trainAccuracy()) + "," + n(c.checkpoint.testAccuracy());
    }

    private String accuracyCsv() {
        StringBuilder b = new StringBuilder("checkpoint,epoch,train_accuracy,test_accuracy,train_loss,test_loss,correlated\n");
        for (CheckpointResult c : result.checkpoints) {
            b.append(head(c)).append(',').append(n(c.checkpoint.trainLoss())).append(',').append(n(c.checkpoint.testLoss()))
                    .append(',').append(series.contains(c)).append('\n');
        }
        return b.toString();
    }

    private String uniqueCsv() {
        StringBuilder b = new StringBuilder("checkpoint,epoch,layer,class_i,class_j,unique_neurons\n");
        for (CheckpointResult c : result.checkpoints) {
            for (GraphResult g : c.layers) {
                for (int i = 0; i < g.unique.length; i++) {
                    for (int j = 0; j < g.unique.length; j++) {
                        b.append(c.index).append(',').append(c.checkpoint.epoch()).append(',').append(g.layer).append(',')
                                .append(i).append(',').append(j).append(',').append(g.unique[i][j]).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    private String communitiesCsv() {
        StringBuilder b = new StringBuilder("checkpoint,epoch,train_accuracy,test_accuracy,layer,nodes,edges,communities,C1,C2,C3,C4,C5,C6,C7,C8,"
                + "average_nodes_per_community,louvain_modularity\n");
        for (CheckpointResult c : result.checkpoints) {
            for (GraphResult g : c.layers) {
                b.append(head(c)).append(',').append(g.layer).append(',').append(g.nodes).append(',').append(g.edges).append(',')
                        .append(g.louvain.communities());
                for (int s : g.louvain.largest(8)) b.append(',').append(s);
                b.append(',').append(n(g.louvain.averageSize())).append(',').append(n(g.louvainModularity)).append('\n');
            }
        }
        return b.toString();
    }

    private String modularityCsv() {
        StringBuilder b = new StringBuilder("checkpoint,epoch,train_accuracy,test_accuracy,layer,klb,no_overlap,unweighted_overlap,weighted_overlap,total_edge_weight\n");
        for (CheckpointResult c : result.checkpoints) {
            for (GraphResult g : c.layers) {
                b.append(head(c)).append(',').append(g.layer);
                for (String m : MostafaMondalTables.TABLE4_METRICS) b.append(',').append(n(quality(g, m)));
                b.append(',').append(n(g.totalWeight)).append('\n');
            }
        }
        return b.toString();
    }

    private String entropyCsv() {
        StringBuilder b = new StringBuilder("checkpoint,epoch,train_accuracy,test_accuracy,entropy");
        for (int l = 1; l <= layers(); l++) b.append(",entropy_L").append(l);
        b.append('\n');
        for (CheckpointResult c : result.checkpoints) {
            b.append(head(c)).append(',').append(n(c.entropy));
            for (GraphResult g : c.layers) b.append(',').append(n(g.entropy));
            b.append('\n');
        }
        return b.toString();
    }

    private String entropyPerClassCsv() {
        StringBuilder b = new StringBuilder("checkpoint,epoch,train_accuracy,test_accuracy,class,entropy\n");
        for (CheckpointResult c : result.checkpoints) {
            for (int i = 0; i < c.entropyPerClass.length; i++) b.append(head(c)).append(',').append(i).append(',').append(n(c.entropyPerClass[i])).append('\n');
        }
        return b.toString();
    }

    private String correlationsCsv() {
        StringBuilder b = new StringBuilder("table,metric,layer,class,against,checkpoints,pcc,scc,paper_pcc,paper_scc\n");
        for (Correlation c : correlations) {
            b.append(c.table).append(',').append(c.metric).append(',').append(c.layer == 0 ? "all" : "L" + c.layer).append(',')
                    .append(c.classIndex < 0 ? "all" : String.valueOf(c.classIndex)).append(',').append(c.against).append(',')
                    .append(series.size()).append(',').append(n(c.pcc)).append(',').append(n(c.scc)).append(',')
                    .append(c.paper == null ? "" : String.valueOf(c.paper[0])).append(',').append(c.paper == null ? "" : String.valueOf(c.paper[1])).append('\n');
        }
        return b.toString();
    }

    /** Min-max normalisation to [0, 1], as Fig. 1's "normalized entropy"; a constant series maps to 0. */
    static double[] normalised(double[] x) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : x) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = !Double.isFinite(x[i]) ? Double.NaN : max > min ? (x[i] - min) / (max - min) : 0;
        return out;
    }

    private XYSeries line(String name, ToDoubleFunction<CheckpointResult> f, boolean normalise) {
        double[] y = new double[result.checkpoints.size()];
        for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(result.checkpoints.get(i));
        if (normalise) y = normalised(y);
        XYSeries s = new XYSeries(name);
        for (int i = 0; i < y.length; i++) if (Double.isFinite(y[i])) s.add(result.checkpoints.get(i).checkpoint.epoch(), y[i]);
        return s;
    }

    private void accuracyLines(XYSeriesCollection d) {
        d.addSeries(line("training accuracy", c -> c.checkpoint.trainAccuracy(), false));
        d.addSeries(line("test accuracy", c -> c.checkpoint.testAccuracy(), false));
    }

    private void entropyChart(Path png) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(line("normalised entropy", c -> c.entropy, true));
        accuracyLines(d);
        save(d, "Activation pattern entropy and accuracy (Mostafa and Mondal, Fig. 1)", png);
    }

    private void layerChart(int layer, Path png) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (String m : MostafaMondalTables.TABLE4_METRICS) d.addSeries(line("normalised " + m.replace('_', ' ') + " modularity", c -> quality(c.layers.get(layer - 1), m), true));
        d.addSeries(line("normalised nodes per Louvain community", c -> c.layers.get(layer - 1).louvain.averageSize(), true));
        accuracyLines(d);
        save(d, "Layer " + layer + ": community quality and accuracy (Mostafa and Mondal, Tables 3-4)", png);
    }

    private static void save(XYSeriesCollection d, String title, Path png) throws IOException {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "value (metrics min-max normalised)", d,
                PlotOrientation.VERTICAL, true, false, false);
        Charts.save(chart, png);
    }

    private CheckpointResult firstTrained() {
        return series.isEmpty() ? result.checkpoints.get(0) : series.get(0);
    }

    /** The first trained checkpoint and the last, once when they are the same (one checkpoint, a loaded model). */
    private List<CheckpointResult> firstTrainedAndLast() {
        return firstTrained() == last() ? java.util.Collections.singletonList(last()) : java.util.Arrays.asList(firstTrained(), last());
    }

    private CheckpointResult last() {
        return result.checkpoints.get(result.checkpoints.size() - 1);
    }

    private Correlation find(String table, String metric, int layer, int cls, String against) {
        for (Correlation c : correlations) {
            if (c.table.equals(table) && c.metric.equals(metric) && c.layer == layer && c.classIndex == cls && c.against.equals(against)) return c;
        }
        return null;
    }

    /** The paper's signs, one claim per row with paper figures. */
    List<Claim> claims() {
        return claims(correlations);
    }

    /**
     * One claim per correlation row that has the paper's figures beside it (Tables 4-6 of Mostafa and Mondal, against training
     * accuracy): our PCC and SCC have the paper's signs. The paper reads its hypotheses H2 and H3 from these signs
     * (Section 7.2: "A large number of strong positive correlation coefficients in Table 4 supports hypothesis H2";
     * Section 7.3: "Table 5 shows a negative correlation between the entropy of activation pattern and training
     * accuracy"), so the sign is what we compare, not the size. A paper figure of 0 (printed to two decimals) has no
     * sign and is not compared; a correlation we could not compute (n/a: a constant series, an undefined modularity)
     * makes the claim not measured.
     */
    static List<Claim> claims(List<Correlation> rows) {
        List<Claim> out = new ArrayList<>();
        for (Correlation c : rows) {
            if (c.paper == null) continue;
            out.add(Claim.about(signId(c), rowName(c) + ": the correlation with training accuracy has the paper's sign")
                    .paper("PCC " + f2(c.paper[0]) + ", SCC " + f2(c.paper[1]))
                    .measured("pcc", c.pcc).measured("scc", c.scc).shown("PCC " + f2(c.pcc) + ", SCC " + f2(c.scc))
                    .rule("sign(PCC) and sign(SCC) as the paper's; a paper figure of 0 is not compared")
                    .holds(sameSign(c.pcc, c.paper[0]) && sameSign(c.scc, c.paper[1])));
        }
        return out;
    }

    /** "table4-weighted-overlap-l1-sign", "table5-entropy-sign", "table6-entropy-class-3-sign". */
    private static String signId(Correlation c) {
        return "table" + c.table + "-" + c.metric.replace('_', '-') + (c.layer > 0 ? "-l" + c.layer : "")
                + (c.classIndex >= 0 ? "-class-" + c.classIndex : "") + "-sign";
    }

    /** "Table 4 weighted overlap L1", "Table 6 entropy class 3". */
    private static String rowName(Correlation c) {
        return "Table " + c.table + " " + c.metric.replace('_', ' ') + (c.layer > 0 ? " L" + c.layer : "")
                + (c.classIndex >= 0 ? " class " + c.classIndex : "");
    }

    private static boolean sameSign(double ours, double paper) {
        return paper == 0 || Math.signum(ours) == Math.signum(paper);
    }

    private String pair(Correlation c) {
        return c == null ? "n/a | n/a" : f2(c.pcc) + " | " + f2(c.scc);
    }

    private static String paperPair(double[] p) {
        return p == null ? "- | -" : f2(p[0]) + " | " + f2(p[1]);
    }

    private String markdown() {
        StringBuilder m = new StringBuilder("# Activation pattern graphs over training (Mostafa and Mondal)\n\n");
        m.append("Command: `").append(settings.command).append("`  \nSeed: ").append(settings.seed).append("  \n");
        if (run.manifest() != null) {
            m.append("Model: ").append(run.manifest().spec.name).append(" (").append(run.manifest().spec.sizes()).append(", ")
                    .append(run.manifest().spec.epochs).append(" epochs, batch ").append(run.manifest().spec.batchSize).append(")  \n");
            m.append("Data: ").append(run.manifest().data).append("  \n");
        }
        m.append("Activations recorded on the ").append(result.samples).append(" training samples (inference mode, no dropout)")
                .append(settings.mixed ? ", classes by the shuffled labels the model was trained on" : "").append(".  \n");
        if (!result.checkpoints.isEmpty()) { // which hidden layer each L is: dense_1.. for DL4J, the graph's tensors for ONNX
            StringBuilder names = new StringBuilder();
            for (ActivationPatternStudy.GraphResult g : result.checkpoints.get(0).layers) {
                names.append(names.length() == 0 ? "" : ", ").append("L").append(g.layer).append(" `").append(g.layerName).append("` (").append(g.neurons).append(")");
            }
            m.append("Hidden layers (units): ").append(names).append(".  \n");
        }
        m.append(String.format(Locale.ROOT, "Graph: S = %d neurons per class, delta counts samples where both neurons exceed their class means "
                + "(Eq. 7), no self-loops. Louvain: Gephi's Modularity, weighted, randomize off, resolution %.2f (Gephi's convention). "
                + "Eq. 2 partition: each neuron's class of largest belonging coefficient. KLB: %d passes, seed %d. Entropy: R = %d bins.  %n",
                settings.neuronsPerClass(), settings.resolution, settings.klbIterations, settings.seed, settings.bins));
        if (series.size() < 3) {
            m.append("Correlations need at least 3 checkpoints; here there ").append(series.size() == 1 ? "is 1" : "are " + series.size())
                    .append(", so every correlation below is n/a and its claim not measured.");
        } else {
            m.append("Correlations over ").append(series.size()).append(" checkpoints (")
                    .append(settings.correlateUntrained ? "the untrained network included" : "the trained ones, epoch 0 left out, as the paper's G(1)..G(20)")
                    .append(").");
        }
        m.append(paper == null ? " This data is not one of the paper's, so there are no paper figures beside ours.\n"
                : " Paper figures: the " + paper.title + " columns.\n");

        m.append("\n## Accuracy\n\n| epoch | train acc | test acc | entropy E |\n|---|---|---|---|\n");
        for (CheckpointResult c : result.checkpoints) {
            m.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f |%n", c.checkpoint.epochOrName(), f4(c.checkpoint.trainAccuracy()),
                    f4(c.checkpoint.testAccuracy()), c.entropy));
        }

        m.append("\n## Table 4: modularity of the class cover against training accuracy (PCC | SCC)\n\n");
        m.append("| measure | layer | PCC | SCC | paper PCC | paper SCC |\n|---|---|---|---|---|---|\n");
        String[] names = {"KLB", "No-overlap (Eq. 2)", "Unweighted, overlap (Eq. 3)", "Weighted, overlap (Eq. 4)"};
        for (int k = 0; k < names.length; k++) {
            for (int l = 1; l <= layers(); l++) {
                String metric = MostafaMondalTables.TABLE4_METRICS[k];
                m.append("| ").append(names[k]).append(" | L").append(l).append(" | ").append(pair(find("4", metric, l, -1, "train")))
                        .append(" | ").append(paperPair(MostafaMondalTables.table4(metric, paper, l))).append(" |\n");
            }
        }
        m.append("\nAgainst test accuracy: `tables/correlations.csv`.\n");

        m.append("\n## Table 5: model entropy against training accuracy\n\n| PCC | SCC | paper PCC | paper SCC |\n|---|---|---|---|\n");
        m.append("| ").append(pair(find("5", "entropy", 0, -1, "train"))).append(" | ").append(paperPair(MostafaMondalTables.table5(paper))).append(" |\n");

        m.append("\n## Table 6: entropy per class against training accuracy\n\n| class | PCC | SCC | paper PCC | paper SCC |\n|---|---|---|---|---|\n");
        for (int i = 0; i < result.classes; i++) {
            m.append("| ").append(i).append(" | ").append(pair(find("6", "entropy", 0, i, "train"))).append(" | ")
                    .append(paperPair(MostafaMondalTables.table6(paper, i))).append(" |\n");
        }

        m.append("\n## Table 3: Louvain communities (Gephi, resolution ").append(settings.resolution).append(")\n\n");
        m.append("| layer | epoch | communities | C1 | C2 | C3 | C4 | C5 | C6 | C7 | C8 | nodes per community |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int l = 1; l <= layers(); l++) {
            for (CheckpointResult c : firstTrainedAndLast()) {
                GraphResult g = c.layers.get(l - 1);
                m.append("| L").append(l).append(" | ").append(c.checkpoint.epochOrName()).append(" | ").append(g.louvain.communities());
                for (int s : g.louvain.largest(8)) m.append(" | ").append(s);
                m.append(" | ").append(f2(g.louvain.averageSize())).append(" |\n");
            }
        }
        m.append("\nPCC / SCC of the nodes per community with training accuracy: ");
        for (int l = 1; l <= layers(); l++) m.append("L").append(l).append(" ").append(pair(find("3", "average_nodes_per_community", l, -1, "train")).replace(" | ", " / ")).append("; ");
        m.append("(the paper reports a positive PCC for the well-trained models and near zero for the Mixed ones).\n");

        m.append("\n## Table 2: unique neurons, layer 1 (diagonal: neurons of one class only)\n\n");
        for (CheckpointResult c : firstTrainedAndLast()) {
            m.append(c.checkpoint.epoch() >= 0 ? "Epoch " + c.checkpoint.epoch() : c.checkpoint.label()).append(":\n\n");
            int[][] u = c.layers.get(0).unique;
            m.append("| |");
            for (int j = 0; j < u.length; j++) m.append(' ').append(j).append(" |");
            m.append("\n|---|");
            for (int j = 0; j < u.length; j++) m.append("---|");
            m.append('\n');
            int diagonal = 0, off = 0;
            for (int i = 0; i < u.length; i++) {
                m.append("| ").append(i).append(" |");
                for (int j = 0; j < u.length; j++) {
                    m.append(' ').append(u[i][j]).append(" |");
                    if (i == j) diagonal += u[i][j]; else off += u[i][j];
                }
                m.append('\n');
            }
            m.append("\nUnique to one class: ").append(diagonal).append("; unique to a pair: ").append(off / 2).append(".\n\n");
        }

        m.append("## Where our sign differs from the paper's\n\n");
        List<Claim> claims = claims();
        Map<String, Integer> counts = Claims.counts(claims);
        if (paper == null) {
            m.append("No paper figures for this data.\n");
        } else {
            m.append("One claim per row with the paper's figures: our PCC and SCC have the paper's signs (a paper figure of 0 "
                    + "is not compared; a correlation that is n/a is not measured, and counted apart).\n\n").append(Claims.markdown(claims));
            if (counts.get("agrees") + counts.get("differs") == 0) {
                m.append("\nNothing was compared: no correlation with the paper's figures beside it could be measured.\n");
            } else if (counts.get("differs") == 0) {
                m.append("\nNo measured sign differs from the paper's (").append(counts.get("agrees")).append(" rows measured")
                        .append(counts.get("not_measured") > 0 ? ", " + counts.get("not_measured") + " not" : "").append(").\n");
            }
            if (counts.get("differs") > 0) {
                m.append("\nReasons to look at first: a correlation over 20 points whose metric barely moves is decided by noise "
                        + "(see the metric's range in `tables/`); the paper's optimiser, batch size and dropout rate are not stated "
                        + "(ours: see the model line above); the Eq. 2 partition and the meaning of delta (both neurons above their "
                        + "means) are our reading. `docs/results-activation-patterns.md` discusses the runs we made.\n");
            }
        }

        m.append("\n## Files\n\n- `tables/`: accuracy, Tables 2-6 per checkpoint and layer, `correlations.csv` (also against test accuracy)\n")
                .append("- `charts/`: Fig. 1 (normalised entropy and accuracy) and one chart per layer of the normalised Table 3-4 metrics\n")
                .append("- `graphs/`: GEXF of every graph; drawings of the first trained and the last checkpoint\n")
                .append("- `neuralgraph.gephi`: one workspace per layer and checkpoint, nodes coloured by Louvain community; the node column ")
                .append("`classes` is the class cover (run Statistics > Community quality on it)\n")
                .append(TimelineOutput.markdown(result.timelineFiles));
        for (String note : result.notes) m.append("- note: ").append(note).append('\n');
        m.append(result.communities.markdown());
        return m.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("tool", "neuralgraph activations");
        j.put("command", settings.command);
        j.put("seed", settings.seed);
        j.put("neurons_per_class_S", settings.neuronsPerClass());
        j.put("louvain_resolution_gephi", settings.resolution);
        j.put("entropy_bins", settings.bins);
        j.put("klb_iterations", settings.klbIterations);
        j.put("correlate_untrained", settings.correlateUntrained);
        j.put("paper_columns", paper == null ? null : paper.title);
        if (run.manifest() != null) {
            j.put("model", run.manifest().spec);
            j.put("data", run.manifest().data);
            j.put("shuffled_labels", run.manifest().shuffledLabels);
        }
        List<Map<String, Object>> cps = new ArrayList<>();
        for (CheckpointResult c : result.checkpoints) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("epoch", c.checkpoint.epoch());
            x.put("train_accuracy", c.checkpoint.trainAccuracy());
            x.put("test_accuracy", c.checkpoint.testAccuracy());
            x.put("entropy", c.entropy);
            x.put("entropy_per_class", c.entropyPerClass);
            List<Map<String, Object>> ls = new ArrayList<>();
            for (GraphResult g : c.layers) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("layer", g.layer);
                y.put("nodes", g.nodes);
                y.put("edges", g.edges);
                for (String m : MostafaMondalTables.TABLE4_METRICS) y.put(m, quality(g, m));
                y.put("louvain_communities", g.louvain.communities());
                y.put("louvain_sizes", g.louvain.sizes());
                y.put("louvain_modularity", g.louvainModularity);
                y.put("entropy", g.entropy);
                y.put("unique_neurons", g.unique);
                y.put("files", g.files);
                ls.add(y);
            }
            x.put("layers", ls);
            cps.add(x);
        }
        j.put("checkpoints", cps);
        j.put("correlations", correlations);
        List<Claim> claims = claims();
        j.put("claims", Claims.json(claims));
        j.put("claim_counts", Claims.counts(claims));
        j.put("notes", result.notes);
        j.put("communities_over_checkpoints", result.communities.json());
        return j;
    }

    /** The lines the command prints. */
    String summary() {
        StringBuilder s = new StringBuilder();
        for (CheckpointResult c : result.checkpoints) {
            s.append(String.format(Locale.ROOT, "%-9s  train acc %.4f  test acc %.4f  entropy %9.2f", c.checkpoint.label(),
                    c.checkpoint.trainAccuracy(), c.checkpoint.testAccuracy(), c.entropy));
            for (GraphResult g : c.layers) s.append(String.format(Locale.ROOT, "  L%d weighted overlap %s", g.layer, f4(g.quality.weightedOverlap)));
            s.append('\n');
        }
        Correlation e = find("5", "entropy", 0, -1, "train");
        s.append("entropy vs training accuracy: PCC ").append(f2(e.pcc)).append(", SCC ").append(f2(e.scc));
        double[] p = MostafaMondalTables.table5(paper);
        if (p != null) s.append(" (paper, ").append(paper.title).append(": ").append(f2(p[0])).append(", ").append(f2(p[1])).append(')');
        s.append('\n');
        for (int l = 1; l <= layers(); l++) {
            Correlation w = find("4", "weighted_overlap", l, -1, "train");
            s.append("weighted overlapping modularity L").append(l).append(" vs training accuracy: PCC ").append(f2(w.pcc)).append(", SCC ").append(f2(w.scc));
            double[] q = MostafaMondalTables.table4("weighted_overlap", paper, l);
            if (q != null) s.append(" (paper: ").append(f2(q[0])).append(", ").append(f2(q[1])).append(')');
            s.append('\n');
        }
        s.append(Claims.lines(claims()));
        return s.toString();
    }
}
