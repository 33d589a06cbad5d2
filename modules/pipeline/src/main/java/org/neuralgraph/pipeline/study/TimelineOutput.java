package org.neuralgraph.pipeline.study;

import java.awt.Color;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GraphExporter;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.WorkspaceLayout;
import org.neuralgraph.gephi.WorkspaceSnapshot;
import org.neuralgraph.render.TimelineAnimation;
import org.neuralgraph.render.AnimationFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --dynamic} adds to a study: each checkpoint's workspace, once Gephi has analysed it, is kept as a
 * snapshot; at the end the snapshots become one {@link GraphTimeline}, one dynamic workspace in the study's Gephi
 * project ({@link org.neuralgraph.gephi.TimelineImporter}), laid out once by ForceAtlas2 on the union of all checkpoints (so positions do
 * not jump), a dynamic GEXF 1.3 ({@code timerepresentation="timestamp"}) whose timeline plays in Gephi, and the
 * animation of it ({@link AnimationFiles}: PNG frames, GIF, MP4 under {@code animation/}), one frame per checkpoint.
 *
 * <p>Timestamps are epochs when every checkpoint has a distinct epoch, increasing; otherwise checkpoint indices
 * 0, 1, ... (the graph attribute {@code timeline_unit} says which). Node colours and sizes are static in Gephi: they
 * are those of the last checkpoint's workspace (grey and small for a node that is absent there). When the study follows
 * communities over checkpoints (node column {@code community}), the animation's frames take each checkpoint's own
 * colours, and in Gephi the dynamic column {@code community} can colour the timeline as it plays.
 */
final class TimelineOutput {

    /** The checkpoints of one graph kind, in the order they were added. */
    private static final class Track {
        final List<NeuralGraph> graphs = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();
        Map<String, Color> colours = new HashMap<>();
        Map<String, Float> sizes = new HashMap<>();
        /** Each checkpoint's node colours when its workspace follows communities ({@code community}), else empty. */
        final List<Map<String, Color>> frameColours = new ArrayList<>();
    }

    private final boolean enabled;
    private final GephiProject project;
    private final Map<String, Track> tracks = new LinkedHashMap<>();

    /** @param enabled false makes every method do nothing ({@code --dynamic} not given) */
    TimelineOutput(boolean enabled, GephiProject project) {
        this.enabled = enabled;
        this.project = project;
    }

    /**
     * Keeps the analysed workspace of one checkpoint.
     *
     * @param kind  the graph kind, used in file and workspace names ("weights", "activations-L1", ...)
     * @param epoch the checkpoint's epoch (-1 when unknown)
     */
    void add(String kind, GraphModel gm, int epoch) {
        if (!enabled) return;
        Track t = tracks.computeIfAbsent(kind, k -> new Track());
        t.graphs.add(WorkspaceSnapshot.of(gm));
        t.epochs.add(epoch);
        t.colours = new HashMap<>();
        t.sizes = new HashMap<>();
        for (Node n : gm.getGraph().getNodes()) {
            t.colours.put(n.getId().toString(), n.getColor());
            t.sizes.put(n.getId().toString(), n.size());
        }
        if (gm.getNodeTable().hasColumn(org.neuralgraph.core.graph.Names.COMMUNITY)) t.frameColours.add(t.colours);
    }

    /**
     * Builds one dynamic workspace per kind in the current project and writes {@code graphs/<kind>-timeline.gexf}.
     *
     * @return the files written, relative to {@code outDir}
     */
    List<String> write(Path outDir, int layoutIterations, ProgressMonitor monitor, List<String> notes) throws IOException {
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, Track> e : tracks.entrySet()) files.addAll(write(e.getKey(), e.getValue(), outDir, layoutIterations, monitor, notes));
        return files;
    }

    private List<String> write(String kind, Track t, Path outDir, int layoutIterations, ProgressMonitor monitor,
                                      List<String> notes) throws IOException {
        GraphTimeline timeline = GraphTimeline.ofCheckpoints(t.graphs, t.epochs.stream().mapToInt(Integer::intValue).toArray());
        Workspace ws = project.importTimeline(timeline, kind + " timeline", monitor);
        GraphModel gm = project.graphModel(ws);
        ForceAtlas2Runner.run(gm, layoutIterations, monitor);
        for (Node n : gm.getGraph().getNodes()) {
            String id = n.getId().toString();
            n.setColor(t.colours.getOrDefault(id, Color.LIGHT_GRAY));
            n.setSize(t.sizes.getOrDefault(id, 4f));
        }
        List<Path> written = new ArrayList<>(GraphExporter.export(ws, outDir.resolve("graphs"), kind + "-timeline",
                EnumSet.of(GraphExporter.Format.GEXF)));
        monitor.start("animating " + kind, 1);
        written.addAll(AnimationFiles.write(frameColours(TimelineAnimation.frames(timeline, kind), timeline, t), WorkspaceLayout.of(gm, timeline),
                outDir.resolve("animation"), kind));
        List<String> files = new ArrayList<>();
        for (Path f : written) {
            String name = outDir.relativize(f).toString();
            if (!name.matches(".*/frame-\\d+\\.png")) files.add(name);
        }
        files.add("animation/" + kind + "/");
        return files;
    }

    /**
     * When every checkpoint's workspace followed its communities over checkpoints, each frame takes its own
     * checkpoint's node colours, so a community keeps its colour and a node that changes community changes colour;
     * otherwise the frames keep the layout's (last checkpoint's) colours.
     */
    private static List<org.neuralgraph.render.AnimationFrame> frameColours(List<org.neuralgraph.render.AnimationFrame> frames,
                                                                            GraphTimeline timeline, Track t) {
        if (t.frameColours.size() != frames.size()) return frames;
        List<org.neuralgraph.render.AnimationFrame> out = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            int[] rgb = new int[timeline.nodeCount()];
            for (int v = 0; v < rgb.length; v++) {
                rgb[v] = t.frameColours.get(f).getOrDefault(timeline.nodeId(v), Color.LIGHT_GRAY).getRGB() & 0xFFFFFF;
            }
            out.add(frames.get(f).withNodeColours(rgb));
        }
        return out;
    }

    /** The report's lines for these files (nothing when there are none). */
    static String markdown(List<String> files) {
        StringBuilder b = new StringBuilder();
        for (String f : files) {
            b.append("- `").append(f).append("`: ").append(f.endsWith(".gexf")
                    ? "the training as one dynamic graph; open it in Gephi and play the timeline (also a workspace in `neuralgraph.gephi`)"
                    : f.endsWith("/") ? "its animation as PNG frames, one per checkpoint" : "its animation, one frame per checkpoint").append('\n');
        }
        return b.toString();
    }
}
