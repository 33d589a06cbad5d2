package org.neuralgraph.core.timeline;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The graphs of one network at successive checkpoints G(1) ... G(T), merged into one dynamic graph: the union of
 * their nodes and edges, each knowing at which checkpoints it exists and what its values were there.
 *
 * <p>Identity: a node is the same across checkpoints when its id is (our graph builders give a neuron, channel,
 * pixel or class the same id at every checkpoint). An edge is the same when its end ids are; in an undirected
 * graph the ends are taken in sorted order, and parallel edges are told apart by their order among the edges
 * with the same ends. Time: one timestamp per checkpoint, strictly increasing ({@link #timeUnit()} says whether it
 * counts epochs or checkpoints).
 *
 * <p>Values: every node and edge column and graph attribute becomes a {@link Series} with one value per
 * checkpoint (null where the element or value is absent); a series whose present values never change is
 * {@link Series#varies() constant} and can be stored as a static attribute. Edge weights are always per
 * checkpoint ({@link #weight(int, int)}).
 */
public final class GraphTimeline {

    private final double[] times;
    private final String timeUnit;
    private final boolean directed;
    private final String[] nodeIds;
    private final String[] nodeLabels;
    private final int[] source;
    private final int[] target;
    private final boolean[][] nodePresent;
    private final double[][] weight;
    private final Map<String, Series> nodeSeries;
    private final Map<String, Series> edgeSeries;
    private final Map<String, Series> graphSeries;

    private GraphTimeline(double[] times, String timeUnit, boolean directed, String[] nodeIds, String[] nodeLabels,
                          int[] source, int[] target, boolean[][] nodePresent, double[][] weight,
                          Map<String, Series> nodeSeries, Map<String, Series> edgeSeries, Map<String, Series> graphSeries) {
        this.times = times;
        this.timeUnit = timeUnit;
        this.directed = directed;
        this.nodeIds = nodeIds;
        this.nodeLabels = nodeLabels;
        this.source = source;
        this.target = target;
        this.nodePresent = nodePresent;
        this.weight = weight;
        this.nodeSeries = nodeSeries;
        this.edgeSeries = edgeSeries;
        this.graphSeries = graphSeries;
    }

    /**
     * Merges {@code graphs[i]}, the graph at time {@code times[i]}.
     *
     * @param timeUnit what the times count, e.g. {@code "epoch"} or {@code "checkpoint"}
     * @throws IllegalArgumentException when there are no graphs, the counts differ, times are not finite and strictly
     *                                  increasing, graphs mix directed and undirected, or a column changes type
     */
    public static GraphTimeline of(List<NeuralGraph> graphs, double[] times, String timeUnit) {
        Objects.requireNonNull(timeUnit, "timeUnit");
        if (graphs.isEmpty()) throw new IllegalArgumentException("a timeline needs at least one graph");
        if (times.length != graphs.size()) {
            throw new IllegalArgumentException(graphs.size() + " graphs but " + times.length + " times");
        }
        for (int f = 0; f < times.length; f++) {
            if (!Double.isFinite(times[f]) || (f > 0 && !(times[f] > times[f - 1]))) {
                throw new IllegalArgumentException("times must be finite and strictly increasing, got " + Arrays.toString(times));
            }
        }
        boolean directed = graphs.get(0).isDirected();
        for (NeuralGraph g : graphs) {
            if (g.isDirected() != directed) throw new IllegalArgumentException("the graphs mix directed and undirected edges");
        }
        int frames = graphs.size();

        Map<String, Integer> nodeIndex = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        int[][] nodeOf = new int[frames][];
        for (int f = 0; f < frames; f++) {
            NeuralGraph g = graphs.get(f);
            nodeOf[f] = new int[g.nodeCount()];
            for (int v = 0; v < g.nodeCount(); v++) {
                Integer u = nodeIndex.get(g.nodeId(v));
                if (u == null) {
                    u = nodeIndex.size();
                    nodeIndex.put(g.nodeId(v), u);
                    labels.add(g.nodeLabel(v));
                }
                nodeOf[f][v] = u;
            }
        }
        int n = nodeIndex.size();
        boolean[][] present = new boolean[frames][n];
        for (int f = 0; f < frames; f++) {
            for (int u : nodeOf[f]) present[f][u] = true;
        }

        Map<List<Integer>, Integer> edgeIndex = new HashMap<>();
        List<int[]> ends = new ArrayList<>();
        int[][] edgeOf = new int[frames][];
        for (int f = 0; f < frames; f++) {
            NeuralGraph g = graphs.get(f);
            edgeOf[f] = new int[g.edgeCount()];
            Map<List<Integer>, Integer> seen = new HashMap<>();
            for (int e = 0; e < g.edgeCount(); e++) {
                int s = nodeOf[f][g.source(e)], t = nodeOf[f][g.target(e)];
                if (!directed && s > t) { int x = s; s = t; t = x; }
                List<Integer> pair = Arrays.asList(s, t);
                int k = seen.merge(pair, 1, Integer::sum) - 1;
                List<Integer> key = Arrays.asList(s, t, k);
                Integer id = edgeIndex.get(key);
                if (id == null) {
                    id = ends.size();
                    edgeIndex.put(key, id);
                    ends.add(new int[] {s, t});
                }
                edgeOf[f][e] = id;
            }
        }
        int m = ends.size();
        double[][] weight = new double[frames][m];
        for (int f = 0; f < frames; f++) {
            Arrays.fill(weight[f], Double.NaN);
            NeuralGraph g = graphs.get(f);
            for (int e = 0; e < g.edgeCount(); e++) weight[f][edgeOf[f][e]] = g.weight(e);
        }

        Map<String, Series> nodeSeries = elementSeries(graphs, nodeOf, n, true);
        Map<String, Series> edgeSeries = elementSeries(graphs, edgeOf, m, false);
        Map<String, Series> graphSeries = new LinkedHashMap<>();
        for (int f = 0; f < frames; f++) {
            for (Map.Entry<String, Object> a : graphs.get(f).graphAttributes().entrySet()) {
                Series s = graphSeries.computeIfAbsent(a.getKey(), k -> new Series(k, a.getValue().getClass(), frames, 1));
                s.put(f, 0, a.getValue());
            }
        }
        int[] src = new int[m], tgt = new int[m];
        for (int e = 0; e < m; e++) { src[e] = ends.get(e)[0]; tgt[e] = ends.get(e)[1]; }
        return new GraphTimeline(times.clone(), timeUnit, directed, nodeIndex.keySet().toArray(new String[0]),
                labels.toArray(new String[0]), src, tgt, present, weight, Collections.unmodifiableMap(nodeSeries),
                Collections.unmodifiableMap(edgeSeries), Collections.unmodifiableMap(graphSeries));
    }

    /**
     * Merges the graphs of successive checkpoints, timed by epoch when every checkpoint has a distinct known epoch
     * (>= 0, increasing), else by checkpoint index 0, 1, ... ({@link #timeUnit()} says which).
     */
    public static GraphTimeline ofCheckpoints(List<NeuralGraph> graphs, int[] epochs) {
        boolean byEpoch = true;
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] < 0 || (i > 0 && epochs[i] <= epochs[i - 1])) byEpoch = false;
        }
        double[] times = new double[epochs.length];
        for (int i = 0; i < times.length; i++) times[i] = byEpoch ? epochs[i] : i;
        return of(graphs, times, byEpoch ? Names.EPOCH : Names.CHECKPOINT);
    }

    private static Map<String, Series> elementSeries(List<NeuralGraph> graphs, int[][] indexOf, int size, boolean nodes) {
        Map<String, Series> out = new LinkedHashMap<>();
        for (int f = 0; f < graphs.size(); f++) {
            NeuralGraph g = graphs.get(f);
            for (Map.Entry<String, NeuralGraph.Column> c : (nodes ? g.nodeColumns() : g.edgeColumns()).entrySet()) {
                NeuralGraph.Column col = c.getValue();
                Series s = out.computeIfAbsent(c.getKey(), k -> new Series(col.title(), col.type(), graphs.size(), size));
                for (int i = 0; i < col.size(); i++) s.put(f, indexOf[f][i], col.get(i));
            }
        }
        return out;
    }

    /** Number of checkpoints. */
    public int frameCount() { return times.length; }
    /** The timestamp of checkpoint {@code frame}. */
    public double time(int frame) { return times[frame]; }
    /** What the timestamps count ("epoch" or "checkpoint"). */
    public String timeUnit() { return timeUnit; }
    public boolean isDirected() { return directed; }

    /** Nodes of the union graph, in order of first appearance. */
    public int nodeCount() { return nodeIds.length; }
    public String nodeId(int node) { return nodeIds[node]; }
    /** The label the node had when it first appeared. */
    public String nodeLabel(int node) { return nodeLabels[node]; }
    public boolean nodePresent(int frame, int node) { return nodePresent[frame][node]; }
    /** The union node with this id, or -1. Linear: meant for tests and small look-ups. */
    public int indexOfNode(String id) { return java.util.Arrays.asList(nodeIds).indexOf(id); }

    /** Edges of the union graph, in order of first appearance. */
    public int edgeCount() { return source.length; }
    public int source(int edge) { return source[edge]; }
    public int target(int edge) { return target[edge]; }
    public boolean edgePresent(int frame, int edge) { return !Double.isNaN(weight[frame][edge]); }
    /** The edge's weight at checkpoint {@code frame}, or NaN where the edge does not exist. */
    public double weight(int frame, int edge) { return weight[frame][edge]; }

    /** Node columns by id, in order of first appearance; element index = union node. */
    public Map<String, Series> nodeSeries() { return nodeSeries; }
    /** Edge columns by id; element index = union edge. */
    public Map<String, Series> edgeSeries() { return edgeSeries; }
    /** Graph attributes (accuracy, loss, modularity, ...) by key, each with one element. */
    public Map<String, Series> graphSeries() { return graphSeries; }

    /**
     * The union graph as a static {@link NeuralGraph}, for one layout of all checkpoints: every node and edge that
     * ever exists, each edge weighted by its mean weight over the checkpoints where it exists, and each column
     * holding the element's value at the last checkpoint where it had one.
     */
    public NeuralGraph union() {
        NeuralGraph.Builder b = new NeuralGraph.Builder(directed).capacity(nodeCount(), edgeCount());
        for (int v = 0; v < nodeCount(); v++) b.addNode(nodeIds[v], nodeLabels[v]);
        for (int e = 0; e < edgeCount(); e++) {
            double sum = 0;
            int k = 0;
            for (double[] w : weight) {
                if (!Double.isNaN(w[e])) { sum += w[e]; k++; }
            }
            b.addEdge(source[e], target[e], sum / k);
        }
        nodeSeries.forEach((id, s) -> b.nodeColumn(id, s.lastValues()));
        edgeSeries.forEach((id, s) -> b.edgeColumn(id, s.lastValues()));
        graphSeries.forEach((key, s) -> {
            Object v = s.last(0);
            if (v != null) b.graphAttribute(key, v);
        });
        return b.build();
    }

    /** One named value per element and checkpoint (null where absent), of one type. */
    public static final class Series {
        private final String title;
        private final Class<?> type;
        private final Object[][] values; // [frame][element]

        private Series(String title, Class<?> type, int frames, int size) {
            this.title = title;
            this.type = type;
            this.values = new Object[frames][size];
        }

        private void put(int frame, int element, Object value) {
            if (value != null && !type.isInstance(value)) {
                throw new IllegalArgumentException("column '" + title + "' holds " + type.getSimpleName()
                        + " values at one checkpoint and " + value.getClass().getSimpleName() + " at another");
            }
            values[frame][element] = value;
        }

        public String title() { return title; }
        /** Integer, Double, String (columns), or also Long and Boolean (graph attributes). */
        public Class<?> type() { return type; }
        public int size() { return values[0].length; }
        /** The value of {@code element} at checkpoint {@code frame}, or null. A NaN double counts as absent. */
        public Object value(int frame, int element) {
            Object v = values[frame][element];
            return v instanceof Double && ((Double) v).isNaN() ? null : v;
        }

        /** Whether some element has two different present values at two checkpoints. */
        public boolean varies() {
            for (int i = 0; i < size(); i++) {
                Object first = null;
                for (int f = 0; f < values.length; f++) {
                    Object v = value(f, i);
                    if (v == null) continue;
                    if (first == null) first = v;
                    else if (!first.equals(v)) return true;
                }
            }
            return false;
        }

        /** The element's value at the last checkpoint where it had one, or null. */
        public Object last(int element) {
            for (int f = values.length - 1; f >= 0; f--) {
                if (value(f, element) != null) return value(f, element);
            }
            return null;
        }

        /** Each element's value at the last checkpoint where it had one, as a column (NaN, 0 or null where none). */
        NeuralGraph.Column lastValues() {
            Object[] last = new Object[size()];
            for (int i = 0; i < last.length; i++) last[i] = last(i);
            if (type == Double.class) {
                double[] d = new double[last.length];
                for (int i = 0; i < d.length; i++) d[i] = last[i] == null ? Double.NaN : (Double) last[i];
                return NeuralGraph.Column.ofDoubles(title, d);
            }
            if (type == Integer.class) {
                int[] d = new int[last.length];
                for (int i = 0; i < d.length; i++) d[i] = last[i] == null ? 0 : (Integer) last[i];
                return NeuralGraph.Column.ofInts(title, d);
            }
            String[] d = new String[last.length];
            for (int i = 0; i < d.length; i++) d[i] = last[i] == null ? null : last[i].toString();
            return NeuralGraph.Column.ofStrings(title, d);
        }
    }
}
