package org.neuralgraph.pipeline.study;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.jfree.chart.ChartFactory;
import org.neuralgraph.gephi.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.core.capacitance.EarlyPredictors;
import org.neuralgraph.core.capacitance.RankingAgreement;
import org.neuralgraph.dl4j.ProbedFineTuning;
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
 * The tables, charts and report of a neural capacitance study: per candidate, beta_eff and validation accuracy per
 * epoch and the four predictors' scores; across candidates, how well each predictor ranks them (Spearman, Kendall,
 * top-1 hit, regret); and the check of the paper's property that beta_eff tends to 0 as training converges. The two
 * claims a run can check are {@link #claims stated as claims}. Files: {@code tables/*.csv}, {@code charts/*.png},
 * {@code report.md}, {@code report.json}.
 */
final class CapacitanceReport {

    private final CapacitanceStudy.Settings s;
    private final CapacitanceStudy.Result r;

    CapacitanceReport(CapacitanceStudy.Settings s, CapacitanceStudy.Result r) {
        this.s = s;
        this.r = r;
    }

    void write(Path dir) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        writeFile(tables.resolve("epochs.csv"), epochsCsv());
        writeFile(tables.resolve("ranking.csv"), rankingCsv());
        writeFile(tables.resolve("agreement.csv"), agreementCsv());
        Path charts = Files.createDirectories(dir.resolve("charts"));
        epochChart(charts.resolve("beta-eff.png"), "beta_eff of the probe after each fine-tuning epoch", "beta_eff", e -> e.betaEff);
        epochChart(charts.resolve("validation-accuracy.png"), "Validation accuracy during fine-tuning", "accuracy", e -> e.validationAccuracy);
        accuracyAgainstBetaChart(charts.resolve("accuracy-against-beta-eff.png"));
        writeFile(dir.resolve("report.md"), markdown());
        Json.write(dir.resolve("report.json"), json());
    }

    /** A few lines for the terminal. */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d candidates, fine-tuned %d epochs, predicted from the first %d%n",
                r.candidates.size(), s.tuning.epochs, s.earlyEpochs));
        for (Map.Entry<String, RankingAgreement> e : r.agreement.entrySet()) {
            RankingAgreement a = e.getValue();
            b.append(String.format(Locale.ROOT, "  %-24s Spearman %5s  Kendall %5s  top-1 %s  regret %.4f%n", e.getKey(),
                    f2(a.spearman), f2(a.kendall), a.topOneHit ? "hit " : "miss", a.regret));
        }
        b.append(Claims.lines(claims()));
        return b.toString();
    }

    /** The paper's claims, each with this run's verdict. */
    List<Claim> claims() {
        return claims(r);
    }

    /**
     * The neural-capacitance paper's claims that a run can check (the seed is a news digest of the paper, marked [D] in the report):
     * <ul>
     *   <li>beta_eff "predicts model performance early in training ... outperforming traditional predictors like learning
     *       curve-based" ones (the paper: 9.1-65.3 % better ranking on 17 ImageNet models); rule (ours): the neural
     *       capacitance's Spearman correlation with the true ranking is above every baseline's.</li>
     *   <li>beta_eff tends to 0 as training converges, which the extrapolation to beta_eff = 0 rests on; rule (ours):
     *       beta_eff falls over fine-tuning epochs 1..T (a negative Spearman correlation with the epoch) in every candidate.</li>
     * </ul>
     */
    static List<Claim> claims(CapacitanceStudy.Result r) {
        List<Claim> out = new ArrayList<>();
        String ours = CapacitanceStudy.PREDICTORS.get(0);
        double best = Double.NEGATIVE_INFINITY;
        List<String> baselines = new ArrayList<>();
        for (Map.Entry<String, RankingAgreement> e : r.agreement.entrySet()) {
            if (e.getKey().equals(ours)) continue;
            best = Math.max(best, e.getValue().spearman); // NaN stays NaN: not measured
            baselines.add(e.getKey());
        }
        RankingAgreement nc = r.agreement.get(ours);
        double spearman = nc == null ? Double.NaN : nc.spearman;
        out.add(Claim.about("nc-ranks-better-than-baselines", "neural capacitance ranks the candidates better than every baseline")
                .paper("9.1-65.3 % better ranking on 17 ImageNet models").measured("spearman", spearman).measured("best_baseline_spearman", best)
                .shown(String.format(Locale.ROOT, "Spearman %s against at best %s (%s)", f2(spearman), f2(best), String.join(", ", baselines)))
                .rule("Spearman above every baseline's").holds(spearman > best));
        int falling = 0;
        double largest = Double.NEGATIVE_INFINITY;
        for (CapacitanceStudy.Candidate c : r.candidates) {
            double rho = betaTrend(c)[1];
            if (rho < 0) falling++;
            largest = Math.max(largest, rho); // NaN stays NaN: not measured
        }
        int n = r.candidates.size();
        out.add(Claim.about("beta-eff-falls", "beta_eff falls over fine-tuning epochs 1..T").paper("tends to 0 as training converges")
                .measured("candidates_falling", falling).measured("candidates", n).measured("largest_spearman", largest)
                .shown(String.format(Locale.ROOT, "in %d of %d candidates; largest Spearman(beta_eff, epoch) %s", falling, n, f2(largest)))
                .rule("Spearman(beta_eff, epoch) < 0 in every candidate").holds(falling == n));
        return out;
    }

    /** Whether beta_eff has fallen from its peak by the last epoch, and its Spearman correlation with the epoch over 1..T. */
    static double[] betaTrend(CapacitanceStudy.Candidate c) {
        int T = c.epochs.size() - 1;
        double[] beta = c.series(e -> e.betaEff, 1, T);
        double max = 0;
        for (double b : beta) max = Math.max(max, b);
        double[] epochs = new double[T];
        for (int t = 0; t < T; t++) epochs[t] = t + 1;
        double rho = T >= 3 ? new SpearmansCorrelation().correlation(epochs, beta) : Double.NaN;
        return new double[]{max > 0 ? beta[T - 1] / max : Double.NaN, rho};
    }

    private String epochsCsv() {
        StringBuilder b = new StringBuilder("candidate,epoch,beta_eff,validation_accuracy,training_loss,seconds\n");
        for (CapacitanceStudy.Candidate c : r.candidates) {
            for (ProbedFineTuning.Epoch e : c.epochs) {
                b.append(c.name).append(',').append(e.epoch).append(',').append(n(e.betaEff)).append(',').append(n(e.validationAccuracy))
                        .append(',').append(n(e.trainingLoss)).append(',').append(n(e.seconds)).append('\n');
            }
        }
        return b.toString();
    }

    private String rankingCsv() {
        StringBuilder b = new StringBuilder("candidate,origin,parameters,source_test_accuracy,predicted_accuracy,predicted_std,"
                + "accuracy_at_te,learning_curve_at_T,minus_tse,final_accuracy,beta_last_over_peak,beta_epoch_spearman\n");
        for (CapacitanceStudy.Candidate c : r.candidates) {
            double[] trend = betaTrend(c);
            b.append(c.name).append(',').append(c.origin.replace(',', ';')).append(',').append(c.parameters).append(',').append(n(c.sourceAccuracy))
                    .append(',').append(n(c.prediction.accuracy())).append(',').append(n(c.prediction.std()));
            for (int p = 1; p < c.scores.length; p++) b.append(',').append(n(c.scores[p]));
            b.append(',').append(n(c.finalAccuracy)).append(',').append(n(trend[0])).append(',').append(n(trend[1])).append('\n');
        }
        return b.toString();
    }

    private String agreementCsv() {
        StringBuilder b = new StringBuilder("predictor,spearman,kendall,selected,top1_hit,regret\n");
        for (Map.Entry<String, RankingAgreement> e : r.agreement.entrySet()) {
            RankingAgreement a = e.getValue();
            b.append(e.getKey()).append(',').append(n(a.spearman)).append(',').append(n(a.kendall)).append(',')
                    .append(r.candidates.get(a.selected).name).append(',').append(a.topOneHit).append(',').append(n(a.regret)).append('\n');
        }
        return b.toString();
    }

    private void epochChart(Path png, String title, String axis, ToDoubleFunction<ProbedFineTuning.Epoch> f) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (CapacitanceStudy.Candidate c : r.candidates) {
            XYSeries xy = new XYSeries(c.name);
            for (ProbedFineTuning.Epoch e : c.epochs) xy.add(e.epoch, f.applyAsDouble(e));
            d.addSeries(xy);
        }
        save(ChartFactory.createXYLineChart(title, "epoch", axis, d, PlotOrientation.VERTICAL, true, false, false), png);
    }

    /** What the prediction reads: validation accuracy against beta_eff over the trained epochs, extrapolated to beta_eff = 0. */
    private void accuracyAgainstBetaChart(Path png) throws IOException {
        XYSeriesCollection d = new XYSeriesCollection();
        for (CapacitanceStudy.Candidate c : r.candidates) {
            XYSeries xy = new XYSeries(c.name, false);
            for (int t = 1; t < c.epochs.size(); t++) xy.add(c.epochs.get(t).betaEff, c.epochs.get(t).validationAccuracy);
            d.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Validation accuracy against beta_eff over epochs 1..T",
                "beta_eff", "validation accuracy", d, PlotOrientation.VERTICAL, true, false, false);
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        // where the prediction is read, and which end of each line is epoch 1 (issue 28 item 8)
        org.jfree.chart.plot.ValueMarker zero = new org.jfree.chart.plot.ValueMarker(0, java.awt.Color.DARK_GRAY, new java.awt.BasicStroke(1.5f));
        zero.setLabel("prediction read at beta_eff = 0");
        zero.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        zero.setLabelAnchor(org.jfree.ui.RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(org.jfree.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(zero);
        for (CapacitanceStudy.Candidate c : r.candidates) {
            if (c.epochs.size() < 2) continue;
            org.jfree.chart.annotations.XYTextAnnotation first = new org.jfree.chart.annotations.XYTextAnnotation("1",
                    c.epochs.get(1).betaEff, c.epochs.get(1).validationAccuracy);
            first.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            first.setTextAnchor(org.jfree.ui.TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(first);
        }
        chart.addSubtitle(new org.jfree.chart.title.TextTitle("'1' marks each candidate's epoch 1", new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11)));
        save(chart, png);
    }

    private static void save(JFreeChart chart, Path png) throws IOException {
        Charts.save(chart, png);
    }

    private String markdown() {
        StringBuilder b = new StringBuilder("# Neural capacitance: ranking candidate models early in fine-tuning (the neural-capacitance paper)\n\n");
        b.append("Command: `").append(s.command).append("`  \n");
        b.append("Seed: ").append(s.tuning.seed).append(" (weights, probe, data samples, batch order)  \n");
        long loaded = r.candidates.stream().filter(c -> c.origin.startsWith("loaded")).count();
        if (loaded == r.candidates.size()) {
            // a run directory or model zip comes trained on its own data, which may be the target's (issue 28 item 2)
            b.append("Source: none here; every candidate was loaded already trained, on the data it was trained on (its \"source acc\" is that run's own test accuracy)  \n");
        } else {
            b.append("Source (pretraining").append(loaded > 0 ? " of the " + (r.candidates.size() - loaded) + " candidates not loaded" : "")
                    .append(", ").append(s.pretrainEpochs).append(" epochs): ").append(s.source)
                    .append(loaded > 0 ? "; the " + loaded + " loaded candidates keep their own training (origin column of tables/ranking.csv)" : "").append("  \n");
        }
        b.append("Target (fine-tuning): ").append(s.target).append("  \n");
        b.append(String.format(Locale.ROOT, "Probe (NCP): %s dense layers %s (%s) and a softmax, randomly initialised (seed %d) and frozen; "
                        + "fine-tuning Adam %.0e, batch %d, T = %d epochs; beta_eff on %d training samples after each epoch; "
                        + "predictions from epochs 1..t_e = %d; Bayesian ridge of degree %d.%n%n",
                s.probeWidths.length, java.util.Arrays.toString(s.probeWidths), s.probeActivation, s.tuning.seed, s.tuning.learningRate,
                s.tuning.batchSize, s.tuning.epochs, s.tuning.probeSamples, s.earlyEpochs, s.degree));
        b.append("## The paper's claims\n\n").append(Claims.markdown(claims())).append('\n');

        b.append("## How well each predictor ranks the candidates\n\n| predictor | Spearman | Kendall | selects | top-1 | regret |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, RankingAgreement> e : r.agreement.entrySet()) {
            RankingAgreement a = e.getValue();
            b.append("| ").append(e.getKey()).append(" | ").append(f2(a.spearman)).append(" | ").append(f2(a.kendall)).append(" | ")
                    .append(r.candidates.get(a.selected).name).append(" | ").append(a.topOneHit ? "hit" : "miss").append(" | ")
                    .append(f4(a.regret)).append(" |\n");
        }
        b.append("\nThe paper reports 9.1-65.3 % better ranking than learning-curve baselines on 17 ImageNet models [D]; its per-data-set "
                + "coefficients were not available, so this table can be compared with it only in direction.\n\n");

        b.append("## Candidates\n\n| candidate | parameters | source acc | beta_eff 1..t_e | predicted (± std) | acc at t_e | curve to T | -TSE | final acc |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (CapacitanceStudy.Candidate c : r.candidates) {
            StringBuilder betas = new StringBuilder();
            for (double v : c.series(e -> e.betaEff, 1, s.earlyEpochs)) betas.append(betas.length() == 0 ? "" : ", ").append(g3(v));
            b.append("| ").append(c.name).append(" | ").append(c.parameters).append(" | ").append(f4(c.sourceAccuracy)).append(" | ")
                    .append(betas).append(" | ").append(f4(c.prediction.accuracy())).append(" ± ").append(f4(c.prediction.std()))
                    .append(EarlyPredictors.isAccuracy(c.prediction.accuracy()) ? "" : " (outside [0, 1])")
                    .append(" | ").append(f4(c.scores[1])).append(" | ").append(f4(c.scores[2]))
                    .append(EarlyPredictors.isAccuracy(c.scores[2]) ? "" : " (outside [0, 1])").append(" | ").append(f2(c.scores[3]))
                    .append(" | ").append(f4(c.finalAccuracy)).append(" |\n");
        }

        long outside = r.candidates.stream().filter(c -> !EarlyPredictors.isAccuracy(c.prediction.accuracy()) || !EarlyPredictors.isAccuracy(c.scores[2])).count();
        if (outside > 0) {
            b.append(String.format(Locale.ROOT, "%nPredicted accuracies outside [0, 1] (marked, in %d of %d candidates) are extrapolations of the regression or the "
                    + "learning curve past what an accuracy can be: they rank below every prediction inside [0, 1], the further out the lower, "
                    + "and never select a candidate.%n", outside, r.candidates.size()));
        }
        b.append("\n## Does beta_eff tend to 0 as training converges?\n\nThe paper states it does [D]; the extrapolation to beta_eff = 0 "
                + "rests on it. Here: beta_eff after the last epoch as a share of its largest value, and its Spearman correlation with the epoch.\n\n"
                + "| candidate | beta_eff epoch 1 | peak | last | last / peak | Spearman(beta_eff, epoch) |\n|---|---|---|---|---|---|\n");
        int falling = 0;
        for (CapacitanceStudy.Candidate c : r.candidates) {
            double[] trend = betaTrend(c);
            double[] beta = c.series(e -> e.betaEff, 1, c.epochs.size() - 1);
            double peak = 0;
            for (double v : beta) peak = Math.max(peak, v);
            if (trend[1] < 0) falling++;
            b.append("| ").append(c.name).append(" | ").append(g3(beta[0])).append(" | ").append(g3(peak)).append(" | ")
                    .append(g3(beta[beta.length - 1])).append(" | ").append(f2(trend[0])).append(" | ").append(f2(trend[1])).append(" |\n");
        }
        int firstStep = 0;
        for (CapacitanceStudy.Candidate c : r.candidates) if (c.epochs.get(1).betaEff < c.epochs.get(0).betaEff) firstStep++;
        b.append(String.format(Locale.ROOT, "%nbeta_eff falls over fine-tuning epochs 1..T (negative Spearman with the epoch) in %d of %d candidates; "
                        + "it falls from the probe's first state (epoch 0, accuracy at chance) to epoch 1 in %d of %d.%n%n",
                falling, r.candidates.size(), firstStep, r.candidates.size()));

        b.append("## What follows the paper and what is ours\n\n"
                + "- **Paper [V]:** the line graph of the weights (weights as nodes, linked in the direction of signal flow); the mean-field "
                + "beta_eff = 1'P P 1 / 1'P 1 (Eq. 3); a randomly initialised, frozen probe in place of the output layer with the bottom layers "
                + "fine-tuned; ranking by the predicted accuracy.\n"
                + "- **Digest of the paper [D]:** Bayesian ridge regression of validation accuracy on beta_eff over early epochs, read at "
                + "beta_eff = 0; Adam-style fine-tuning at learning rate 1e-3, batch 64; the learning-curve baselines.\n"
                + "- **Ours [R]:** the interaction strengths P between probe weights (the first-order coupling of their gradient flows, "
                + "|mean over the batch of a_h sigma'(z_i) e_j| for weights h->i and i->j; the paper's formula was not available); the probe's "
                + "widths and activation; the zoo, the MNIST-to-Fashion-MNIST transfer and its sample sizes; T and t_e; the ridge's degree; "
                + "a power law a - b t^-c as the learning curve; the sum of per-epoch mean losses as TSE.\n\n");

        b.append("## Files\n\n- `tables/epochs.csv`: beta_eff, validation accuracy and training loss per candidate and epoch\n"
                + "- `tables/ranking.csv`, `tables/agreement.csv`: the predictors' scores and how they rank\n"
                + "- `charts/`: beta_eff and validation accuracy per epoch, accuracy against beta_eff\n"
                + "- `pretrained/`: each candidate's pretraining run (DL4J model zips and manifest)\n");
        if (s.graphs) {
            b.append("- `graphs/ncp-*.gexf`, `neuralgraph.gephi`: each candidate's probe line graph (weights as nodes, |w||w'| links), the "
                    + "interaction strength of every probe weight after every epoch as node columns `strength_epoch_NN`, beta_eff per epoch as "
                    + "graph attributes\n");
        }
        for (String note : r.notes) b.append("\nNote: ").append(note).append('\n');
        return b.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("command", s.command);
        j.put("seed", s.tuning.seed);
        j.put("source", s.source);
        j.put("target", s.target);
        j.put("pretrain_epochs", s.pretrainEpochs);
        j.put("epochs", s.tuning.epochs);
        j.put("early_epochs", s.earlyEpochs);
        j.put("probe_widths", s.probeWidths);
        j.put("probe_activation", s.probeActivation);
        j.put("probe_samples", s.tuning.probeSamples);
        j.put("ridge_degree", s.degree);
        List<Object> cands = new ArrayList<>();
        for (CapacitanceStudy.Candidate c : r.candidates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name);
            m.put("origin", c.origin);
            m.put("parameters", c.parameters);
            m.put("source_test_accuracy", c.sourceAccuracy);
            List<Object> epochs = new ArrayList<>();
            for (ProbedFineTuning.Epoch e : c.epochs) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("epoch", e.epoch);
                em.put("beta_eff", e.betaEff);
                em.put("validation_accuracy", e.validationAccuracy);
                em.put("training_loss", e.trainingLoss);
                epochs.add(em);
            }
            m.put("epochs", epochs);
            m.put("predicted_accuracy", c.prediction.accuracy());
            m.put("predicted_accuracy_std", c.prediction.std());
            Map<String, Object> scores = new LinkedHashMap<>();
            for (int p = 0; p < c.scores.length; p++) scores.put(CapacitanceStudy.PREDICTORS.get(p), c.scores[p]);
            m.put("scores", scores);
            m.put("final_accuracy", c.finalAccuracy);
            m.put("graph", c.graphFile);
            cands.add(m);
        }
        j.put("candidates", cands);
        Map<String, Object> agree = new LinkedHashMap<>();
        for (Map.Entry<String, RankingAgreement> e : r.agreement.entrySet()) {
            RankingAgreement a = e.getValue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("spearman", a.spearman);
            m.put("kendall", a.kendall);
            m.put("selected", r.candidates.get(a.selected).name);
            m.put("top1_hit", a.topOneHit);
            m.put("regret", a.regret);
            agree.put(e.getKey(), m);
        }
        j.put("agreement", agree);
        List<Claim> claims = claims();
        j.put("claims", Claims.json(claims));
        j.put("claim_counts", Claims.counts(claims));
        j.put("notes", r.notes);
        return j;
    }

    private static String g3(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3g", x) : "n/a";
    }
}
