package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Estimator;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.types.TimeMap;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.PieSlices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each node's communities in a cover column as {@link PieSlices}, for drawings ({@link WorkspaceDrawing}) and Gephi's
 * Preview ({@code PieNodeRenderer}). An activation pattern graph's neuron belongs to every class it represents
 * (Mostafa and Mondal, Section 5.1; the overlapping cover of Eq. 3-4), which one colour per node cannot show.
 *
 * <p>A value is a list of community labels separated by {@code |} ({@code 3|7}, the {@code classes} column), a
 * single integer (a partition such as {@code modularity_class}: one full slice), or labels with belonging coefficients
 * ({@code 3:0.75|7:0.25}, the {@code belonging} column {@link CommunityQuality} writes). A cover without coefficients
 * takes them from the {@code belonging} column when that column lists exactly the node's communities (it was computed
 * for this cover), else gives equal shares. A label that is a whole number {@code >= 0} is its own community id, so
 * class 3 has the same colour ({@link #rgb}) in every figure and in GraphStyle's colouring of an integer column;
 * other labels are numbered in order of first appearance. A dynamic column gives its first value.
 */
public final class NodePies {

    private final Map<Node, PieSlices> pies = new HashMap<>();
    private final TreeMap<Integer, String> labels = new TreeMap<>();
    private final Map<Integer, Integer> members = new HashMap<>();

    private NodePies() { }

    /**
     * @param coverColumn the column's id or title
     * @throws IllegalArgumentException when there is no such column, or a node's coefficients are not shares
     *                                  ({@link PieSlices#of}); the message names the node
     */
    public static NodePies read(GraphModel gm, String coverColumn) {
        Column cover = Columns.find(gm.getNodeTable(), coverColumn, "cover column");
        Column belonging = cover.getId().equals(Names.BELONGING) ? null : gm.getNodeTable().getColumn(Names.BELONGING);
        NodePies out = new NodePies();
        Map<String, Integer> ids = new HashMap<>();
        int nextId = 0;
        List<Map<String, Double>> parsed = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (Node n : gm.getGraph().getNodes()) {
            Map<String, Double> m = parse(n.getAttribute(cover));
            if (belonging != null) {
                Map<String, Double> b = parse(n.getAttribute(belonging));
                if (b.keySet().equals(m.keySet()) && !b.containsValue(null)) m = b;
            }
            nodes.add(n);
            parsed.add(m);
            for (String label : m.keySet()) {
                Integer whole = wholeNumber(label);
                if (whole != null) ids.put(label, whole);
                nextId = Math.max(nextId, whole == null ? 0 : whole + 1);
            }
        }
        for (Map<String, Double> m : parsed) for (String label : m.keySet()) if (!ids.containsKey(label)) ids.put(label, nextId++);
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, Double> m = parsed.get(i);
            if (m.isEmpty()) continue;
            int[] cs = new int[m.size()];
            double[] alpha = m.containsValue(null) ? null : new double[m.size()];
            int k = 0;
            for (Map.Entry<String, Double> e : m.entrySet()) {
                cs[k] = ids.get(e.getKey());
                if (alpha != null) alpha[k] = e.getValue();
                out.labels.put(cs[k], e.getKey());
                out.members.merge(cs[k], 1, Integer::sum);
                k++;
            }
            try {
                out.pies.put(nodes.get(i), PieSlices.of(cs, alpha));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("node " + nodes.get(i).getId() + ", column " + cover.getId() + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** Labels in order, each with its coefficient or null: "3|7", "3:0.75|7:0.25", 4, or a dynamic value's first. */
    static Map<String, Double> parse(Object value) {
        if (value instanceof TimeMap) value = ((TimeMap<?, ?>) value).get(Interval.INFINITY_INTERVAL, Estimator.FIRST);
        Map<String, Double> out = new LinkedHashMap<>();
        if (value == null) return out;
        for (String part : value.toString().split("\\|")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int colon = p.lastIndexOf(':');
            Double alpha = null;
            if (colon > 0) {
                try {
                    alpha = Double.parseDouble(p.substring(colon + 1).trim());
                    p = p.substring(0, colon).trim();
                } catch (NumberFormatException notACoefficient) {
                    alpha = null; // a label with a colon in it
                }
            }
            out.putIfAbsent(p, alpha);
        }
        return out;
    }

    private static Integer wholeNumber(String label) {
        try {
            int v = Integer.parseInt(label);
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The node's slices, or null when it is in no community. */
    public PieSlices of(Node n) { return pies.get(n); }

    /** Each community id's label, by id. */
    public Map<Integer, String> labels() { return Collections.unmodifiableMap(labels); }

    /** How many nodes are in community {@code id}. */
    public int members(int id) { return members.getOrDefault(id, 0); }

    /** Community {@code id}'s colour: GraphStyle's palette, as an integer column's value {@code id} is coloured. */
    public static int rgb(int id) {
        return GraphStyle.categoryRgb(id);
    }

    /** {@link #rgb} of every community. */
    public Map<Integer, Integer> colours() {
        Map<Integer, Integer> out = new HashMap<>();
        for (int id : labels.keySet()) out.put(id, rgb(id));
        return out;
    }
}
