package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Origin;
import org.gephi.graph.api.TimeRepresentation;
import org.gephi.graph.api.types.IntervalIntegerMap;
import org.gephi.graph.api.types.TimestampIntegerMap;
import org.neuralgraph.core.community.CommunityTracking;
import org.neuralgraph.core.graph.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Communities followed over the timeline ({@link CommunityTracking}, after Greene, Doyle and Cunningham 2010): in each
 * window the partition in a node column (by default {@code modularity_class}, which a study's timeline carries as a
 * dynamic column, one Louvain per checkpoint) is matched to the previous window's by the Jaccard similarity of the
 * communities' nodes, and every node gets a persistent community id, written at the window's start into the dynamic
 * node column {@link Names#COMMUNITY} (replaced if it exists). The report adds the table of events (continue, grow,
 * shrink, split, merge, birth, death) between consecutive windows; the series are the number of communities and the
 * births, deaths, splits and merges of each window.
 *
 * <p>The partition is read, not detected: Gephi's own Modularity writes one static column for the whole workspace, and
 * on a static column every window sees the same labels (only the nodes present change). Windows without edges are not
 * measured ({@link WindowedStatistic}) and so are not tracked either: the next measured window is matched to the last
 * measured one. A node with several communities in a string cover column counts in its first.
 */
public final class DynamicCommunityTracking extends WindowedStatistic {

    static final String REFERENCE = "D. Greene, D. Doyle, P. Cunningham, \"Tracking the evolution of communities in dynamic social "
            + "networks\", ASONAM 2010: step communities matched to the fronts of the dynamic communities by Jaccard similarity "
            + "above a threshold (Section III; 0.3 recommended). Here without gaps: a community unmatched for one window has died.";

    private String partitionColumn = Names.MODULARITY_CLASS;
    private double theta = CommunityTracking.DEFAULT_THETA;
    private Column column;
    private CommunityTracking.Tracker tracker;
    private GraphModel model;
    private final List<Node[]> nodes = new ArrayList<>();
    private final List<int[]> ids = new ArrayList<>();
    private final List<Interval> intervals = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private CommunityTracking.Result result;

    public DynamicCommunityTracking() {
        super("Community tracking",
                new String[]{"tracked_communities", "community_births", "community_deaths", "community_splits", "community_merges"},
                new String[]{"communities", "births", "deaths", "splits", "merges"});
    }

    public String getPartitionColumn() { return partitionColumn; }
    public void setPartitionColumn(String partitionColumn) { this.partitionColumn = partitionColumn; }
    public double getTheta() { return theta; }

    /** The Jaccard matching threshold in [0, 1); Greene et al.'s 0.3 by default. */
    public void setTheta(double theta) {
        if (!(theta >= 0 && theta < 1)) throw new IllegalArgumentException("theta must be in [0, 1), got " + theta);
        this.theta = theta;
    }

    /** What the last run found, or null before a run (or when it was refused). */
    public CommunityTracking.Result getResult() { return result; }

    @Override
    protected void prepare(GraphModel gm) {
        model = gm;
        nodes.clear();
        ids.clear();
        intervals.clear();
        labels.clear();
        result = null;
        tracker = null;
        if (partitionColumn == null || partitionColumn.trim().isEmpty()) throw new IllegalArgumentException("Name the node column that holds the partition.");
        if (partitionColumn.trim().equals(Names.COMMUNITY)) throw new IllegalArgumentException("The partition column cannot be '" + Names.COMMUNITY + "', which this statistic writes.");
        column = GraphArrays.coverColumn(gm, partitionColumn.trim());
        tracker = new CommunityTracking(theta, CommunityTracking.DEFAULT_SIZE_TOLERANCE).tracker();
    }

    @Override
    protected double[] measure(Graph window, Interval interval) {
        GraphArrays a = GraphArrays.of(window, interval);
        int[][] cover = a.cover(column, interval, new ArrayList<>());
        String[] nodeIds = new String[a.nodes.length];
        int[] partition = new int[a.nodes.length];
        for (int v = 0; v < a.nodes.length; v++) {
            nodeIds[v] = a.nodes[v].getId().toString();
            partition[v] = cover[v].length > 0 ? cover[v][0] : -1;
        }
        int[] persistent = tracker.next(nodeIds, partition);
        nodes.add(a.nodes);
        ids.add(persistent);
        intervals.add(interval);
        labels.add(WindowSeries.number(interval.getLow()));
        result = tracker.result();
        int t = result.checkpoints() - 1;
        double[] counts = new double[5];
        counts[0] = java.util.Arrays.stream(persistent).filter(p -> p >= 0).distinct().count();
        for (CommunityTracking.Event e : result.eventsAt(t)) {
            switch (e.kind()) {
                case BIRTH: counts[1]++; break;
                case DEATH: counts[2]++; break;
                case SPLIT: counts[3]++; break;
                case MERGE: counts[4]++; break;
                default: break;
            }
        }
        return counts;
    }

    /** Writes the persistent ids, window by window, into the dynamic column {@code community}. */
    @Override
    public void end() {
        if (model == null || ids.isEmpty()) return;
        boolean timestamps = model.getConfiguration().getTimeRepresentation() == TimeRepresentation.TIMESTAMP;
        org.gephi.graph.api.Table table = model.getNodeTable();
        Column old = table.getColumn(Names.COMMUNITY);
        if (old != null) table.removeColumn(old);
        Column col = table.addColumn(Names.COMMUNITY, Names.COMMUNITY_TITLE,
                timestamps ? TimestampIntegerMap.class : IntervalIntegerMap.class, Origin.DATA, null, false);
        for (int w = 0; w < ids.size(); w++) {
            Interval iv = intervals.get(w);
            for (int v = 0; v < ids.get(w).length; v++) {
                if (ids.get(w)[v] < 0) continue;
                if (timestamps) nodes.get(w)[v].setAttribute(col, ids.get(w)[v], iv.getLow());
                else nodes.get(w)[v].setAttribute(col, ids.get(w)[v], iv);
            }
        }
    }

    @Override
    public String getReport() {
        String report = super.getReport();
        if (result == null || result.checkpoints() < 2) return report;
        StringBuilder t = new StringBuilder("<h2>Events</h2><table border=\"1\" cellpadding=\"3\"><tr><th>from</th><th>to</th>"
                + "<th>event</th><th>from communities (nodes)</th><th>to communities (nodes)</th><th>Jaccard</th></tr>");
        for (CommunityTracking.Event e : result.events()) {
            if (e.kind() == CommunityTracking.Kind.CONTINUE) continue;
            t.append("<tr><td>").append(labels.get(e.checkpoint() - 1)).append("</td><td>").append(labels.get(e.checkpoint()))
                    .append("</td><td>").append(e.kind().label()).append("</td><td>").append(withSizes(e.from(), e.fromSizes()))
                    .append("</td><td>").append(withSizes(e.to(), e.toSizes())).append("</td><td>")
                    .append(Double.isNaN(e.jaccard()) ? "" : String.format(Locale.ROOT, "%.2f", e.jaccard())).append("</td></tr>");
        }
        long continued = result.events().stream().filter(e -> e.kind() == CommunityTracking.Kind.CONTINUE).count();
        t.append("</table><p>").append(continued).append(" continuations without a change of size beyond ")
                .append(Math.round(CommunityTracking.DEFAULT_SIZE_TOLERANCE * 100)).append(" % are not listed. ")
                .append(result.communities().size()).append(" persistent communities in all; node column <code>")
                .append(Names.COMMUNITY).append("</code> holds each node's in every window.</p>");
        int at = report.indexOf("<h2>What was computed</h2>");
        return at < 0 ? report : report.substring(0, at) + t + report.substring(at);
    }

    private static String withSizes(int[] ids, int[] sizes) {
        if (ids.length == 0) return "-";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.length; i++) b.append(i == 0 ? "" : ", ").append(ids[i]).append(" (").append(sizes[i]).append(')');
        return b.toString();
    }

    @Override
    protected String parameters() {
        return "partition column <i>" + partitionColumn + "</i>" + (column != null && column.isDynamic() ? " (dynamic: read in each window)" : " (static)")
                + ", Jaccard threshold " + theta;
    }

    @Override
    protected String computed() {
        return "<p>Each window's communities (the partition column read over the window) are matched to the communities of the "
                + "previous measured window: a pair matches when the Jaccard similarity of their nodes exceeds the threshold. Pairs "
                + "are taken by falling similarity, each community continuing at most one; a community matching none is born, one "
                + "matched by none dies (no gaps), several matching one is a split (the most similar keeps the id), one matching "
                + "several is a merge (named by the most similar). A continuation grows or shrinks beyond "
                + Math.round(CommunityTracking.DEFAULT_SIZE_TOLERANCE * 100) + " % of its size.</p>";
    }

    @Override
    protected String reference() {
        return REFERENCE;
    }
}
