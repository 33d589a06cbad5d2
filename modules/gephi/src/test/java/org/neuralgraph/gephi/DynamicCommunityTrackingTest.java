package org.neuralgraph.gephi;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Configuration;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.TimeRepresentation;
import org.gephi.graph.api.types.TimestampDoubleMap;
import org.gephi.graph.api.types.TimestampIntegerMap;
import org.gephi.project.api.ProjectController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralgraph.core.community.CommunityTracking;
import org.neuralgraph.core.graph.Names;
import org.openide.util.Lookup;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistic on a hand-made timeline: a partition relabelled at time 1, two communities merged at time 2. */
class DynamicCommunityTrackingTest {

    /** Louvain-like labels of nodes n0..n7 at times 0, 1, 2. */
    static final int[][] PARTITION = {
            {0, 0, 0, 0, 1, 1, 1, 1},
            {1, 1, 1, 1, 0, 0, 0, 0},
            {7, 7, 7, 7, 7, 7, 7, 7}};

    @BeforeEach
    void project() {
        Lookup.getDefault().lookup(ProjectController.class).closeCurrentProject();
        Lookup.getDefault().lookup(ProjectController.class).newProject();
    }

    private static GraphModel timeline() {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel();
        Configuration c = new Configuration();
        c.setTimeRepresentation(TimeRepresentation.TIMESTAMP);
        c.setEdgeWeightType(TimestampDoubleMap.class);
        gm.setConfiguration(c);
        gm.getNodeTable().addColumn(Names.MODULARITY_CLASS, TimestampIntegerMap.class);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Node n = gm.factory().newNode("n" + i);
            gm.getGraph().addNode(n);
            for (int t = 0; t < PARTITION.length; t++) {
                n.addTimestamp(t);
                n.setAttribute(Names.MODULARITY_CLASS, PARTITION[t][i], t);
            }
            nodes.add(n);
        }
        for (int i = 0; i < 8; i++) { // a ring, at every time
            Edge e = gm.factory().newEdge(nodes.get(i), nodes.get((i + 1) % 8), false);
            gm.getGraph().addEdge(e);
            for (int t = 0; t < PARTITION.length; t++) {
                e.addTimestamp(t);
                e.setWeight(1.0, t);
            }
        }
        return gm;
    }

    @Test
    void followsARelabelledPartitionAndAMergeIntoADynamicColumn() {
        GraphModel gm = timeline();
        DynamicCommunityTracking s = new DynamicCommunityTracking();
        DynamicStatisticsTest.runAsGephiDesktop(s, gm, 0.5, 1);

        Column col = gm.getNodeTable().getColumn(Names.COMMUNITY);
        assertTrue(col.isDynamic());
        assertEquals(Names.COMMUNITY_TITLE, col.getTitle());
        Node n0 = gm.getGraph().getNode("n0");
        Node n5 = gm.getGraph().getNode("n5");
        for (int t = 0; t < 3; t++) assertEquals(0, n0.getAttribute(col, t), "n0 at " + t);
        assertEquals(1, n5.getAttribute(col, 0));
        assertEquals(1, n5.getAttribute(col, 1.0), "relabelled at time 1, same community");
        assertEquals(0, n5.getAttribute(col, 2.0), "merged into 0 at time 2");

        CommunityTracking.Result r = s.getResult();
        assertEquals(3, r.checkpoints());
        assertEquals(CommunityTracking.Kind.MERGE, r.eventsAt(2).get(0).kind());
        assertEquals(2, s.getSeries().value(0, 1), 0, "two communities at time 1");
        assertEquals(1, s.getSeries().value(4, 2), 0, "one merge at time 2");
        String report = s.getReport();
        assertTrue(report.contains("<h2>Events</h2>") && report.contains("<td>merge</td>") && report.contains("0 (4), 1 (4)"), report);
        assertTrue(report.contains("Greene"), report);

        // a second run replaces the column; a missing partition column is refused in the report
        DynamicStatisticsTest.runAsGephiDesktop(s, gm, 0.5, 1);
        assertEquals(0, gm.getGraph().getNode("n5").getAttribute(gm.getNodeTable().getColumn(Names.COMMUNITY), 2.0));
        s.setPartitionColumn("nope");
        DynamicStatisticsTest.runAsGephiDesktop(s, gm, 0.5, 1);
        assertTrue(s.getReport().contains("no such node column"), s.getReport());
        assertNull(s.getResult());
    }
}
