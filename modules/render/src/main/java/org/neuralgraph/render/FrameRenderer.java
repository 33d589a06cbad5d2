package org.neuralgraph.render;

import org.neuralgraph.core.graph.NodeLayout;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Draws {@link AnimationFrame}s of one {@link NodeLayout} with Java2D (works headless): white background, edges
 * as straight lines in their source node's colour, nodes as filled circles, the title and caption at the top left.
 *
 * <p>Everything that must not change between frames is fixed when the renderer is made: the view (all nodes of
 * the layout, circles included, fitted below a band kept for the text, y turned to grow downwards) and the
 * weight drawn at full strength, {@code maxWeight}, which should be the largest weight of the whole animation
 * ({@link AnimationFrame#maxWeight(List)}) so that frames compare. An edge of weight {@code w} gets opacity
 * {@code 0.05 + 0.8 r} and width {@code 0.5 + 2 r} pixels, {@code r = min(1, w / maxWeight)}; heavier edges are
 * drawn over lighter ones. Absent nodes are not drawn, nor are edges that touch one.
 */
public final class FrameRenderer {

    /** Text lines the band at the top has room for: a title and two caption lines. */
    private static final int BAND_LINES = 3;

    private final NodeLayout nodes;
    private final int width;
    private final int height;
    private final double maxWeight;
    private final int fontSize;
    private final int lineHeight;
    private final int pad;
    private final double scale;
    private final double originX;
    private final double originY;

    public FrameRenderer(NodeLayout nodes, int width, int height, double maxWeight) {
        if (width <= 0) throw new IllegalArgumentException("width must be > 0, got " + width);
        if (height <= 0) throw new IllegalArgumentException("height must be > 0, got " + height);
        if (!(maxWeight >= 0) || Double.isInfinite(maxWeight)) {
            throw new IllegalArgumentException("maxWeight must be finite and >= 0, got " + maxWeight);
        }
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.width = width;
        this.height = height;
        this.maxWeight = maxWeight;
        this.fontSize = Math.max(10, Math.round(height / 36f));
        this.lineHeight = Math.round(fontSize * 1.3f);
        this.pad = Math.max(4, Math.round(Math.min(width, height) * 0.03f));

        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nodes.nodeCount(); i++) {
            minX = Math.min(minX, nodes.x(i) - nodes.size(i));
            maxX = Math.max(maxX, nodes.x(i) + nodes.size(i));
            minY = Math.min(minY, nodes.y(i) - nodes.size(i));
            maxY = Math.max(maxY, nodes.y(i) + nodes.size(i));
        }
        if (nodes.nodeCount() == 0) { minX = maxX = minY = maxY = 0; }
        double left = pad, top = pad + BAND_LINES * lineHeight;
        double boxWidth = Math.max(1, width - pad - left), boxHeight = Math.max(1, height - pad - top);
        double spanX = maxX - minX, spanY = maxY - minY;
        double s = Math.min(spanX > 0 ? boxWidth / spanX : Double.POSITIVE_INFINITY,
                spanY > 0 ? boxHeight / spanY : Double.POSITIVE_INFINITY);
        this.scale = Double.isInfinite(s) ? 1 : s;
        // pixel x = originX + x * scale, pixel y = originY - y * scale; the drawing is centred in the box
        this.originX = left + (boxWidth - spanX * scale) / 2 - minX * scale;
        this.originY = top + (boxHeight - spanY * scale) / 2 + maxY * scale;
    }

    /** Draws one frame into a new {@code TYPE_INT_RGB} image. */
    public BufferedImage render(AnimationFrame frame) {
        if (frame.nodeCount() != nodes.nodeCount()) {
            throw new IllegalArgumentException("frame: " + frame.nodeCount() + " presence flags for a layout of "
                    + nodes.nodeCount() + " nodes");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = WhiteCanvas.graphics(image);
        try {
            drawEdges(g, frame);
            drawNodes(g, frame);
            drawText(g, frame);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The frames as images, each drawn when it is asked for and not kept: hand this to the writers, which read
     * every frame once and in order, and memory holds one image at a time however long the animation.
     */
    public List<BufferedImage> images(List<AnimationFrame> frames) {
        List<AnimationFrame> copy = List.copyOf(frames);
        return new AbstractList<>() {
            @Override public BufferedImage get(int index) { return render(copy.get(index)); }
            @Override public int size() { return copy.size(); }
        };
    }

    private void drawEdges(Graphics2D g, AnimationFrame frame) {
        List<Integer> order = new ArrayList<>(frame.edgeCount());
        for (int e = 0; e < frame.edgeCount(); e++) {
            if (frame.present(frame.source(e)) && frame.present(frame.target(e))) order.add(e);
        }
        order.sort(Comparator.comparingDouble(frame::weight));
        Line2D.Double line = new Line2D.Double();
        for (int e : order) {
            double r = maxWeight > 0 ? Math.min(1, frame.weight(e) / maxWeight) : 1;
            int s = frame.source(e), t = frame.target(e);
            int alpha = (int) Math.round(255 * (0.05 + 0.8 * r));
            g.setColor(new Color((alpha << 24) | (frame.rgb(s, nodes.rgb(s)) & 0xFFFFFF), true));
            g.setStroke(new BasicStroke((float) (0.5 + 2 * r)));
            line.setLine(px(s), py(s), px(t), py(t));
            g.draw(line);
        }
    }

    private void drawNodes(Graphics2D g, AnimationFrame frame) {
        Ellipse2D.Double circle = new Ellipse2D.Double();
        for (int i = 0; i < nodes.nodeCount(); i++) {
            if (!frame.present(i)) continue;
            double r = Math.max(1, nodes.size(i) * scale);
            circle.setFrame(px(i) - r, py(i) - r, 2 * r, 2 * r);
            g.setColor(new Color(frame.rgb(i, nodes.rgb(i)) & 0xFFFFFF));
            g.fill(circle);
        }
    }

    private void drawText(Graphics2D g, AnimationFrame frame) {
        List<String> lines = new ArrayList<>();
        if (!frame.title().isEmpty()) lines.add(frame.title());
        lines.addAll(frame.caption());
        if (lines.isEmpty()) return;
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
        Font bold = plain.deriveFont(Font.BOLD);
        double textWidth = 0;
        for (int k = 0; k < lines.size(); k++) {
            Rectangle2D bounds = (k == 0 && !frame.title().isEmpty() ? bold : plain)
                    .getStringBounds(lines.get(k), g.getFontRenderContext());
            textWidth = Math.max(textWidth, bounds.getWidth());
        }
        // over the graph only if there are more lines than the band holds: keep them readable there too
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Rectangle2D.Double(pad / 2.0, pad / 2.0, textWidth + pad, lines.size() * lineHeight + pad / 2.0));
        g.setColor(Color.BLACK);
        for (int k = 0; k < lines.size(); k++) {
            g.setFont(k == 0 && !frame.title().isEmpty() ? bold : plain);
            g.drawString(lines.get(k), pad, pad + k * lineHeight + fontSize);
        }
    }

    private double px(int node) { return originX + nodes.x(node) * scale; }
    private double py(int node) { return originY - nodes.y(node) * scale; }
}
