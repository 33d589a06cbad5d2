package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.Workspace;
import org.gephi.statistics.plugin.ChartUtils;
import org.gephi.statistics.spi.Statistics;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.statistics.HistogramDataset;
import org.neuralgraph.core.stats.ActivationEntropy;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Gephi statistic: activation pattern entropy (Mostafa and Mondal, Section 5.2) of the neurons whose activations an
 * importer recorded with the workspace ({@link RecordedActivations}). Writes the Data Laboratory column
 * {@code activation_entropy} (E_j per neuron) and reports the totals of the model, of each layer and of each class
 * (the same computation on that class's samples), with the histogram of E_j per layer. With no activations
 * recorded it says so.
 */
public final class ActivationPatternEntropy extends TicketTask implements Statistics {

    private int bins = ActivationEntropy.DEFAULT_BINS;
    private String report;
    private double total = Double.NaN;

    public int getBins() { return bins; }

    public void setBins(int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        this.bins = bins;
    }

    /** The model's entropy E of the last run, or NaN. */
    public double getTotal() { return total; }

    @Override
    public void execute(GraphModel gm) {
        total = Double.NaN;
        Workspace ws = workspaceOf(gm);
        RecordedActivations a = ws == null ? null : ws.getLookup().lookup(RecordedActivations.class);
        if (a == null) {
            report = "No activations were recorded with this workspace. The activation entropy needs the activations of "
                    + "the neurons over a data set, which the activation-pattern importer records; a graph opened from a file has none.";
            return;
        }
        progress.start("activation entropy", -1);
        double[] e = ActivationEntropy.perNeuron(a.values(), a.rows(), a.columns(), bins);
        total = ActivationEntropy.total(e);
        Column col = CommunityQuality.column(gm, "activation_entropy", "Activation pattern entropy", Double.class);
        Map<Integer, Double> perLayer = new TreeMap<>();
        HistogramDataset hist = new HistogramDataset();
        Map<Integer, java.util.List<Double>> byLayer = new TreeMap<>();
        for (int j = 0; j < a.columns(); j++) {
            Node n = gm.getGraph().getNode(a.nodeId(j));
            if (n != null) n.setAttribute(col, e[j]);
            perLayer.merge(a.layer(j), e[j], Double::sum);
            byLayer.computeIfAbsent(a.layer(j), k -> new java.util.ArrayList<>()).add(e[j]);
        }
        for (Map.Entry<Integer, java.util.List<Double>> l : byLayer.entrySet()) {
            hist.addSeries("layer " + l.getKey(), l.getValue().stream().mapToDouble(Double::doubleValue).toArray(), 20);
        }
        Map<Integer, Double> perClass = perClass(a);
        StringBuilder h = new StringBuilder("<h2>Parameters</h2>").append(a.rows()).append(" samples, ").append(a.columns())
                .append(" neurons, ").append(bins).append(" bins<h2>Results</h2>")
                .append(String.format(Locale.ROOT, "Model entropy E = %.4f<br><table border=\"1\" cellpadding=\"3\"><tr><th>layer</th><th>E</th></tr>", total));
        perLayer.forEach((l, v) -> h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.4f</td></tr>", l, v)));
        h.append("</table><br><table border=\"1\" cellpadding=\"3\"><tr><th>class</th><th>E</th></tr>");
        perClass.forEach((c, v) -> h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.4f</td></tr>", c, v)));
        JFreeChart chart = ChartFactory.createHistogram("Entropy of the neurons, per layer", "E_j", "neurons", hist,
                PlotOrientation.VERTICAL, true, false, false);
        h.append("</table><br>").append(ChartUtils.renderChart(Charts.styled(chart), "activation-entropy.png"));
        report = h.toString();
    }

    /** The open project's workspace whose graph model is {@code gm}, or null. */
    static Workspace workspaceOf(GraphModel gm) {
        org.gephi.project.api.ProjectController pc = org.openide.util.Lookup.getDefault().lookup(org.gephi.project.api.ProjectController.class);
        if (pc.getCurrentProject() == null) return null;
        org.gephi.graph.api.GraphController gc = org.openide.util.Lookup.getDefault().lookup(org.gephi.graph.api.GraphController.class);
        for (Workspace w : pc.getCurrentProject().getLookup().lookup(org.gephi.project.api.WorkspaceProvider.class).getWorkspaces()) {
            if (gc.getGraphModel(w) == gm) return w;
        }
        return null;
    }

    private Map<Integer, Double> perClass(RecordedActivations a) {
        int classes = 0;
        int[] labels = new int[a.rows()];
        for (int i = 0; i < a.rows(); i++) classes = Math.max(classes, (labels[i] = a.rowClass(i)) + 1);
        double[][] e = ActivationEntropy.perClass(a.values(), a.rows(), a.columns(), labels, classes, bins);
        int[] count = new int[classes];
        for (int y : labels) count[y]++;
        Map<Integer, Double> out = new TreeMap<>();
        for (int c = 0; c < classes; c++) if (count[c] > 0) out.put(c, ActivationEntropy.total(e[c]));
        return out;
    }

    @Override
    public String getReport() {
        return "<html><body><h1>Activation pattern entropy</h1><hr>" + (report == null ? "Not run." : report)
                + "<h2>What was computed</h2>Each neuron's activations are divided by their sum; the non-zero values go into "
                + "R equal-width bins between their minimum and maximum; E<sub>j</sub> = &minus;&Sigma; h<sub>k</sub> ln h<sub>k</sub>; "
                + "E = &Sigma; E<sub>j</sub>. A neuron that never fires has E<sub>j</sub> = 0."
                + "<h2>Reference</h2>Mostafa and Mondal, <i>On the Evolution of Neuron Communities in a Deep Learning Architecture</i>, Section 5.2."
                + "</body></html>";
    }

    @Override
    public boolean cancel() {
        progress.cancel();
        return false;
    }
}
