package org.neuralgraph.pipeline.study;

import org.jfree.chart.ChartFactory;
import org.neuralgraph.gephi.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.core.stats.SeriesCorrelation;
import org.neuralgraph.gephi.GraphMetrics;
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

import static org.neuralgraph.pipeline.study.ReportText.f1;
import static org.neuralgraph.pipeline.study.ReportText.f2;
import static org.neuralgraph.pipeline.study.ReportText.f4;
import static org.neuralgraph.pipeline.study.ReportText.n;
import static org.neuralgraph.pipeline.study.ReportText.writeFile;

/**
 * Tables, charts and report of a feature-map study, with the paper's claims checked one by one (Darnell and Leonard, Section 4):
 * after training every class's spatial-adjacency graph has a higher average degree and fewer components (Fig. 5);
 * under value adjacency the average weighted degree rises (32 to 94), clustering stays high (about 0.8) and the average
 * path length falls (4 to 2) (Figs. 7-8).
 */
final class FeatureMapReport {

    private final FeatureMapStudy.Settings s;
    private final FeatureMapStudy.Result r;

    FeatureMapReport(FeatureMapStudy.Settings s, FeatureMapStudy.Result r) {
        this.s = s;
        this.r = r;
    }

    void write(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        writeFile(tables.resolve("value-adjacency.csv"), valueCsv());
        writeFile(tables.resolve("spatial-per-class.csv"), spatialCsv());
        writeFile(tables.resolve("value-offset-sensitivity.csv"), sweepCsv());
        if (!r.runs.isEmpty()) writeFile(tables.resolve("spatial-runs-stopped-early.csv"), runsCsv());
        Path charts = Files.createDirectories(dir.resolve("charts"));
        valueChart(charts.resolve("value-adjacency-over-training.png"));
        spatialChart(charts.resolve("spatial-average-degree-per-class.png"));
        if (!r.runs.isEmpty()) runsChart(charts.resolve("spatial-average-degree-against-accuracy.png"));
        writeFile(dir.resolve("report.md"), markdown());
        Json.write(dir.resolve("report.json"), json());
    }

    private List<FeatureMapStudy.Figures> before() { return r.spatial.get(0); }

    private List<FeatureMapStudy.Figures> after() { return r.spatial.get(r.spatial.size() - 1); }

    private FeatureMapStudy.Figures first() { return r.value.get(0); }

    private FeatureMapStudy.Figures last() { return r.value.get(r.value.size() - 1); }

    /** The paper's claims, each with this run's verdict. */
    List<Claim> claims() {
        return claims(r);
    }

    /**
     * Darnell and Leonard's claims about the feature-map graphs (Section 4), before (first checkpoint) against after training (last):
     * <ul>
     *   <li>Fig. 5: every class's spatial-adjacency graph has a higher average degree after training ("all networks have
     *       significantly higher average degree after training"); rule: every class.</li>
     *   <li>Section 4: the number of components decreased after training; rule: every class.</li>
     *   <li>Fig. 7: the value graph's average weighted degree rises, 32 to 94; rule: last &gt; first.</li>
     *   <li>Fig. 8 and Section 5: the clustering "remained at 0.8"; rule: at least 0.5 at every checkpoint.</li>
     *   <li>Fig. 8 and Section 5: the average path length "dropped from 4 to 2"; rule: last &lt; first.</li>
     *   <li>Section 4: class 3's value graph, average weighted degree 16.7 to 25.2; rule: last &gt; first (when the data
     *       has a class 3).</li>
     *   <li>Fig. 6: "a positive correlation between LeNet accuracy and average degree" across runs stopped early; rule:
     *       Spearman &gt; 0.</li>
     * </ul>
     * With one checkpoint, before and after training are the same maps, and the comparisons are not measured.
     */
    static List<Claim> claims(FeatureMapStudy.Result r) {
        List<Claim> out = new ArrayList<>();
        List<FeatureMapStudy.Figures> before = r.spatial.get(0), after = r.spatial.get(r.spatial.size() - 1);
        boolean compared = r.spatial.size() >= 2;
        String one = "one checkpoint: before and after training are the same maps";
        Claim degree = Claim.about("fig5-spatial-degree-rises", "spatial: every class's average degree is higher after training (Fig. 5)")
                .paper("every class").rule("every class");
        Claim components = Claim.about("sec4-spatial-fewer-components", "spatial: every class has fewer components after training (Section 4)")
                .paper("every class").rule("every class");
        if (compared) {
            int higher = 0, fewer = 0, classes = before.size();
            for (int c = 0; c < classes; c++) {
                if (after.get(c).metrics.averageDegree() > before.get(c).metrics.averageDegree()) higher++;
                if (after.get(c).metrics.components() < before.get(c).metrics.components()) fewer++;
            }
            degree.measured("classes_higher", higher).measured("classes", classes)
                    .shown(String.format(Locale.ROOT, "%d of %d classes", higher, classes)).holds(higher == classes);
            components.measured("classes_fewer", fewer).measured("classes", classes)
                    .shown(String.format(Locale.ROOT, "%d of %d classes", fewer, classes)).holds(fewer == classes);
        } else {
            degree.notMeasured(one);
            components.notMeasured(one);
        }
        out.add(degree);
        out.add(components);

        FeatureMapStudy.Figures first = r.value.get(0), last = r.value.get(r.value.size() - 1);
        Claim weighted = Claim.about("fig7-value-weighted-degree-rises", "value: the average weighted degree rises (Fig. 7)")
                .paper("32 to 94").rule("last > first");
        Claim path = Claim.about("fig8-value-path-length-falls", "value: the average path length falls (Fig. 8)")
                .paper("4 to 2").rule("last < first");
        if (r.value.size() >= 2) {
            double a = first.metrics.averageWeightedDegree(), b = last.metrics.averageWeightedDegree();
            weighted.measured("first", a).measured("last", b).shown(f1(a) + " to " + f1(b)).holds(b > a);
            double p = first.metrics.averagePathLength(), q = last.metrics.averagePathLength();
            path.measured("first", p).measured("last", q).shown(f2(p) + " to " + f2(q)).holds(q < p);
        } else {
            weighted.notMeasured(one);
            path.notMeasured(one);
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (FeatureMapStudy.Figures f : r.value) lowest = Math.min(lowest, f.metrics.averageClustering()); // NaN stays NaN
        out.add(weighted);
        out.add(Claim.about("fig8-value-clustering-stays-high", "value: the clustering stays high (Fig. 8)").paper("about 0.8")
                .measured("lowest", lowest).shown("lowest " + f2(lowest)).rule(">= 0.5 at every checkpoint")
                .holds(lowest >= 0.5));
        out.add(path);

        if (!r.valueClass3.isEmpty()) {
            Claim class3 = Claim.about("sec4-class3-weighted-degree-rises", "value, class 3: the average weighted degree rises (Section 4)")
                    .paper("16.7 to 25.2").rule("last > first");
            if (r.valueClass3.size() == 2) {
                double a = r.valueClass3.get(0).metrics.averageWeightedDegree(), b = r.valueClass3.get(1).metrics.averageWeightedDegree();
                class3.measured("first", a).measured("last", b).shown(f1(a) + " to " + f1(b)).holds(b > a);
            } else {
                class3.notMeasured(one);
            }
            out.add(class3);
        }

        String across = r.runs.isEmpty() ? "across runs stopped early" : "across " + r.runs.size() + " runs stopped early";
        Claim runs = Claim.about("fig6-spatial-degree-rises-with-accuracy", "spatial: " + across + ", the average degree rises with accuracy (Fig. 6)")
                .paper("a positive correlation").rule("Spearman > 0");
        if (r.runs.isEmpty()) {
            runs.notMeasured("no runs stopped early (--runs 0, or a lone model file)");
        } else {
            SeriesCorrelation rho = runsCorrelation(r);
            runs.measured("spearman", rho.spearman).measured("pearson", rho.pearson)
                    .shown("Spearman " + f2(rho.spearman) + ", Pearson " + f2(rho.pearson)).holds(rho.spearman > 0);
        }
        out.add(runs);
        return out;
    }

    String summary() {
        return Claims.lines(claims());
    }

    private static String row(FeatureMapStudy.Figures f) {
        GraphMetrics m = f.metrics;
        return f.epoch + "," + n(f.trainAccuracy) + "," + n(f.testAccuracy) + "," + m.nodes() + "," + m.edges() + "," + n(m.averageDegree()) + ","
                + n(m.averageWeightedDegree()) + "," + n(m.averageClustering()) + "," + n(m.averagePathLength()) + "," + m.components();
    }

    private static final String HEAD = "epoch,train_accuracy,test_accuracy,nodes,edges,average_degree,average_weighted_degree,"
            + "average_clustering,average_path_length,components";

    private String valueCsv() {
        StringBuilder b = new StringBuilder(HEAD + ",clustering_over_random,path_length_over_random\n");
        for (FeatureMapStudy.Figures f : r.value) b.append(row(f)).append(',').append(n(f.normalisedClustering)).append(',').append(n(f.normalisedPathLength)).append('\n');
        return b.toString();
    }

    private String spatialCsv() {
        StringBuilder b = new StringBuilder("class," + HEAD + "\n");
        for (List<FeatureMapStudy.Figures> when : r.spatial) {
            for (int c = 0; c < when.size(); c++) b.append(c).append(',').append(row(when.get(c))).append('\n');
        }
        return b.toString();
    }

    private static SeriesCorrelation runsCorrelation(FeatureMapStudy.Result r) {
        double[] degree = new double[r.runs.size()], accuracy = new double[r.runs.size()];
        for (int i = 0; i < degree.length; i++) {
            degree[i] = r.runs.get(i).metrics.averageDegree();
            accuracy[i] = r.runs.get(i).testAccuracy;
        }
        return SeriesCorrelation.of(degree, accuracy);
    }

    private String sweepCsv() {
        StringBuilder b = new StringBuilder("epoch,offset_fraction,edges,average_weighted_degree,largest_component_clustering,largest_component_path_length\n");
        for (double[] row : r.sweep) {
            b.append((int) row[0]).append(',').append(n(row[1])).append(',').append((long) row[2]);
            for (int i = 3; i < row.length; i++) b.append(',').append(n(row[i]));
            b.append('\n');
        }
        return b.toString();
    }

    private String runsCsv() {
        StringBuilder b = new StringBuilder("run_seed,batches_trained," + HEAD.substring("epoch,".length()) + "\n");
        for (FeatureMapStudy.Figures f : r.runs) b.append(f.seed).append(',').append(f.batches).append(',').append(row(f).substring(row(f).indexOf(',') + 1)).append('\n');
        return b.toString();
    }

    private void runsChart(Path png) throws IOException {
        XYSeries xy = new XYSeries("one run stopped early");
        for (FeatureMapStudy.Figures f : r.runs) xy.add(f.testAccuracy, f.metrics.averageDegree());
        JFreeChart chart = ChartFactory.createScatterPlot("Spatial adjacency: average degree against test accuracy (Darnell and Leonard, Fig. 6)",
                "test accuracy", "average degree", new XYSeriesCollection(xy), PlotOrientation.VERTICAL, true, false, false);
        Charts.save(chart, png);
    }

    private void valueChart(Path png) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(series("average weighted degree / max", f -> f.metrics.averageWeightedDegree(), true));
        d.addSeries(series("average clustering", f -> f.metrics.averageClustering(), false));
        d.addSeries(series("average path length / max", f -> f.metrics.averagePathLength(), true));
        d.addSeries(series("C / Cr / max", f -> f.normalisedClustering, true));
        d.addSeries(series("L / Lr / max", f -> f.normalisedPathLength, true));
        d.addSeries(series("test accuracy", f -> f.testAccuracy, false));
        JFreeChart chart = ChartFactory.createXYLineChart("Value adjacency of the composite feature map over training (Darnell and Leonard, Figs. 7-8)",
                "epoch", "value", d, PlotOrientation.VERTICAL, true, false, false);
        Charts.save(chart, png);
    }

    private XYSeries series(String name, ToDoubleFunction<FeatureMapStudy.Figures> f, boolean scaled) {
        double max = 0;
        for (FeatureMapStudy.Figures x : r.value) if (Double.isFinite(f.applyAsDouble(x))) max = Math.max(max, Math.abs(f.applyAsDouble(x)));
        XYSeries xy = new XYSeries(name);
        for (FeatureMapStudy.Figures x : r.value) {
            double v = f.applyAsDouble(x);
            if (Double.isFinite(v)) xy.add(x.epoch, scaled && max > 0 ? v / max : v);
        }
        return xy;
    }

    private void spatialChart(Path png) throws IOException {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int c = 0; c < before().size(); c++) {
            d.addValue(before().get(c).metrics.averageDegree(), "before training (" + named(before().get(c)) + ")", String.valueOf(c));
            d.addValue(after().get(c).metrics.averageDegree(), "after training (" + named(after().get(c)) + ")", String.valueOf(c));
        }
        JFreeChart chart = ChartFactory.createBarChart("Spatial adjacency: average degree per class (Darnell and Leonard, Fig. 5)", "class",
                "average degree", d, PlotOrientation.VERTICAL, true, false, false);
        Charts.save(chart, png);
    }

    private String markdown() {
        StringBuilder b = new StringBuilder("# Feature-map graphs of a CNN over training (Darnell and Leonard, Section 4)\n\n");
        b.append("Command: `").append(s.command).append("`  \nSeed: ").append(s.seed).append("  \nData: ").append(s.data).append("  \n");
        b.append(String.format(Locale.ROOT, "Maps: convolution layer %d (%s), %s, composite over the test images; nodes: the %s %s %%; "
                        + "value offset %s x (max - min), weight cap %s; small-world references: niter %d, nrand %d.%n%n",
                s.layer(), r.mapShape, s.channel() < 0 ? "mean over channels" : "channel " + s.channel(), s.brightest() ? "brightest" : "darkest",
                f2(s.percent()), String.valueOf(s.offsetFraction()), f2(s.weightCap()), s.niter, s.nrand));
        b.append("## The paper's claims\n\n");
        b.append(Claims.markdown(claims()));
        b.append("\n## Value adjacency of the composite map, per checkpoint (Figs. 7-8)\n\n| epoch | test acc | nodes | edges | avg weighted degree | clustering | path length | C/Cr | L/Lr |\n|---|---|---|---|---|---|---|---|---|\n");
        for (FeatureMapStudy.Figures f : r.value) {
            GraphMetrics m = f.metrics;
            b.append("| ").append(f.label).append(" | ").append(f4(f.testAccuracy)).append(" | ").append(m.nodes()).append(" | ").append(m.edges())
                    .append(" | ").append(f2(m.averageWeightedDegree())).append(" | ").append(f2(m.averageClustering())).append(" | ")
                    .append(f2(m.averagePathLength())).append(" | ").append(f2(f.normalisedClustering)).append(" | ").append(f2(f.normalisedPathLength)).append(" |\n");
        }
        if (r.value.size() >= 3) {
            double[] acc = new double[r.value.size()], wdeg = new double[acc.length], path = new double[acc.length];
            for (int i = 0; i < acc.length; i++) {
                acc[i] = r.value.get(i).testAccuracy;
                wdeg[i] = r.value.get(i).metrics.averageWeightedDegree();
                path[i] = r.value.get(i).metrics.averagePathLength();
            }
            SeriesCorrelation w = SeriesCorrelation.of(wdeg, acc), l = SeriesCorrelation.of(path, acc);
            b.append(String.format(Locale.ROOT, "%nOver all checkpoints, against test accuracy: average weighted degree Pearson %.2f, Spearman %.2f; "
                    + "average path length Pearson %.2f, Spearman %.2f (the paper: a strong correlation of the weighted degree, Fig. 7).%n",
                    w.pearson, w.spearman, l.pearson, l.spearman));
        }
        b.append("\n## Spatial adjacency per class, before and after training (Fig. 5)\n\n| class | avg degree before | after | components before | after |\n|---|---|---|---|---|\n");
        for (int c = 0; c < before().size(); c++) {
            b.append("| ").append(c).append(" | ").append(f2(before().get(c).metrics.averageDegree())).append(" | ").append(f2(after().get(c).metrics.averageDegree()))
                    .append(" | ").append(before().get(c).metrics.components()).append(" | ").append(after().get(c).metrics.components()).append(" |\n");
        }
        if (r.valueClass3.size() == 2) {
            b.append("\n## Value adjacency of class 3, before and after training (Section 4: 16.7 to 25.2)\n\n| epoch | nodes | edges | avg degree | avg weighted degree | clustering | path length |\n|---|---|---|---|---|---|---|\n");
            for (FeatureMapStudy.Figures f : r.valueClass3) {
                GraphMetrics m = f.metrics;
                b.append("| ").append(f.label).append(" | ").append(m.nodes()).append(" | ").append(m.edges()).append(" | ").append(f2(m.averageDegree()))
                        .append(" | ").append(f2(m.averageWeightedDegree())).append(" | ").append(f2(m.averageClustering())).append(" | ").append(f2(m.averagePathLength())).append(" |\n");
            }
        }
        if (!r.runs.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%n## Runs stopped early: average degree against accuracy (Fig. 6)%n%n"
                    + "%d fresh runs, seeds %d to %d, each trained for a log-spaced number of mini-batches up to %s epochs; spatial "
                    + "adjacency (4 neighbours) of each run's all-images map.%n%n| seed | batches | test acc | avg degree | components |%n|---|---|---|---|---|%n",
                    r.runs.size(), r.runs.get(0).seed, r.runs.get(r.runs.size() - 1).seed, f2(s.runEpochs)));
            for (FeatureMapStudy.Figures f : r.runs) {
                b.append("| ").append(f.seed).append(" | ").append(f.batches).append(" | ").append(f4(f.testAccuracy)).append(" | ")
                        .append(f2(f.metrics.averageDegree())).append(" | ").append(f.metrics.components()).append(" |\n");
            }
        }
        b.append("\n## Value adjacency at other offsets (the paper gives none)\n\nAverage weighted degree / clustering / path length "
                + "(clustering and path length of the largest component; - where it has under 4 nodes or 2 edges).\n\n| epoch |");
        for (double f : FeatureMapStudy.SWEEP) b.append(" offset ").append(f).append(" |");
        b.append("\n|---|");
        for (double ignored : FeatureMapStudy.SWEEP) b.append("---|");
        for (int i = 0; i < r.sweep.size(); i += FeatureMapStudy.SWEEP.length) {
            b.append("\n| ").append(r.value.get(i / FeatureMapStudy.SWEEP.length).label).append(" |"); // the sweep's rows follow the checkpoints
            for (int j = 0; j < FeatureMapStudy.SWEEP.length; j++) {
                double[] row = r.sweep.get(i + j);
                b.append(' ').append(f2(row[3])).append(" / ").append(Double.isNaN(row[4]) ? "-" : f2(row[4])).append(" / ")
                        .append(Double.isNaN(row[5]) ? "-" : f2(row[5])).append(" |");
            }
        }
        b.append("\n\n## Files\n\n- `tables/`: the figures above as CSV\n- `charts/`: Figs. 5 and 7-8 redrawn\n"
                + "- `maps/`: every composite map as a grey-scale PNG (min black, max white)\n"
                + "- `graphs/`, `neuralgraph.gephi`: every graph; nodes sit on the pixel grid (columns `row`, `col`, `value`)\n"
                + "- `run/`: the training run\n" + TimelineOutput.markdown(r.timelineFiles));
        for (String note : r.notes) b.append("\nNote: ").append(note).append('\n');
        return b.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", s.command);
        j.put("seed", s.seed);
        j.put("data", s.data);
        j.put("layer", s.layer());
        j.put("channel", s.channel());
        j.put("selection", (s.brightest() ? "brightest " : "darkest ") + s.percent() + " %");
        j.put("offset_fraction", s.offsetFraction());
        j.put("weight_cap", s.weightCap());
        List<Claim> claims = claims();
        j.put("claims", Claims.json(claims));
        j.put("claim_counts", Claims.counts(claims));
        List<Object> value = new java.util.ArrayList<>();
        for (FeatureMapStudy.Figures f : r.value) {
            Map<String, Object> m = new LinkedHashMap<>(f.metrics.asMap());
            m.put("epoch", f.epoch);
            m.put("test_accuracy", f.testAccuracy);
            m.put("clustering_over_random", f.normalisedClustering);
            m.put("path_length_over_random", f.normalisedPathLength);
            value.add(m);
        }
        j.put("value_adjacency", value);
        List<Object> runs = new java.util.ArrayList<>();
        for (FeatureMapStudy.Figures f : r.runs) {
            Map<String, Object> m = new LinkedHashMap<>(f.metrics.asMap());
            m.put("run_seed", f.seed);
            m.put("batches_trained", f.batches);
            m.put("test_accuracy", f.testAccuracy);
            runs.add(m);
        }
        j.put("runs_stopped_early", runs);
        j.put("notes", r.notes);
        return j;
    }

    /** "epoch 5", or a loaded model's file name. */
    private static String named(FeatureMapStudy.Figures f) {
        return f.epoch >= 0 ? "epoch " + f.epoch : f.label;
    }
}
