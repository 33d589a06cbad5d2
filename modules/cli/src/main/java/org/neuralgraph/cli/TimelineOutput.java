package org.neuralgraph.cli;

import java.awt.Color;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.TimelineImporter;
import org.neuralgraph.gephi.WorkspaceSnapshot;
import org.openide.util.Lookup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --dynamic} adds to a study: each checkpoint's workspace, once Gephi has analysed it, is kept as a
 * snapshot; at the end the snapshots become one {@link GraphTimeline}, one dynamic workspace in the study's Gephi
 * project ({@link TimelineImporter}), laid out once by ForceAtlas2 on the union of all checkpoints (so positions do
 * not jump), and a dynamic GEXF 1.3 ({@code timerepresentation="timestamp"}) whose timeline plays in Gephi.
 *
 * <p>Timestamps are epochs when every checkpoint has a distinct epoch, increasing; otherwise checkpoint indices
 * 0, 1, ... (the graph attribute {@code timeline_unit} says which). Node colours and sizes are static in Gephi: they
 * are those of the last checkpoint's workspace (grey and small for a node that is absent there).
 */
final class TimelineOutput {

    private final String kind;
    private final List<NeuralGraph> graphs = new ArrayList<>();
    private final List<Integer> epochs = new ArrayList<>();
    private Map<String, Color> colours = new HashMap<>();
    private Map<String, Float> sizes = new HashMap<>();

    /** @param kind the graph kind, used in file and workspace names ("weights", "activations", ...) */
    TimelineOutput(String kind) {
        this.kind = kind;
    }

    /** Keeps the analysed workspace of the checkpoint at {@code epoch} (-1 when unknown). */
    void add(GraphModel gm, int epoch) {
        graphs.add(WorkspaceSnapshot.of(gm));
        epochs.add(epoch);
        colours = new HashMap<>();
        sizes = new HashMap<>();
        for (Node n : gm.getGraph().getNodes()) {
            colours.put(n.getId().toString(), n.getColor());
            sizes.put(n.getId().toString(), n.size());
        }
    }

    /**
     * Builds the dynamic workspace in the current project and writes {@code graphs/<kind>-timeline.gexf}.
     *
     * @return the files written, relative to {@code outDir}
     */
    List<String> write(Path outDir, int layoutIterations, ProgressMonitor monitor, List<String> notes) throws IOException {
        if (graphs.isEmpty()) throw new IllegalStateException("no checkpoints were added to the timeline");
        boolean byEpoch = true;
        for (int i = 0; i < epochs.size(); i++) {
            if (epochs.get(i) < 0 || (i > 0 && epochs.get(i) <= epochs.get(i - 1))) byEpoch = false;
        }
        double[] times = new double[graphs.size()];
        for (int i = 0; i < times.length; i++) times[i] = byEpoch ? epochs.get(i) : i;
        GraphTimeline timeline = GraphTimeline.of(graphs, times, byEpoch ? "epoch" : "checkpoint");
        Workspace ws = TimelineImporter.importTimeline(timeline, kind + " timeline", monitor);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        ForceAtlas2Runner.run(gm, layoutIterations, monitor);
        for (Node n : gm.getGraph().getNodes()) {
            String id = n.getId().toString();
            n.setColor(colours.getOrDefault(id, Color.LIGHT_GRAY));
            n.setSize(sizes.getOrDefault(id, 4f));
        }
        List<String> files = new ArrayList<>();
        for (Path f : GraphExporter.export(ws, outDir.resolve("graphs"), kind + "-timeline", EnumSet.of(GraphExporter.Format.GEXF), notes)) {
            files.add(outDir.relativize(f).toString());
        }
        return files;
    }
}
