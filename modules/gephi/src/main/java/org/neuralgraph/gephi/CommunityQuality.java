package org.neuralgraph.gephi;

import org.neuralgraph.core.graph.Names;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Origin;
import org.gephi.statistics.spi.Statistics;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.stats.CoverModularities;
import org.neuralgraph.core.stats.LabelPropagationCover;
import org.neuralgraph.core.stats.OverlappingModularity;
import org.neuralgraph.core.stats.PartitionModularity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Gephi statistic: the community quality measures of Mostafa and Mondal (Section 3.2, Table 4) for the cover in a node
 * column: Newman's modularity of the strongest-belonging partition (Eq. 2; for a partition column, the partition
 * itself), Shen et al.'s unweighted overlapping modularity (Eq. 3), Chen et al.'s weighted overlapping
 * modularity (Eq. 4), and the modularity of a seeded Kernighan-Lin bisection (KLB). Writes the Data Laboratory
 * columns {@code belonging} (each community with its belonging coefficient alpha, e.g. {@code 3:0.75|7:0.25}),
 * {@code belonging_max} and {@code klb_side}. Edges count as undirected. With no cover column (empty name) the cover
 * is detected by {@link LabelPropagationCover} (COPRA, at most {@code v} communities per node) and written to the
 * column {@code copra_communities}.
 */
public final class CommunityQuality extends TicketTask implements Statistics {

    /** What the report says about the computation: shared with {@link DynamicOverlappingModularity}. */
    static final String COMPUTED = "Edges are treated as undirected; weights count in Eq. 2 and 4, not in Eq. 3. "
            + "Belonging coefficient &alpha;<sub>cv</sub> = k<sub>cv</sub> / &Sigma;<sub>c'</sub> k<sub>c'v</sub>, k<sub>cv</sub> the weight "
            + "from v into community c. Eq. 2 is taken of the partition that puts each node in its community of largest &alpha;. "
            + "On a partition all three modularities equal Newman's.";
    static final String REFERENCE = "Mostafa and Mondal, <i>On the Evolution of Neuron Communities in a Deep Learning Architecture</i>, Section 3.2 and Table 4.";

    private String coverColumn = Names.MODULARITY_CLASS;
    private long seed = 42;
    private int klbIterations = 10;
    private int copraV = 2;
    private double resolution = 1.0;
    private Map<String, Object> results;
    private String error;

    public String getCoverColumn() { return coverColumn; }
    public void setCoverColumn(String coverColumn) { this.coverColumn = coverColumn; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public int getKlbIterations() { return klbIterations; }

    public void setKlbIterations(int klbIterations) {
        if (klbIterations < 1) throw new IllegalArgumentException("KLB iterations must be >= 1, got " + klbIterations);
        this.klbIterations = klbIterations;
    }

    public double getResolution() { return resolution; }

    /** Resolution of the no-overlap modularity, reported in Gephi's and in networkx's convention. */
    public void setResolution(double resolution) {
        if (!(resolution > 0)) throw new IllegalArgumentException("resolution must be > 0, got " + resolution);
        this.resolution = resolution;
    }

    public int getCopraV() { return copraV; }

    public void setCopraV(int v) {
        if (v < 1) throw new IllegalArgumentException("COPRA v must be >= 1, got " + v);
        this.copraV = v;
    }

    /** The figures of the last run by name, or null. */
    public Map<String, Object> getResults() { return results; }

    /** Why the last run has no results (a cover column that is missing, of another type or empty, ...), or null. */
    public String getError() { return error; }

    @Override
    public void execute(GraphModel gm) {
        results = null;
        error = null;
        try {
            progress.start("community quality", 4);
            GraphArrays a = GraphArrays.of(gm);
            List<String> labels = new ArrayList<>();
            int[][] cover;
            if (coverColumn == null || coverColumn.trim().isEmpty()) {
                cover = LabelPropagationCover.copra(a.weights, copraV, 100, seed);
                int max = -1;
                for (int[] cs : cover) for (int c : cs) max = Math.max(max, c);
                for (int c = 0; c <= max; c++) labels.add(String.valueOf(c));
                Column detected = column(gm, "copra_communities", "COPRA communities", String.class);
                for (int v = 0; v < cover.length; v++) {
                    StringBuilder sb = new StringBuilder();
                    for (int c : cover[v]) sb.append(sb.length() == 0 ? "" : "|").append(c);
                    a.nodes[v].setAttribute(detected, sb.toString());
                }
            } else {
                cover = a.cover(gm, coverColumn, labels);
                if (labels.isEmpty()) {
                    throw new IllegalArgumentException("cover column '" + coverColumn + "' has no value on any of the " + cover.length
                            + " nodes; there is no community to measure");
                }
            }
            int without = 0;
            for (int[] cs : cover) if (cs.length == 0) without++;
            int[] strongest = CoverModularities.strongestCommunity(cover, OverlappingModularity.belonging(a.weights, cover));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cover_column", coverColumn == null || coverColumn.trim().isEmpty() ? "(detected by COPRA, v=" + copraV + ")" : coverColumn);
            r.put("communities", labels.size());
            r.put("nodes_without_cover", without);
            r.put("modularity_no_overlap", PartitionModularity.of(a.weights, strongest, 1, PartitionModularity.Convention.REICHARDT_BORNHOLDT));
            r.put("resolution", resolution);
            r.put("modularity_no_overlap_gephi_convention", PartitionModularity.of(a.weights, strongest, resolution, PartitionModularity.Convention.GEPHI));
            r.put("modularity_no_overlap_networkx_convention", PartitionModularity.of(a.weights, strongest, resolution, PartitionModularity.Convention.REICHARDT_BORNHOLDT));
            progress.progress(1, null);
            progress.checkCancelled();
            CoverModularities q = CoverModularities.of(a.weights, cover, klbIterations, seed);
            r.put("modularity_shen", q.unweightedOverlap);
            r.put("modularity_chen", q.weightedOverlap);
            r.put("modularity_klb", q.klb);
            r.put("seed", seed);
            progress.progress(3, null);
            progress.checkCancelled();
            double[][] alpha = q.belonging;
            int[] side = q.klbSide;
            writeColumns(gm, a, cover, alpha, labels, side);
            progress.progress(4, null);
            results = r;
        } catch (CancelledException e) {
            error = "Cancelled.";
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
    }

    private static void writeColumns(GraphModel gm, GraphArrays a, int[][] cover, double[][] alpha, List<String> labels, int[] side) {
        Column belonging = column(gm, Names.BELONGING, "Belonging coefficients", String.class);
        Column max = column(gm, "belonging_max", "Largest belonging coefficient", Double.class);
        Column klb = column(gm, "klb_side", "Kernighan-Lin side", Integer.class);
        for (int v = 0; v < a.nodes.length; v++) {
            StringBuilder b = new StringBuilder();
            double m = 0;
            for (int k = 0; k < cover[v].length; k++) {
                if (b.length() > 0) b.append('|');
                b.append(labels.get(cover[v][k])).append(':').append(String.format(Locale.ROOT, "%.4f", alpha[v][k]));
                m = Math.max(m, alpha[v][k]);
            }
            a.nodes[v].setAttribute(belonging, b.toString());
            a.nodes[v].setAttribute(max, m);
            a.nodes[v].setAttribute(klb, side[v]);
        }
    }

    static Column column(GraphModel gm, String id, String title, Class<?> type) {
        Column c = gm.getNodeTable().getColumn(id);
        if (c == null) c = gm.getNodeTable().addColumn(id, title, type, Origin.DATA, null, false);
        return c;
    }

    @Override
    public String getReport() {
        StringBuilder h = new StringBuilder("<html><body><h1>Community quality (overlapping modularity)</h1><hr>");
        if (results == null) return h.append("<p>").append(error == null ? "Not run." : error).append("</p></body></html>").toString();
        h.append("<h2>Parameters</h2>Cover: <i>").append(results.get("cover_column")).append("</i> (")
                .append(results.get("communities")).append(" communities")
                .append((Integer) results.get("nodes_without_cover") > 0 ? ", " + results.get("nodes_without_cover") + " nodes in none" : "")
                .append("); KLB seed ").append(seed).append(", ")
                .append(klbIterations).append(" passes<h2>Results</h2><table border=\"1\" cellpadding=\"3\">");
        row(h, "Modularity, no overlap (Eq. 2, strongest community of each node)", results.get("modularity_no_overlap"));
        if (resolution != 1.0) {
            row(h, "Eq. 2 at resolution " + resolution + ", Gephi's convention (&gamma; on the internal term)", results.get("modularity_no_overlap_gephi_convention"));
            row(h, "Eq. 2 at resolution " + resolution + ", networkx's convention (&gamma; on the null model)", results.get("modularity_no_overlap_networkx_convention"));
        }
        row(h, "Unweighted overlapping modularity (Shen et al., Eq. 3)", results.get("modularity_shen"));
        row(h, "Weighted overlapping modularity (Chen et al., Eq. 4)", results.get("modularity_chen"));
        row(h, "Modularity of the Kernighan-Lin bisection", results.get("modularity_klb"));
        h.append("</table><h2>What was computed</h2>").append(COMPUTED).append(" The column <i>belonging</i> holds each node's &alpha;.")
                .append("<h2>Reference</h2>").append(REFERENCE).append("</body></html>");
        return h.toString();
    }

    private static void row(StringBuilder h, String name, Object value) {
        h.append("<tr><td>").append(name).append("</td><td>").append(String.format(Locale.ROOT, "%.4f", (Double) value)).append("</td></tr>");
    }
}
