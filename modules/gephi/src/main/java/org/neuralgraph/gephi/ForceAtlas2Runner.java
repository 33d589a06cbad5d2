package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphModel;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2Builder;
import org.neuralgraph.core.progress.ProgressMonitor;

/**
 * Gephi's ForceAtlas2 from the layered starting positions. Settings: Gephi's defaults for the graph size
 * (scaling 2, gravity 1, Barnes-Hut above 1,000 nodes), edge weight influence 1, prevent overlap off, and one
 * thread: ForceAtlas2 has no random step, so with one thread the same graph and starting positions give the
 * same layout.
 */
public final class ForceAtlas2Runner {

    private ForceAtlas2Runner() { }

    /** Runs {@code iterations} steps (0 keeps the layered positions). */
    public static void run(GraphModel gm, int iterations, ProgressMonitor monitor) {
        if (iterations < 0) throw new IllegalArgumentException("layout iterations must be >= 0, got " + iterations);
        if (iterations == 0) return;
        ForceAtlas2 fa2 = new ForceAtlas2Builder().buildLayout();
        fa2.setGraphModel(gm);
        fa2.resetPropertiesValues();
        fa2.setThreadsCount(1);
        fa2.setEdgeWeightInfluence(1.0);
        fa2.setAdjustSizes(false);
        monitor.start("ForceAtlas2", iterations);
        fa2.initAlgo();
        try {
            for (int i = 0; i < iterations && fa2.canAlgo(); i++) {
                monitor.checkCancelled();
                fa2.goAlgo();
                if (i % 10 == 9) monitor.progress(i + 1, null);
            }
        } finally {
            fa2.endAlgo();
        }
        monitor.progress(iterations, null);
    }
}
