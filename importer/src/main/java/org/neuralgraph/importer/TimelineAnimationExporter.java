package org.neuralgraph.importer;

import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.exporter.api.FileType;
import org.gephi.io.exporter.spi.ByteExporter;
import org.gephi.io.exporter.spi.GraphExporter;
import org.gephi.io.exporter.spi.GraphFileExporterBuilder;
import org.gephi.project.api.Workspace;
import org.neuralgraph.render.AnimatedGif;
import org.neuralgraph.render.AnimationFrame;
import org.neuralgraph.render.FrameRenderer;
import org.neuralgraph.render.TimelineAnimation;
import org.neuralgraph.core.progress.CancelledException;
import org.neuralgraph.core.timeline.GraphTimeline;
import org.neuralgraph.render.AnimationFiles;
import org.neuralgraph.render.Mp4Video;
import org.neuralgraph.gephi.TicketTask;
import org.neuralgraph.gephi.WorkspaceLayout;
import org.neuralgraph.gephi.WorkspaceTimeline;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File &gt; Export &gt; Graph file: "Timeline animation" as an animated GIF or an MP4 (issue 10). Reads the workspace's
 * timeline ({@link WorkspaceTimeline}: one frame per timestamp, e.g. a training made with "all checkpoints as one
 * dynamic graph" or a dynamic GEXF), draws every frame with the nodes where the user laid them out and coloured them,
 * edges at that timestamp's weight, and the time and accuracy written on it ({@link TimelineAnimation}), at
 * {@link AnimationFiles}' size and pace. Offered for a dynamic workspace only ({@link #forTimeline}); one with
 * intervals gets a clear error.
 */
public final class TimelineAnimationExporter extends TicketTask implements GraphExporter, ByteExporter {

    /** The two files an animation can go to. */
    enum Format { GIF, MP4 }

    private final Format format;
    private Workspace workspace;
    private OutputStream out;
    private boolean exportVisible;

    TimelineAnimationExporter(Format format) {
        this.format = format;
    }

    @Override
    public boolean execute() {
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        try {
            progress.start("timeline animation", -1);
            GraphTimeline timeline = WorkspaceTimeline.of(gm);
            List<AnimationFrame> frames = TimelineAnimation.frames(timeline, workspace.getName());
            FrameRenderer renderer = new FrameRenderer(WorkspaceLayout.of(gm, timeline), AnimationFiles.WIDTH, AnimationFiles.HEIGHT,
                    AnimationFrame.maxWeight(frames));
            List<BufferedImage> images = new ArrayList<>();
            progress.start("drawing " + frames.size() + " frames", frames.size());
            for (AnimationFrame f : frames) {
                progress.checkCancelled();
                images.add(renderer.render(f));
                progress.progress(images.size(), null);
            }
            Path tmp = Files.createTempFile("neuralgraph-animation", "." + format.name().toLowerCase(java.util.Locale.ROOT));
            try {
                Files.delete(tmp); // the writers create it atomically
                if (format == Format.GIF) AnimatedGif.write(images, AnimationFiles.DELAY_MILLIS, tmp);
                else Mp4Video.write(images, AnimationFiles.DELAY_MILLIS, tmp);
                Files.copy(tmp, out);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (CancelledException e) {
            return false;
        } catch (IOException | IllegalArgumentException e) {
            // Gephi's export task would show this as an "Unexpected Exception" with a stack trace
            String message = "Timeline animation: " + (e instanceof IOException
                    ? "could not be written (" + org.neuralgraph.core.io.WriteFailure.reason(e) + ")" : e.getMessage());
            ErrorDialog.show(message, null);
            throw ErrorDialog.shown(message, e);
        }
    }

    @Override public void setOutputStream(OutputStream stream) { this.out = stream; }
    @Override public Workspace getWorkspace() { return workspace; }
    @Override public void setWorkspace(Workspace workspace) { this.workspace = workspace; }
    /** The animation always shows the whole graph at each timestamp, filters or not. */
    @Override public boolean isExportVisible() { return exportVisible; }
    @Override public void setExportVisible(boolean exportVisible) { this.exportVisible = exportVisible; }

    /**
     * The file type of an entry of Gephi's graph export dialog, offered only while the current workspace is dynamic.
     * Gephi's dialog preselects the first file type of the first exporter in its lookup (unless the user picked another
     * before), and NetBeans' lookup lists a module's META-INF/services entries in class-loader order, in which ours came
     * before Gephi's own, with no way to come after them: an entry with a {@code position} is put before every entry
     * without one, and Gephi's have none. So a static graph's export offered, and preselected, an animation it cannot
     * make; offered only for a timeline, the animation leaves Gephi's default to static graphs.
     */
    static FileType[] forTimeline(FileType type) {
        GraphController gc = Lookup.getDefault().lookup(GraphController.class);
        GraphModel gm = gc == null ? null : gc.getGraphModel();
        return gm != null && gm.isDynamic() ? new FileType[]{type} : new FileType[0];
    }

    /** The GIF entry of Gephi's graph export dialog. */
    @ServiceProvider(service = GraphFileExporterBuilder.class)
    public static final class GifBuilder implements GraphFileExporterBuilder {
        @Override public GraphExporter buildExporter() { return new TimelineAnimationExporter(Format.GIF); }
        @Override public FileType[] getFileTypes() { return forTimeline(new FileType(".gif", "Timeline animation (animated GIF)")); }
        @Override public String getName() { return "Timeline animation (GIF)"; }
    }

    /** The MP4 entry of Gephi's graph export dialog. */
    @ServiceProvider(service = GraphFileExporterBuilder.class)
    public static final class Mp4Builder implements GraphFileExporterBuilder {
        @Override public GraphExporter buildExporter() { return new TimelineAnimationExporter(Format.MP4); }
        @Override public FileType[] getFileTypes() { return forTimeline(new FileType(".mp4", "Timeline animation (MP4 video)")); }
        @Override public String getName() { return "Timeline animation (MP4)"; }
    }
}
