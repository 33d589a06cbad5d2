package org.neuralgraph.gephi;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.preview.api.CanvasSize;
import org.gephi.preview.api.G2DTarget;
import org.gephi.preview.api.Item;
import org.gephi.preview.api.PDFTarget;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewModel;
import org.gephi.preview.api.PreviewProperties;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.preview.api.RenderTarget;
import org.gephi.preview.api.SVGTarget;
import org.gephi.preview.spi.ItemBuilder;
import org.gephi.preview.spi.Renderer;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.PieSlices;
import org.openide.util.Lookup;
import org.w3c.dom.Element;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Gephi Preview renderer that draws each node as a pie chart of its communities in a cover column ({@link NodePies}:
 * {@code classes} such as {@code 3|7}, or the belonging coefficients of overlapping modularity), in Preview's Java2D
 * (the Preview window, PNG), SVG and PDF targets. An activation pattern graph puts a neuron in every class it
 * represents (Mostafa and Mondal, Section 5.1); that overlap is what Eq. 3-4 measure, and Gephi's one colour per node
 * hides it. Slices follow {@link PieSlices}: clockwise from 12 o'clock, each community in its palette colour
 * ({@link NodePies#rgb}, as the command line's figures), thin white lines between them.
 *
 * <p>Off unless {@link #PIE_NODES} ("Pie-chart nodes", under Nodes) is on. It draws after Gephi's own node renderer
 * (position 300) and before the labels (400), inside the border that renderer drew, so a pie keeps the outline every
 * node has; a node without communities keeps its own colour. Registered with Gephi by the importer NBM
 * ({@code PieNodes}); the desktop's generator turns it on for activation pattern graphs ({@link #switchOn}).
 */
public class PieNodeRenderer implements Renderer {

    /** The boolean Preview property. */
    public static final String PIE_NODES = "neuralgraph.pieNodes";
    /** The cover column's id or title. */
    public static final String PIE_COLUMN = "neuralgraph.pieNodes.column";

    private static final Logger LOG = Logger.getLogger(PieNodeRenderer.class.getName());

    private Map<Node, PieSlices> pies = Collections.emptyMap();

    /** Turns pie-chart nodes on in {@code ws}'s Preview, from {@code column}; nothing without a Preview (a bare toolkit). */
    public static void switchOn(Workspace ws, String column) {
        PreviewController pc = Lookup.getDefault().lookup(PreviewController.class);
        if (pc == null) return;
        PreviewProperties p = pc.getModel(ws).getProperties();
        p.putValue(PIE_NODES, true);
        p.putValue(PIE_COLUMN, column);
    }

    @Override
    public String getDisplayName() {
        return "Pie-chart nodes (neuralgraph)";
    }

    @Override
    public void preProcess(PreviewModel previewModel) {
        pies = Collections.emptyMap();
        PreviewProperties p = previewModel.getProperties();
        if (!on(p)) return;
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(previewModel.getWorkspace());
        String column = p.getStringValue(PIE_COLUMN);
        try {
            NodePies read = NodePies.read(gm, column == null || column.trim().isEmpty() ? Names.CLASSES : column.trim());
            Map<Node, PieSlices> m = new java.util.HashMap<>();
            for (Node n : gm.getGraph().getNodes()) {
                PieSlices s = read.of(n);
                if (s != null) m.put(n, s);
            }
            pies = m;
        } catch (IllegalArgumentException e) { // no such column, or coefficients that are no shares: nodes stay plain
            LOG.log(Level.WARNING, "Pie-chart nodes: {0}", e.getMessage());
        }
    }

    private static boolean on(PreviewProperties p) {
        return p.hasProperty(PIE_NODES) && p.getBooleanValue(PIE_NODES);
    }

    @Override
    public void render(Item item, RenderTarget target, PreviewProperties properties) {
        PieSlices s = pies.get((Node) item.getSource());
        if (s == null) return;
        float x = item.getData("x"), y = item.getData("y"), size = item.getData("size");
        float r = size / 2f - Math.min(borderWidth(properties, size), size / 2f); // inside the node renderer's border
        if (r <= 0) return;
        try {
            if (target instanceof G2DTarget) g2d(((G2DTarget) target).getGraphics(), s, x, y, r);
            else if (target instanceof SVGTarget) svg((SVGTarget) target, (Node) item.getSource(), s, x, y, r);
            else if (target instanceof PDFTarget) pdf(((PDFTarget) target).getContentStream(), s, x, -y, r);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** The border Gephi's node renderer draws (its rule: fixed width, or 8 % of the size). */
    private static float borderWidth(PreviewProperties p, float size) {
        boolean fixed = !p.hasProperty(PreviewProperty.NODE_BORDER_FIXED) || p.getBooleanValue(PreviewProperty.NODE_BORDER_FIXED);
        if (!fixed) return size * 0.16f / 2f;
        return p.hasProperty(PreviewProperty.NODE_BORDER_WIDTH) ? p.getFloatValue(PreviewProperty.NODE_BORDER_WIDTH) : 1f;
    }

    private static float separator(float r) {
        return 0.1f * r;
    }

    private static void g2d(Graphics2D g, PieSlices s, float x, float y, float r) {
        for (int k = 0; k < s.size(); k++) {
            g.setColor(new Color(NodePies.rgb(s.community(k))));
            // Java2D counts degrees counter-clockwise from 3 o'clock
            g.fill(new Arc2D.Double(x - r, y - r, 2 * r, 2 * r, 90 - s.start(k), -s.extent(k), Arc2D.PIE));
        }
        if (s.size() < 2) return;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(separator(r)));
        for (int k = 0; k < s.size(); k++) {
            double[] a = PieSlices.pointOnCircle(s.start(k), r);
            g.draw(new Line2D.Double(x, y, x + a[0], y + a[1]));
        }
    }

    /** One {@code <path class="pie-slice">} per slice (a {@code <circle>} for a node of one community), then the separators. */
    private static void svg(SVGTarget t, Node node, PieSlices s, float x, float y, float r) {
        Element top = t.getTopElement(SVGTarget.TOP_NODES);
        String id = node.getId().toString();
        if (s.size() == 1) {
            Element c = t.createElement("circle");
            c.setAttribute("class", "pie-slice");
            c.setAttribute("data-node", id);
            c.setAttribute("cx", Float.toString(x));
            c.setAttribute("cy", Float.toString(y));
            c.setAttribute("r", Float.toString(r));
            c.setAttribute("fill", hex(s.community(0)));
            top.appendChild(c);
            return;
        }
        StringBuilder sep = new StringBuilder();
        for (int k = 0; k < s.size(); k++) {
            double[] a = PieSlices.pointOnCircle(s.start(k), r), b = PieSlices.pointOnCircle(s.end(k), r);
            Element p = t.createElement("path");
            p.setAttribute("class", "pie-slice");
            p.setAttribute("data-node", id);
            p.setAttribute("d", String.format(Locale.ROOT, "M%.3f %.3fL%.3f %.3fA%.3f %.3f 0 %d 1 %.3f %.3fZ",
                    x, y, x + a[0], y + a[1], r, r, s.extent(k) > 180 ? 1 : 0, x + b[0], y + b[1]));
            p.setAttribute("fill", hex(s.community(k)));
            p.setAttribute("stroke", "none");
            top.appendChild(p);
            sep.append(String.format(Locale.ROOT, "M%.3f %.3fL%.3f %.3f", x, y, x + a[0], y + a[1]));
        }
        Element lines = t.createElement("path");
        lines.setAttribute("d", sep.toString());
        lines.setAttribute("stroke", "#ffffff");
        lines.setAttribute("stroke-width", Float.toString(separator(r) * t.getScaleRatio()));
        lines.setAttribute("fill", "none");
        top.appendChild(lines);
    }

    private static String hex(int community) {
        return String.format(Locale.ROOT, "#%06x", NodePies.rgb(community));
    }

    /** PDF's y grows upwards ({@code y} is already turned): clockwise from 12 o'clock is (sin a, cos a). */
    private static void pdf(PDPageContentStream cb, PieSlices s, float x, float y, float r) throws IOException {
        cb.saveGraphicsState();
        for (int k = 0; k < s.size(); k++) {
            cb.setNonStrokingColor(new Color(NodePies.rgb(s.community(k))));
            double[] arc = s.arcUpwards(k, x, y, r);
            cb.moveTo(x, y);
            cb.lineTo((float) arc[0], (float) arc[1]);
            for (int j = 2; j < arc.length; j += 6) {
                cb.curveTo((float) arc[j], (float) arc[j + 1], (float) arc[j + 2], (float) arc[j + 3], (float) arc[j + 4], (float) arc[j + 5]);
            }
            cb.closePath();
            cb.fill();
        }
        if (s.size() > 1) {
            cb.setStrokingColor(Color.WHITE);
            cb.setLineWidth(separator(r));
            for (int k = 0; k < s.size(); k++) {
                double a = Math.toRadians(s.start(k));
                cb.moveTo(x, y);
                cb.lineTo((float) (x + r * Math.sin(a)), (float) (y + r * Math.cos(a)));
            }
            cb.stroke();
        }
        cb.restoreGraphicsState();
    }

    @Override
    public void postProcess(PreviewModel previewModel, RenderTarget target, PreviewProperties properties) {
    }

    @Override
    public PreviewProperty[] getProperties() {
        return new PreviewProperty[]{
                PreviewProperty.createProperty(this, PIE_NODES, Boolean.class, "Pie-chart nodes",
                        "Draw each node as a pie of its communities in the pie column: a neuron of an activation pattern graph "
                                + "in every class it represents (Mostafa and Mondal, Eq. 3-4), in class colours",
                        PreviewProperty.CATEGORY_NODES).setValue(false),
                PreviewProperty.createProperty(this, PIE_COLUMN, String.class, "Pie column",
                        "The cover column: communities separated by |, e.g. classes (3|7), or belonging (3:0.75|7:0.25, "
                                + "written by Overlapping modularity; without it the shares are equal)",
                        PreviewProperty.CATEGORY_NODES, PIE_NODES).setValue(Names.CLASSES)};
    }

    @Override
    public boolean isRendererForitem(Item item, PreviewProperties properties) {
        return Item.NODE.equals(item.getType()) && on(properties);
    }

    @Override
    public boolean needsItemBuilder(ItemBuilder itemBuilder, PreviewProperties properties) {
        return ItemBuilder.NODE_BUILDER.equals(itemBuilder.getType()) && on(properties);
    }

    @Override
    public CanvasSize getCanvasSize(Item item, PreviewProperties properties) {
        float x = item.getData("x"), y = item.getData("y"), s = item.getData("size");
        return new CanvasSize(Math.round(x - s / 2), Math.round(y - s / 2), Math.round(s), Math.round(s));
    }
}
