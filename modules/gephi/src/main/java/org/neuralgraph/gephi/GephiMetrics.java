package org.neuralgraph.gephi;

import org.gephi.graph.api.GraphModel;
import org.gephi.statistics.plugin.ClusteringCoefficient;
import org.gephi.statistics.plugin.ConnectedComponents;
import org.gephi.statistics.plugin.Degree;
import org.gephi.statistics.plugin.GraphDistance;
import org.gephi.statistics.plugin.WeightedDegree;
import org.gephi.utils.longtask.spi.LongTask;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.GraphDistances;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Gephi's own statistics on a workspace, the ones Darnell and Leonard report (Section 4): Degree, WeightedDegree,
 * ClusteringCoefficient, GraphDistance (diameter, average path length) and ConnectedComponents. They write
 * their usual Data Laboratory columns (degree, weighted degree, clustering, eccentricity, closeness,
 * betweenness, component number) and the figures are also stored as graph attributes.
 *
 * <p>Distances of directed graphs follow edge direction, as Gephi does by default: on the 784-50-50-50-10 MLP this
 * gives the paper's diameter 4 and average path length 2.08 (279,560 / 134,440 over the ordered pairs joined by a
 * directed path; Gephi averages over reachable pairs only). The clustering coefficient is Gephi's undirected one
 * (triangles of the undirected view): a layered network has no triangles in either view, so the paper's 0 holds
 * both ways, and Gephi's directed variant took 10 s against 0.06 s on that graph.
 *
 * <p>Above {@link #BREADTH_FIRST_ABOVE_EDGES} edges the distances (diameter, average path length and GraphDistance's four
 * node columns) come from {@link BreadthFirstDistances} instead of Gephi's GraphDistance, with the same values.
 */
public final class GephiMetrics {

    /**
     * Above this many edges the distances come from {@link BreadthFirstDistances} (core's parallel searches, or the closed
     * form of complete layers): the same figures and node columns as Gephi's GraphDistance, which took 17-35 s on the
     * 668,672 edges of 784-512-512-10 (docs/benchmarks.md). Smaller graphs keep Gephi's own.
     */
    public static final int BREADTH_FIRST_ABOVE_EDGES = 100_000;

    private GephiMetrics() { }

    public static GraphMetrics compute(GraphModel gm, ProgressMonitor monitor) {
        boolean directed = gm.isDirected();
        GraphMetrics m = new GraphMetrics();
        m.nodes = gm.getGraph().getNodeCount();
        m.edges = gm.getGraph().getEdgeCount();
        monitor.start("Gephi statistics", 5);

        Degree degree = new Degree();
        run(degree, () -> degree.execute(gm), monitor, 1, "degree");
        m.averageDegree = degree.getAverageDegree();

        WeightedDegree wd = new WeightedDegree();
        run(wd, () -> wd.execute(gm), monitor, 2, "weighted degree");
        m.averageWeightedDegree = wd.getAverageDegree();

        ClusteringCoefficient cc = new ClusteringCoefficient();
        cc.setDirected(false);
        run(cc, () -> cc.execute(gm), monitor, 3, "clustering");
        m.averageClustering = cc.getAverageClusteringCoefficient();

        ConnectedComponents comp = new ConnectedComponents();
        comp.setDirected(false);
        run(comp, () -> comp.execute(gm), monitor, 4, "components");
        m.components = comp.getConnectedComponentsCount();
        int largest = 0;
        for (int s : comp.getComponentsSize()) largest = Math.max(largest, s);
        m.largestComponent = largest;

        if (m.edges > BREADTH_FIRST_ABOVE_EDGES) {
            monitor.checkCancelled();
            GraphDistances d = BreadthFirstDistances.compute(gm, directed, new Unstarted(monitor));
            m.diameter = d.diameter;
            m.averagePathLength = d.averagePathLength;
            monitor.progress(5, "distances");
        } else {
            GraphDistance gd = new GraphDistance();
            gd.setDirected(directed);
            gd.setNormalized(false);
            run(gd, () -> gd.execute(gm), monitor, 5, "distances");
            m.diameter = gd.getDiameter();
            m.averagePathLength = gd.getPathLength();
        }

        gm.getGraph().writeLock();
        try {
            for (Map.Entry<String, Object> e : m.asMap().entrySet()) gm.getGraph().setAttribute(e.getKey(), e.getValue());
        } finally {
            gm.getGraph().writeUnlock();
        }
        return m;
    }

    /** Passes cancellation through but keeps the caller's phase and step count (the searches' own progress is dropped). */
    private static final class Unstarted implements ProgressMonitor {
        private final ProgressMonitor outer;
        Unstarted(ProgressMonitor outer) { this.outer = outer; }
        @Override public void start(String phase, long totalUnits) { }
        @Override public void progress(long doneUnits, String message) { }
        @Override public boolean isCancelled() { return outer.isCancelled(); }
    }

    /**
     * Runs one Gephi statistic; a watcher polls the monitor and calls the statistic's {@link LongTask#cancel()}
     * when the user cancels, so a long GraphDistance stops too.
     */
    static void run(LongTask task, Runnable body, ProgressMonitor monitor, int step, String name) {
        monitor.checkCancelled();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "neuralgraph-cancel-watcher");
            t.setDaemon(true);
            return t;
        });
        ScheduledFuture<?> f = watcher.scheduleAtFixedRate(() -> {
            if (monitor.isCancelled()) task.cancel();
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            body.run();
        } finally {
            f.cancel(false);
            watcher.shutdownNow();
        }
        if (monitor.isCancelled()) throw new CancelledException();
        monitor.progress(step, name);
    }
}
