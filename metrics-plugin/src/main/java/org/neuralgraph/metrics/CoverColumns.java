package org.neuralgraph.metrics;

import org.gephi.graph.api.AttributeUtils;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.gephi.Columns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The node columns of a workspace that can hold a cover for overlapping modularity (Mostafa and Mondal, Section 3.2),
 * in the order the settings offer them: the activation pattern graph's {@code classes}, Gephi's
 * {@code modularity_class}, other covers (strings listing communities as {@code 3|7}), then integer columns (each a
 * partition, but in our graphs mostly indices such as {@code neuron} or {@code layer}). Offering what the workspace
 * has keeps the statistic from failing on first use with a column the graph does not have.
 */
final class CoverColumns {

    /** Columns the statistic writes itself: {@code belonging} lists "community:alpha", not a cover. */
    private static final List<String> OURS = Arrays.asList("belonging", "belonging_max", "klb_side");

    private CoverColumns() { }

    /** The names of the cover-like node columns, best first: ids, or titles where the id is a number (networkx). */
    static List<String> candidates(GraphModel gm) {
        List<String> best = new ArrayList<>(), covers = new ArrayList<>(), partitions = new ArrayList<>();
        Table nodes = gm.getNodeTable();
        if (nodes.hasColumn(Names.CLASSES)) best.add(Names.CLASSES);
        if (nodes.hasColumn(Names.MODULARITY_CLASS)) best.add(Names.MODULARITY_CLASS);
        for (Column col : nodes) {
            if (col.isProperty() || best.contains(col.getId()) || OURS.contains(col.getId())) continue;
            Class<?> type = col.isDynamic() ? AttributeUtils.getStaticType(col.getTypeClass()) : col.getTypeClass();
            if (type == String.class && listsCommunities(gm, col)) covers.add(name(nodes, col));
            else if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) partitions.add(name(nodes, col));
        }
        best.addAll(covers);
        best.addAll(partitions);
        return best;
    }

    /**
     * The cover column the settings show first: {@code classes} when the workspace has it and {@code current} is the
     * statistic's default {@code modularity_class} (an activation pattern graph's own cover is the one Section 3.2
     * measures; its {@code modularity_class} is the Louvain partition its first view is coloured by); else
     * {@code current} when it is empty (a cover detected by COPRA) or names a column of the workspace; else the best
     * candidate that is a cover (not a plain integer column, which here is mostly an index); else {@code fallback}.
     */
    static String choose(GraphModel gm, String current, String fallback) {
        if (Names.MODULARITY_CLASS.equals(current) && gm.getNodeTable().hasColumn(Names.CLASSES)) return Names.CLASSES;
        if (current == null || current.trim().isEmpty() || exists(gm.getNodeTable(), current.trim())) return current == null ? "" : current;
        for (String name : candidates(gm)) {
            Column col = Columns.find(gm.getNodeTable(), name, "cover column");
            boolean integer = !String.class.equals(col.isDynamic() ? AttributeUtils.getStaticType(col.getTypeClass()) : col.getTypeClass());
            if (!integer || col.getId().equals(Names.MODULARITY_CLASS)) return name;
        }
        return fallback;
    }

    private static boolean exists(Table nodes, String name) {
        try {
            Columns.find(nodes, name, "cover column");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The id, unless it is a number (networkx keys attributes 0, 1, ...) and the title finds the column. */
    private static String name(Table nodes, Column col) {
        if (!col.getId().matches("\\d+") || nodes.hasColumn(col.getTitle())) return col.getId();
        return Columns.find(nodes, col.getTitle(), "cover column") == col ? col.getTitle() : col.getId();
    }

    /** Whether some node's value lists communities separated by {@code |} (a dynamic value: at some time). */
    private static boolean listsCommunities(GraphModel gm, Column col) {
        for (Node n : gm.getGraph().getNodes().toArray()) {
            Object v = n.getAttribute(col);
            if (v != null && v.toString().contains("|")) return true;
        }
        return false;
    }
}
