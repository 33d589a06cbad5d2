package org.neuralgraph.pipeline.study;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Origin;
import org.neuralgraph.core.community.CommunityTracking;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.pipeline.report.Json;
import org.neuralgraph.render.AlluvialChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A study's communities followed over its checkpoints (issue 26): after Gephi's Louvain has numbered one checkpoint's
 * communities afresh ({@code modularity_class}), {@link #follow} matches them to the previous checkpoint's with
 * {@link CommunityTracking} (Greene, Doyle and Cunningham 2010, Jaccard &gt; 0.3) and writes the persistent id as the
 * node column {@link Names#COMMUNITY}, which the study colours by, so a community keeps its colour in every
 * checkpoint's drawing, GEXF, Gephi workspace and the timeline's animation. At the end {@link #write} adds an
 * alluvial chart and an events table per series, and {@link #markdown} / {@link #json} the report's section.
 * One tracker per series (a weight graph; each layer of the activation pattern graphs).
 */
final class CommunityFollowing {

    /** Events listed one by one in report.md (all of them are in the CSV and report.json). */
    static final int MAX_LISTED = 40;

    private static final class Series {
        final String title;
        final CommunityTracking.Tracker tracker = new CommunityTracking().tracker();
        final List<String> labels = new ArrayList<>();
        final List<String> files = new ArrayList<>();

        Series(String title) {
            this.title = title;
        }
    }

    private final Map<String, Series> series = new LinkedHashMap<>();
    /** "epoch" while every checkpoint has one, else "checkpoint". */
    private String axis = "epoch";

    /** The label of a checkpoint on the chart and in the tables: its epoch, or {@code #index} when it has none. */
    static String label(Checkpoint cp, int index) {
        return cp.epoch() >= 0 ? Integer.toString(cp.epoch()) : "#" + index;
    }

    /**
     * Follows the communities of the next checkpoint of {@code key}: reads {@code modularity_class} (a node without one
     * has no community), writes the persistent id to the node column {@link Names#COMMUNITY}.
     *
     * @param key   file-name stem of the series ("weights", "activations-L1")
     * @param title the series in words ("layer 1")
     */
    void follow(String key, String title, GraphModel gm, Checkpoint cp, int index) {
        Series s = series.computeIfAbsent(key, k -> new Series(title));
        if (cp.epoch() < 0) axis = "checkpoint";
        s.labels.add(label(cp, index));
        Node[] nodes = gm.getGraph().getNodes().toArray();
        Column louvain = gm.getNodeTable().getColumn(Names.MODULARITY_CLASS);
        String[] ids = new String[nodes.length];
        int[] labels = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            ids[i] = nodes[i].getId().toString();
            Object v = louvain == null ? null : nodes[i].getAttribute(louvain);
            labels[i] = v instanceof Number ? ((Number) v).intValue() : -1;
        }
        int[] persistent = s.tracker.next(ids, labels);
        Column col = gm.getNodeTable().getColumn(Names.COMMUNITY);
        if (col == null) col = gm.getNodeTable().addColumn(Names.COMMUNITY, Names.COMMUNITY_TITLE, Integer.class, Origin.DATA, -1, false);
        for (int i = 0; i < nodes.length; i++) nodes[i].setAttribute(col, persistent[i]);
    }

    /** The tracking of every series so far. */
    Map<String, CommunityTracking.Result> results() {
        Map<String, CommunityTracking.Result> out = new LinkedHashMap<>();
        series.forEach((k, s) -> out.put(k, s.tracker.result()));
        return out;
    }

    /**
     * Writes {@code charts/<key>-communities.png} and {@code tables/<key>-community-events.csv} for every series of at
     * least two checkpoints.
     */
    void write(Path dir) throws IOException {
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            if (s.labels.size() < 2) continue;
            CommunityTracking.Result r = s.tracker.result();
            String chart = "charts/" + e.getKey() + "-communities.png";
            AlluvialChart.write(r, s.labels.toArray(new String[0]), axis,
                    "Communities over checkpoints, " + s.title, GraphStyle.palette(), dir.resolve(chart));
            String csv = "tables/" + e.getKey() + "-community-events.csv";
            Files.createDirectories(dir.resolve("tables"));
            ReportText.writeFile(dir.resolve(csv), csv(s, r));
            s.files.clear();
            s.files.add(chart);
            s.files.add(csv);
        }
    }

    private static String csv(Series s, CommunityTracking.Result r) {
        StringBuilder b = new StringBuilder("from_checkpoint,to_checkpoint,event,from_communities,to_communities,from_sizes,to_sizes,jaccard\n");
        for (CommunityTracking.Event ev : r.events()) {
            b.append(s.labels.get(ev.checkpoint() - 1)).append(',').append(s.labels.get(ev.checkpoint())).append(',')
                    .append(ev.kind().label()).append(',').append(ids(ev.from())).append(',').append(ids(ev.to())).append(',')
                    .append(ids(ev.fromSizes())).append(',').append(ids(ev.toSizes())).append(',')
                    .append(Double.isNaN(ev.jaccard()) ? "" : String.format(Locale.ROOT, "%.4f", ev.jaccard())).append('\n');
        }
        return b.toString();
    }

    private static String ids(int[] xs) {
        return Arrays.stream(xs).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    /** The report's section; empty when no series has two checkpoints. */
    String markdown() {
        StringBuilder m = new StringBuilder();
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            if (s.labels.size() < 2) continue;
            if (m.length() == 0) {
                m.append("\n## Communities followed over checkpoints\n\n")
                        .append("Louvain numbers each checkpoint's communities afresh; here they are matched from one checkpoint to the next ")
                        .append("(Greene, Doyle and Cunningham 2010: a community continues a previous one when the Jaccard similarity of ")
                        .append("their nodes exceeds ").append(CommunityTracking.DEFAULT_THETA).append("; no gaps: one checkpoint unmatched is a death). ")
                        .append("The persistent id is the node column `").append(Names.COMMUNITY).append("` (\"").append(Names.COMMUNITY_TITLE)
                        .append("\") of every workspace and GEXF, and nodes are coloured by it, so a community keeps its colour. ")
                        .append("A continuation grows or shrinks when its size changes by more than ")
                        .append(Math.round(CommunityTracking.DEFAULT_SIZE_TOLERANCE * 100)).append(" %; in a split the part with the largest ")
                        .append("Jaccard keeps the id, in a merge the part with the largest Jaccard names the result.\n");
            }
            CommunityTracking.Result r = s.tracker.result();
            m.append("\n### ").append(Character.toUpperCase(s.title.charAt(0))).append(s.title.substring(1)).append("\n\n");
            for (String f : s.files) m.append(f.endsWith(".png") ? "![communities over checkpoints](" + f + ")\n\n" : "");
            m.append("| ").append(axis).append(" | communities | continue | grow | shrink | split | merge | birth | death |\n")
                    .append("|---|---|---|---|---|---|---|---|---|\n");
            for (int t = 1; t < r.checkpoints(); t++) {
                Map<CommunityTracking.Kind, Integer> count = new EnumMap<>(CommunityTracking.Kind.class);
                for (CommunityTracking.Event ev : r.eventsAt(t)) count.merge(ev.kind(), 1, Integer::sum);
                m.append("| ").append(s.labels.get(t - 1)).append(" → ").append(s.labels.get(t)).append(" | ")
                        .append(communities(r, t - 1)).append(" → ").append(communities(r, t));
                for (CommunityTracking.Kind k : CommunityTracking.Kind.values()) m.append(" | ").append(count.getOrDefault(k, 0));
                m.append(" |\n");
            }
            List<CommunityTracking.Event> changes = r.events().stream()
                    .filter(ev -> ev.kind() != CommunityTracking.Kind.CONTINUE).collect(Collectors.toList());
            if (!changes.isEmpty()) {
                m.append("\n| ").append(axis).append(" | event | from (nodes) | to (nodes) | Jaccard |\n|---|---|---|---|---|\n");
                for (CommunityTracking.Event ev : changes.subList(0, Math.min(MAX_LISTED, changes.size()))) {
                    m.append("| ").append(s.labels.get(ev.checkpoint() - 1)).append(" → ").append(s.labels.get(ev.checkpoint()))
                            .append(" | ").append(ev.kind().label()).append(" | ").append(withSizes(ev.from(), ev.fromSizes()))
                            .append(" | ").append(withSizes(ev.to(), ev.toSizes())).append(" | ")
                            .append(Double.isNaN(ev.jaccard()) ? "" : String.format(Locale.ROOT, "%.2f", ev.jaccard())).append(" |\n");
                }
                if (changes.size() > MAX_LISTED) {
                    m.append("\n").append(changes.size() - MAX_LISTED).append(" more in the CSV.\n");
                }
            }
            for (String f : s.files) if (f.endsWith(".csv")) m.append("\nEvery event: `").append(f).append("`.\n");
        }
        return m.toString();
    }

    private static int communities(CommunityTracking.Result r, int t) {
        return (int) Arrays.stream(r.persistent()[t]).filter(p -> p >= 0).distinct().count();
    }

    private static String withSizes(int[] ids, int[] sizes) {
        if (ids.length == 0) return "–";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) out.add(ids[i] + " (" + sizes[i] + ")");
        return String.join(", ", out);
    }

    /** The report.json part: per series, the checkpoint labels, the matching's parameters, the events, the communities. */
    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("method", "Greene, Doyle and Cunningham 2010: Jaccard matching to the fronts, no gaps");
        j.put("theta", CommunityTracking.DEFAULT_THETA);
        j.put("size_tolerance", CommunityTracking.DEFAULT_SIZE_TOLERANCE);
        j.put("node_column", Names.COMMUNITY);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            CommunityTracking.Result r = s.tracker.result();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("title", s.title);
            x.put("checkpoints", s.labels);
            List<Map<String, Object>> events = new ArrayList<>();
            for (CommunityTracking.Event ev : r.events()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("from_checkpoint", s.labels.get(ev.checkpoint() - 1));
                y.put("to_checkpoint", s.labels.get(ev.checkpoint()));
                y.put("event", ev.kind().label());
                y.put("from", ev.from());
                y.put("to", ev.to());
                y.put("from_sizes", ev.fromSizes());
                y.put("to_sizes", ev.toSizes());
                y.put("jaccard", Double.isNaN(ev.jaccard()) ? Json.missing("no match: a birth or a death") : ev.jaccard());
                events.add(y);
            }
            x.put("events", events);
            List<Map<String, Object>> cs = new ArrayList<>();
            for (CommunityTracking.Community c : r.communities()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("id", c.id());
                y.put("first_checkpoint", s.labels.get(c.firstCheckpoint()));
                y.put("last_checkpoint", s.labels.get(c.lastCheckpoint()));
                y.put("parents", c.parents());
                cs.add(y);
            }
            x.put("communities", cs);
            x.put("files", s.files);
            all.put(e.getKey(), x);
        }
        j.put("series", all);
        return j;
    }
}
