package org.neuralgraph.gephi;

import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.neuralgraph.core.graph.NodeLayout;
import org.neuralgraph.core.timeline.GraphTimeline;

/**
 * The positions, colours and sizes of a timeline's workspace as one {@link NodeLayout} for its animation, in the
 * timeline's node order: what the user laid out and styled in Gephi is what the frames show.
 */
public final class WorkspaceLayout {

    private WorkspaceLayout() { }

    /** @throws IllegalArgumentException when the workspace lacks a node of the timeline */
    public static NodeLayout of(GraphModel gm, GraphTimeline t) {
        Graph g = gm.getGraph();
        int n = t.nodeCount();
        float[] x = new float[n], y = new float[n], size = new float[n];
        int[] rgb = new int[n];
        g.readLock();
        try {
            for (int v = 0; v < n; v++) {
                Node node = g.getNode(t.nodeId(v));
                if (node == null) throw new IllegalArgumentException("the workspace has no node '" + t.nodeId(v) + "' of the timeline");
                x[v] = node.x();
                y[v] = node.y();
                size[v] = node.size();
                rgb[v] = node.getColor().getRGB() & 0xffffff;
            }
        } finally {
            g.readUnlock();
        }
        return new NodeLayout(x, y, rgb, size);
    }
}
