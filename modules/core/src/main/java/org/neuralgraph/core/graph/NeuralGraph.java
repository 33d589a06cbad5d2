package org.neuralgraph.core.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A graph built from a neural network, held in plain arrays so that algorithms run on it without Gephi.
 *
 * <p>Nodes are numbered {@code 0..nodeCount()-1} and carry a stable string id (the Gephi node id) and a
 * label. Edges are numbered {@code 0..edgeCount()-1}, go from {@link #source(int)} to {@link #target(int)}
 * and carry a non-negative {@link #weight(int)} (the Gephi edge weight). Every further value lives in a named
 * {@link Column} of nodes or of edges, and graph-level values (seed, checkpoint, accuracy, ...) in
 * {@link #graphAttributes()}; the Gephi bridge turns columns into Data Laboratory columns as they are.
 *
 * <p>Instances are immutable once built; use {@link Builder}.
 */
public final class NeuralGraph {

    private final boolean directed;
    private final String[] nodeIds;
    private final String[] nodeLabels;
    private final int[] source;
    private final int[] target;
    private final double[] weight;
    private final Map<String, Column> nodeColumns;
    private final Map<String, Column> edgeColumns;
    private final Map<String, Object> graphAttributes;

    private NeuralGraph(Builder b) {
        this.directed = b.directed;
        this.nodeIds = Arrays.copyOf(b.nodeIds, b.nodeCount);
        this.nodeLabels = Arrays.copyOf(b.nodeLabels, b.nodeCount);
        this.source = Arrays.copyOf(b.source, b.edgeCount);
        this.target = Arrays.copyOf(b.target, b.edgeCount);
        this.weight = Arrays.copyOf(b.weight, b.edgeCount);
        this.nodeColumns = Collections.unmodifiableMap(new LinkedHashMap<>(b.nodeColumns));
        this.edgeColumns = Collections.unmodifiableMap(new LinkedHashMap<>(b.edgeColumns));
        this.graphAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.graphAttributes));
    }

    public boolean isDirected() { return directed; }
    public int nodeCount() { return nodeIds.length; }
    public int edgeCount() { return source.length; }
    public String nodeId(int node) { return nodeIds[node]; }
    public String nodeLabel(int node) { return nodeLabels[node]; }
    public int source(int edge) { return source[edge]; }
    public int target(int edge) { return target[edge]; }
    public double weight(int edge) { return weight[edge]; }

    /** Edge sources; the returned array must not be modified. */
    public int[] sources() { return source; }
    /** Edge targets; the returned array must not be modified. */
    public int[] targets() { return target; }
    /** Edge weights; the returned array must not be modified. */
    public double[] weights() { return weight; }

    /** Node columns in insertion order; each holds {@link #nodeCount()} values. */
    public Map<String, Column> nodeColumns() { return nodeColumns; }
    /** Edge columns in insertion order; each holds {@link #edgeCount()} values. */
    public Map<String, Column> edgeColumns() { return edgeColumns; }
    /** Graph-level attributes (String, Integer, Long, Double or Boolean values) in insertion order. */
    public Map<String, Object> graphAttributes() { return graphAttributes; }

    /** Finds the node with this id, or -1. Linear: meant for tests and small look-ups. */
    public int indexOf(String nodeId) {
        for (int i = 0; i < nodeIds.length; i++) {
            if (nodeIds[i].equals(nodeId)) return i;
        }
        return -1;
    }

    /** A copy of this graph with more graph attributes (same arrays otherwise). */
    public NeuralGraph withGraphAttributes(Map<String, ?> more) {
        Builder b = toBuilder();
        more.forEach(b::graphAttribute);
        return b.build();
    }

    /** A copy of this graph with more node columns (same arrays otherwise). */
    public NeuralGraph withNodeColumns(Map<String, Column> more) {
        Builder b = toBuilder();
        more.forEach(b::nodeColumn);
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(directed);
        b.nodeIds = nodeIds; b.nodeLabels = nodeLabels; b.nodeCount = nodeIds.length;
        b.source = source; b.target = target; b.weight = weight; b.edgeCount = source.length;
        b.nodeColumns.putAll(nodeColumns);
        b.edgeColumns.putAll(edgeColumns);
        b.graphAttributes.putAll(graphAttributes);
        return b;
    }

    /**
     * A typed column of values: {@code int[]}, {@code double[]} or {@code String[]}, one value per node or edge.
     */
    public static final class Column {
        private final String title;
        private final Object values;

        private Column(String title, Object values) {
            this.title = title;
            this.values = values;
        }

        public static Column ofInts(String title, int[] values) { return new Column(title, values.clone()); }
        public static Column ofDoubles(String title, double[] values) { return new Column(title, values.clone()); }
        public static Column ofStrings(String title, String[] values) { return new Column(title, values.clone()); }

        /** Human-readable title shown in the Data Laboratory. */
        public String title() { return title; }
        /** {@code Integer.class}, {@code Double.class} or {@code String.class}. */
        public Class<?> type() {
            if (values instanceof int[]) return Integer.class;
            if (values instanceof double[]) return Double.class;
            return String.class;
        }
        public int size() {
            if (values instanceof int[]) return ((int[]) values).length;
            if (values instanceof double[]) return ((double[]) values).length;
            return ((String[]) values).length;
        }
        /** The value at {@code i}, boxed. */
        public Object get(int i) {
            if (values instanceof int[]) return ((int[]) values)[i];
            if (values instanceof double[]) return ((double[]) values)[i];
            return ((String[]) values)[i];
        }
        public int[] ints() { return (int[]) values; }
        public double[] doubles() { return (double[]) values; }
        public String[] strings() { return (String[]) values; }
    }

    /** Collects nodes and edges in growable arrays, then freezes them into a {@link NeuralGraph}. */
    public static final class Builder {
        private final boolean directed;
        private String[] nodeIds = new String[16];
        private String[] nodeLabels = new String[16];
        private int nodeCount;
        private int[] source = new int[16];
        private int[] target = new int[16];
        private double[] weight = new double[16];
        private int edgeCount;
        private final Map<String, Column> nodeColumns = new LinkedHashMap<>();
        private final Map<String, Column> edgeColumns = new LinkedHashMap<>();
        private final Map<String, Object> graphAttributes = new LinkedHashMap<>();

        public Builder(boolean directed) { this.directed = directed; }

        /** Reserves room for this many nodes and edges (optional; avoids regrowth on large graphs). */
        public Builder capacity(int nodes, int edges) {
            nodeIds = Arrays.copyOf(nodeIds, Math.max(nodes, nodeCount));
            nodeLabels = Arrays.copyOf(nodeLabels, Math.max(nodes, nodeCount));
            source = Arrays.copyOf(source, Math.max(edges, edgeCount));
            target = Arrays.copyOf(target, Math.max(edges, edgeCount));
            weight = Arrays.copyOf(weight, Math.max(edges, edgeCount));
            return this;
        }

        /** Adds a node and returns its index. */
        public int addNode(String id, String label) {
            Objects.requireNonNull(id, "node id");
            if (nodeCount == nodeIds.length) {
                int n = Math.max(16, nodeCount * 2);
                nodeIds = Arrays.copyOf(nodeIds, n);
                nodeLabels = Arrays.copyOf(nodeLabels, n);
            }
            nodeIds[nodeCount] = id;
            nodeLabels[nodeCount] = label == null ? id : label;
            return nodeCount++;
        }

        /**
         * Adds an edge and returns its index.
         *
         * @throws IllegalArgumentException if an end is not a node, or the weight is negative, NaN or infinite
         */
        public int addEdge(int from, int to, double w) {
            if (from < 0 || from >= nodeCount || to < 0 || to >= nodeCount) {
                throw new IllegalArgumentException("edge " + from + "->" + to + " names a node that does not exist (" + nodeCount + " nodes)");
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("edge " + nodeIds[from] + "->" + nodeIds[to] + " has weight " + w + "; weights must be finite and >= 0");
            }
            if (edgeCount == source.length) {
                int n = Math.max(16, edgeCount * 2);
                source = Arrays.copyOf(source, n);
                target = Arrays.copyOf(target, n);
                weight = Arrays.copyOf(weight, n);
            }
            source[edgeCount] = from;
            target[edgeCount] = to;
            weight[edgeCount] = w;
            return edgeCount++;
        }

        public int nodeCount() { return nodeCount; }
        public int edgeCount() { return edgeCount; }

        /** Adds a node column; its length must equal the node count at {@link #build()}. */
        public Builder nodeColumn(String id, Column column) { nodeColumns.put(id, column); return this; }
        /** Adds an edge column; its length must equal the edge count at {@link #build()}. */
        public Builder edgeColumn(String id, Column column) { edgeColumns.put(id, column); return this; }

        /** Sets a graph attribute; values must be String, Integer, Long, Double or Boolean. */
        public Builder graphAttribute(String key, Object value) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean)) {
                throw new IllegalArgumentException("graph attribute " + key + " has unsupported type "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            graphAttributes.put(key, value);
            return this;
        }

        public NeuralGraph build() {
            nodeColumns.forEach((id, c) -> {
                if (c.size() != nodeCount) throw new IllegalStateException("node column " + id + " has " + c.size() + " values for " + nodeCount + " nodes");
            });
            edgeColumns.forEach((id, c) -> {
                if (c.size() != edgeCount) throw new IllegalStateException("edge column " + id + " has " + c.size() + " values for " + edgeCount + " edges");
            });
            return new NeuralGraph(this);
        }
    }
}
