package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Table;

/**
 * Finds a column by the name a user sees. Gephi shows a column's title in the Data Laboratory; its id is what GEXF and
 * GraphML files key it by, and the two differ in files written by other tools (networkx writes ids 0, 1, ... with the
 * names as titles). So an option that names a column takes either: the id, else the title, else either ignoring case.
 */
public final class Columns {

    private Columns() { }

    /**
     * @param what how the error names the column's role, e.g. "cover column"
     * @throws IllegalArgumentException naming {@code name} and listing the table's columns as "id (title)"
     */
    public static Column find(Table table, String name, String what) {
        Column c = table.getColumn(name);
        if (c != null) return c;
        Column byTitle = null, ignoringCase = null;
        for (Column col : table) {
            if (col.getTitle().equals(name) && byTitle == null) byTitle = col;
            if ((col.getId().equalsIgnoreCase(name) || col.getTitle().equalsIgnoreCase(name)) && ignoringCase == null) ignoringCase = col;
        }
        if (byTitle != null) return byTitle;
        if (ignoringCase != null) return ignoringCase;
        StringBuilder there = new StringBuilder();
        for (Column col : table) {
            if (col.isProperty() && !col.getId().equals("label")) continue;
            there.append(there.length() == 0 ? "" : ", ").append(col.getId());
            if (!col.getTitle().equals(col.getId())) there.append(" (").append(col.getTitle()).append(')');
        }
        throw new IllegalArgumentException(what + " '" + name + "': the workspace has no such " + (table.isNodeTable() ? "node" : "edge")
                + " column; its " + (table.isNodeTable() ? "node" : "edge") + " columns are: " + there);
    }
}
