package org.neuralgraph.render;

import org.neuralgraph.core.community.CommunityTracking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import javax.imageio.ImageIO;

/**
 * An alluvial chart of communities followed over checkpoints ({@link CommunityTracking}): one column per checkpoint,
 * one bar per persistent community stacked by id, its height the community's node count, and bands from one column to
 * the next whose width is the number of nodes that went from one persistent community to the other (nodes present at
 * both checkpoints). Bars and bands take the colour of their persistent community from the caller's palette (the
 * graphs' node colours, {@code id mod palette length}), so a community has the same colour here, in the drawings
 * and in the animation. White background; 1000 pixels wide with 20-26 px text, readable at one column width.
 */
public final class AlluvialChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 620;
    private static final int LEFT = 70;
    private static final int RIGHT = 70;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final int BAR = 16;
    private static final int GAP = 6;

    private AlluvialChart() { }

    /**
     * Writes the chart as PNG.
     *
     * @param r       the tracked communities
     * @param columns a short label per checkpoint ("0", "5", ...), same count as {@code r.checkpoints()}
     * @param axis    what the labels count ("epoch")
     * @param palette community colours as 0xRRGGBB, taken by {@code id mod length}
     */
    public static void write(CommunityTracking.Result r, String[] columns, String axis, String title, int[] palette,
                             Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(draw(r, columns, axis, title, palette), "png", png.toFile());
    }

    static BufferedImage draw(CommunityTracking.Result r, String[] columns, String axis, String title, int[] palette) {
        int steps = r.checkpoints();
        if (columns.length != steps) {
            throw new IllegalArgumentException(columns.length + " labels for " + steps + " checkpoints");
        }
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = WhiteCanvas.graphics(img);
        try {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            g.drawString(title, LEFT - 50, 34);
            if (steps == 0) {
                return img;
            }
            // sizes per checkpoint, by persistent id
            List<TreeMap<Integer, Integer>> sizes = new ArrayList<>();
            int most = 0;
            int mostBars = 0;
            for (int t = 0; t < steps; t++) {
                TreeMap<Integer, Integer> s = new TreeMap<>();
                int total = 0;
                for (int p : r.persistent()[t]) {
                    if (p >= 0) {
                        s.merge(p, 1, Integer::sum);
                        total++;
                    }
                }
                sizes.add(s);
                most = Math.max(most, total);
                mostBars = Math.max(mostBars, s.size());
            }
            double plot = HEIGHT - TOP - BOTTOM - GAP * Math.max(0, mostBars - 1);
            double scale = most == 0 ? 0 : Math.max(plot, 50) / most;
            double dx = steps == 1 ? 0 : (WIDTH - LEFT - RIGHT - BAR) / (double) (steps - 1);
            // bar tops
            List<TreeMap<Integer, Double>> tops = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                TreeMap<Integer, Double> top = new TreeMap<>();
                double y = TOP;
                for (var e : sizes.get(t).entrySet()) {
                    top.put(e.getKey(), y);
                    y += e.getValue() * scale + GAP;
                }
                tops.add(top);
            }
            // bands, under the bars
            for (int t = 1; t < steps; t++) {
                double x0 = LEFT + (t - 1) * dx + BAR;
                double x1 = LEFT + t * dx;
                TreeMap<Integer, Double> out = new TreeMap<>(tops.get(t - 1));
                List<CommunityTracking.Flow> flows = r.flows(t);
                // into each bar, ordered by source id: flows() is sorted by source then target, so walk it per target
                TreeMap<Integer, Double> in = new TreeMap<>(tops.get(t));
                double[][] inY = new double[flows.size()][1];
                for (int target : tops.get(t).keySet()) {
                    for (int i = 0; i < flows.size(); i++) {
                        if (flows.get(i).to() == target) {
                            inY[i][0] = in.get(target);
                            in.put(target, in.get(target) + flows.get(i).nodes() * scale);
                        }
                    }
                }
                for (int i = 0; i < flows.size(); i++) {
                    CommunityTracking.Flow f = flows.get(i);
                    double h = f.nodes() * scale;
                    double ya = out.get(f.from());
                    out.put(f.from(), ya + h);
                    double yb = inY[i][0];
                    double mid = (x0 + x1) / 2;
                    GeneralPath band = new GeneralPath();
                    band.moveTo(x0, ya);
                    band.curveTo(mid, ya, mid, yb, x1, yb);
                    band.lineTo(x1, yb + h);
                    band.curveTo(mid, yb + h, mid, ya + h, x0, ya + h);
                    band.closePath();
                    g.setColor(new Color((0x70 << 24) | colour(palette, f.from()), true));
                    g.fill(band);
                }
            }
            // bars and their ids
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            FontMetrics fm = g.getFontMetrics();
            java.util.List<java.awt.Rectangle> labels = new java.util.ArrayList<>(); // drawn so far: no label over another
            for (int t = 0; t < steps; t++) {
                double x = LEFT + t * dx;
                for (var e : sizes.get(t).entrySet()) {
                    double y = tops.get(t).get(e.getKey());
                    double h = Math.max(1, e.getValue() * scale);
                    g.setColor(new Color(colour(palette, e.getKey())));
                    g.fillRect((int) Math.round(x), (int) Math.round(y), BAR, (int) Math.round(h));
                    boolean edge = t == 0 || t == steps - 1;
                    boolean born = t > 0 && !tops.get(t - 1).containsKey(e.getKey());
                    if ((edge || born) && h >= fm.getAscent() - 4) {
                        String id = Integer.toString(e.getKey());
                        int tx = t == 0 ? (int) x - fm.stringWidth(id) - 6 : (int) x + BAR + 4;
                        int ty = (int) Math.round(y + h / 2 + fm.getAscent() / 2.0 - 2);
                        java.awt.Rectangle box = new java.awt.Rectangle(tx - 2, ty - fm.getAscent(), fm.stringWidth(id) + 4, fm.getAscent() + 2);
                        boolean fits = edge || fm.stringWidth(id) + 8 <= dx - BAR; // an inner label stays between two columns
                        if (fits && labels.stream().noneMatch(box::intersects)) {
                            labels.add(box);
                            g.setColor(Color.BLACK);
                            g.drawString(id, tx, ty);
                        }
                    }
                }
            }
            // checkpoint labels, thinned so that they do not overlap
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            fm = g.getFontMetrics();
            int widest = 0;
            for (String c : columns) {
                widest = Math.max(widest, fm.stringWidth(c));
            }
            int every = dx == 0 ? 1 : Math.max(1, (int) Math.ceil((widest + 12) / dx));
            g.setColor(Color.BLACK);
            for (int t = 0; t < steps; t++) {
                if (t % every == 0 || t == steps - 1 && (steps - 1) % every >= every / 2.0) {
                    int cx = (int) Math.round(LEFT + t * dx + BAR / 2.0);
                    g.drawString(columns[t], cx - fm.stringWidth(columns[t]) / 2, HEIGHT - BOTTOM + 28);
                }
            }
            g.setStroke(new BasicStroke(1f));
            String caption = axis + " (bar height = nodes; bands = nodes moving between communities)";
            g.drawString(caption, Math.max(4, (WIDTH - fm.stringWidth(caption)) / 2), HEIGHT - 14);
            return img;
        } finally {
            g.dispose();
        }
    }

    private static int colour(int[] palette, int id) {
        return palette[Math.floorMod(id, palette.length)] & 0xFFFFFF;
    }
}
