package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Project;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.gephi.project.api.WorkspaceProvider;
import org.gephi.statistics.plugin.ChartUtils;
import org.gephi.statistics.spi.Statistics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralgraph.core.capacitance.EarlyPredictors;
import org.neuralgraph.core.capacitance.RankingAgreement;
import org.openide.util.Lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Gephi statistic over a whole project written by {@code neuralgraph capacitance}: every workspace whose graph
 * carries the attributes {@code candidate}, {@code beta_eff_epoch_NN}, {@code val_accuracy_epoch_NN} and
 * {@code training_loss_epoch_NN} is a candidate model. From the first t_e epochs it predicts each candidate's final
 * accuracy ({@link EarlyPredictors}: neural capacitance and three baselines), ranks them against the accuracy after
 * the last epoch ({@link RankingAgreement}), writes {@code predicted_accuracy} and {@code predicted_from_epochs} into
 * each candidate's graph, and reports the ranking table and the beta_eff and accuracy curves.
 */
public final class CapacitanceRanking extends TicketTask implements Statistics {

    private int earlyEpochs = 3;
    private int degree = 1;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<RankingAgreement> agreement = new ArrayList<>();
    private String error;

    private static final class Candidate {
        String name;
        double[] beta, accuracy, loss; // index = epoch, 0..T
        EarlyPredictors predictors;
    }

    public int getEarlyEpochs() { return earlyEpochs; }

    public void setEarlyEpochs(int earlyEpochs) {
        if (earlyEpochs < 2) throw new IllegalArgumentException("early epochs (t_e) must be >= 2, got " + earlyEpochs);
        this.earlyEpochs = earlyEpochs;
    }

    public int getDegree() { return degree; }

    public void setDegree(int degree) {
        if (degree < 1) throw new IllegalArgumentException("degree must be >= 1, got " + degree);
        this.degree = degree;
    }

    /** The candidates found by the last run. */
    public int getCandidateCount() { return candidates.size(); }

    /** The last run's agreement of the neural capacitance ranking with the final accuracies, or null. */
    public RankingAgreement getAgreement() { return agreement.isEmpty() ? null : agreement.get(0); }

    @Override
    public void execute(GraphModel unused) {
        candidates.clear();
        agreement.clear();
        error = null;
        try {
            Project project = Lookup.getDefault().lookup(ProjectController.class).getCurrentProject();
            if (project == null) throw new IllegalArgumentException("no project is open");
            GraphController gc = Lookup.getDefault().lookup(GraphController.class);
            List<Graph> graphs = new ArrayList<>();
            for (Workspace ws : project.getLookup().lookup(WorkspaceProvider.class).getWorkspaces()) {
                Graph g = gc.getGraphModel(ws).getGraph();
                Candidate c = read(g);
                if (c != null) {
                    candidates.add(c);
                    graphs.add(g);
                }
            }
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("found " + candidates.size() + " workspace(s) with a candidate's beta_eff per epoch; "
                        + "open the neuralgraph.gephi of a `neuralgraph capacitance` run (ranking needs at least 2 candidates)");
            }
            int last = candidates.get(0).beta.length - 1;
            if (earlyEpochs >= last) throw new IllegalArgumentException("early epochs (t_e) must be below the last epoch " + last + ", got " + earlyEpochs);
            for (int k = 0; k < candidates.size(); k++) {
                Candidate c = candidates.get(k);
                if (c.beta.length - 1 != last) throw new IllegalArgumentException("candidate " + c.name + " has " + (c.beta.length - 1) + " epochs, the others " + last);
                c.predictors = EarlyPredictors.of(slice(c.beta), slice(c.accuracy), slice(c.loss), last, degree);
                graphs.get(k).setAttribute(Names.PREDICTED_ACCURACY, c.predictors.prediction().accuracy());
                graphs.get(k).setAttribute(Names.PREDICTED_FROM_EPOCHS, earlyEpochs);
            }
            List<EarlyPredictors> predictors = new ArrayList<>();
            double[] truth = new double[candidates.size()];
            for (int k = 0; k < truth.length; k++) {
                predictors.add(candidates.get(k).predictors);
                truth[k] = candidates.get(k).accuracy[last];
            }
            agreement.addAll(EarlyPredictors.agreements(predictors, truth));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            candidates.clear();
            agreement.clear();
        }
    }

    /** A candidate's series from its graph attributes, or null when the graph is not one. */
    private static Candidate read(Graph g) {
        Object name = g.getAttribute(Names.CANDIDATE);
        if (name == null) return null;
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; ; t++) {
            Object beta = g.getAttribute(Names.betaEffAtEpoch(t));
            Object acc = g.getAttribute(Names.validationAccuracyAtEpoch(t));
            if (!(beta instanceof Number) || !(acc instanceof Number)) break;
            Object loss = g.getAttribute(Names.trainingLossAtEpoch(t));
            rows.add(new double[]{((Number) beta).doubleValue(), ((Number) acc).doubleValue(), loss instanceof Number ? ((Number) loss).doubleValue() : Double.NaN});
        }
        if (rows.size() < 3) return null;
        Candidate c = new Candidate();
        c.name = name.toString();
        c.beta = new double[rows.size()];
        c.accuracy = new double[rows.size()];
        c.loss = new double[rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            c.beta[t] = rows.get(t)[0];
            c.accuracy[t] = rows.get(t)[1];
            c.loss[t] = rows.get(t)[2];
        }
        return c;
    }

    /** Epochs 1..t_e. */
    private double[] slice(double[] series) {
        return java.util.Arrays.copyOfRange(series, 1, earlyEpochs + 1);
    }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>Neural capacitance ranking</h1><hr>");
        if (candidates.isEmpty()) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        int last = candidates.get(0).beta.length - 1;
        h.append(String.format(Locale.ROOT, "<h2>Parameters</h2>%d candidates; predictions from epochs 1..%d, truth: validation accuracy after epoch %d; "
                + "Bayesian ridge of degree %d.", candidates.size(), earlyEpochs, last, degree));
        h.append("<h2>How well each predictor ranks the candidates</h2><table border=\"1\" cellpadding=\"3\"><tr><th>predictor</th>"
                + "<th>Spearman</th><th>Kendall</th><th>selects</th><th>top-1</th><th>regret</th></tr>");
        for (int p = 0; p < agreement.size(); p++) {
            RankingAgreement a = agreement.get(p);
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2f</td><td>%.2f</td><td>%s</td><td>%s</td><td>%.4f</td></tr>",
                    EarlyPredictors.NAMES.get(p), a.spearman, a.kendall, candidates.get(a.selected).name, a.topOneHit ? "hit" : "miss", a.regret));
        }
        h.append("</table><h2>Candidates</h2><table border=\"1\" cellpadding=\"3\"><tr><th>candidate</th><th>predicted (&plusmn; std)</th>");
        for (int p = 1; p < EarlyPredictors.NAMES.size(); p++) h.append("<th>").append(EarlyPredictors.NAMES.get(p)).append("</th>");
        h.append("<th>final accuracy</th></tr>");
        XYSeriesCollection beta = new XYSeriesCollection(), acc = new XYSeriesCollection();
        for (Candidate c : candidates) {
            double[] s = c.predictors.values();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f &plusmn; %.4f%s</td><td>%.4f</td><td>%.4f%s</td><td>%.2f</td><td>%.4f</td></tr>",
                    c.name, s[0], c.predictors.prediction().std(), EarlyPredictors.isAccuracy(s[0]) ? "" : " (outside [0, 1]: ranked last)",
                    s[1], s[2], EarlyPredictors.isAccuracy(s[2]) ? "" : " (outside [0, 1]: ranked last)", s[3], c.accuracy[last]));
            XYSeries b = new XYSeries(c.name), a = new XYSeries(c.name);
            for (int t = 0; t <= last; t++) {
                b.add(t, c.beta[t]);
                a.add(t, c.accuracy[t]);
            }
            beta.addSeries(b);
            acc.addSeries(a);
        }
        h.append("</table><br>").append(ChartUtils.renderChart(Charts.styled(chart("beta_eff after each fine-tuning epoch", "beta_eff", beta)), "capacitance-beta.png"))
                .append("<br>").append(ChartUtils.renderChart(Charts.styled(chart("Validation accuracy", "accuracy", acc)), "capacitance-accuracy.png"));
        h.append("<h2>What was computed</h2>For each candidate, a Bayesian ridge regression (scikit-learn's evidence maximisation) of "
                + "validation accuracy on beta_eff over the early epochs, read at beta_eff = 0, where the paper puts the converged network; "
                + "the baselines are the accuracy at t_e, a power law a - b t^-c fitted to the early accuracies and read at the last epoch, "
                + "and minus the sum of the early training losses. Spearman and Kendall (tau-b) compare each predictor's ranking with the "
                + "final accuracies; regret is the best final accuracy minus that of the candidate the predictor selects."
                + "<h2>Reference</h2>Jiang et al., <i>Network properties determine neural network performance</i>, Nature Communications "
                + "15:5718 (2024); the interaction strengths behind beta_eff are our reconstruction (see the run's report.md).</body></html>");
        return h.toString();
    }

    private static JFreeChart chart(String title, String axis, XYSeriesCollection d) {
        return ChartFactory.createXYLineChart(title, "epoch", axis, d, PlotOrientation.VERTICAL, true, false, false);
    }

    @Override
    public boolean cancel() {
        progress.cancel();
        return false; // reads graph attributes and fits a few small regressions: well under a second
    }
}
