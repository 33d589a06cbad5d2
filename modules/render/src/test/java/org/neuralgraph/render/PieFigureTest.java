package org.neuralgraph.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.graph.Drawing;
import org.neuralgraph.core.graph.PieSlices;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** A node with slices is a pie in SVG, PNG and PDF; a node without stays a circle of its own colour. */
class PieFigureTest {

    static final int RED = 0xcc6677, BLUE = 0x332288, GREEN = 0x117733, PLAIN = 0x999933;

    /** Node 0: three quarters community 3, a quarter community 7; node 1: community 5 alone; node 2: no pie. */
    static Drawing threeNodes() {
        float[] x = {0, 10, 5}, y = {0, 0, 6}, r = {100, 100, 100}; // radii clamp to 2.5 pt
        Drawing d = new Drawing("pies", x, y, r, new int[]{0, 0, PLAIN}, new int[]{0}, new int[]{1}, new int[]{0x444444},
                new float[]{1}, new float[]{0.25f}, List.of());
        Map<Integer, Integer> rgb = new HashMap<>();
        rgb.put(3, RED);
        rgb.put(7, BLUE);
        rgb.put(5, GREEN);
        PieSlices[] pies = {PieSlices.of(new int[]{3, 7}, new double[]{0.75, 0.25}), PieSlices.whole(5), null};
        return d.withPies(pies, rgb, List.of(new Drawing.Entry(Drawing.Entry.Swatch.NODE, RED, "class 3"),
                new Drawing.Entry(Drawing.Entry.Swatch.NODE, BLUE, "class 7")));
    }

    @Test
    void svgHasOneSlicePathPerSliceWithTheAnglesOfTheCoefficients() throws Exception {
        Drawing d = threeNodes();
        StringWriter w = new StringWriter();
        SvgFigure.write(d, w);
        String svg = w.toString();
        Matcher m = Pattern.compile("<path class=\"slice\" d=\"M([-\\d.]+) ([-\\d.]+)L([-\\d.]+) ([-\\d.]+)A[-\\d.]+ [-\\d.]+ 0 (\\d) 1 ([-\\d.]+) ([-\\d.]+)Z\" fill=\"(#[0-9a-f]{6})\"").matcher(svg);
        List<double[]> slices = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        while (m.find()) {
            double[] v = new double[7];
            for (int k = 0; k < 7; k++) v[k] = Double.parseDouble(m.group(k + 1));
            slices.add(v);
            fills.add(m.group(8));
        }
        assertEquals(2, slices.size(), svg);
        assertEquals(List.of("#cc6677", "#332288"), fills);
        // community 3 from 12 o'clock to 9 o'clock (270 degrees, the large arc); community 7 from 9 o'clock back to 12
        assertEquals(0, clockAngle(slices.get(0), 2, 3), 0.5);
        assertEquals(270, clockAngle(slices.get(0), 5, 6), 0.5);
        assertEquals(1, slices.get(0)[4]);
        assertEquals(270, clockAngle(slices.get(1), 2, 3), 0.5);
        assertEquals(0, clockAngle(slices.get(1), 5, 6) % 360, 0.5);
        assertEquals(0, slices.get(1)[4]);
        // the one-community node is one full slice; the third node a plain circle; each pie has its outline
        assertEquals(1, count(svg, "<circle class=\"slice\""));
        assertTrue(svg.contains("fill=\"#117733\" stroke=\"none\""));
        assertTrue(svg.contains("fill=\"#999933\""));
        assertEquals(2, count(svg, "<g class=\"pie\">"));
        assertEquals(1, count(svg, "stroke=\"#ffffff\""), "separators for the two-slice pie only");
    }

    /** Degrees clockwise from 12 o'clock of the point (v[i], v[j]) seen from the centre (v[0], v[1]), y down. */
    private static double clockAngle(double[] v, int i, int j) {
        double a = Math.toDegrees(Math.atan2(v[i] - v[0], -(v[j] - v[1])));
        return a < 0 ? a + 360 : a;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) n++;
        return n;
    }

    @Test
    void pngHasEachSlicesColourWhereTheSliceIs(@TempDir Path dir) throws Exception {
        Drawing d = threeNodes();
        Path file = dir.resolve("pies.png");
        PngFigure.write(d, file);
        BufferedImage img = ImageIO.read(file.toFile());
        FigureGeometry g = new FigureGeometry(d);
        float s = PngFigure.DPI / 72f;
        // node 0: community 3 from 0 to 270 degrees, community 7 from 270 to 360
        assertEquals(RED, at(img, g, 0, 45, s));
        assertEquals(RED, at(img, g, 0, 135, s));
        assertEquals(RED, at(img, g, 0, 225, s));
        assertEquals(BLUE, at(img, g, 0, 315, s));
        for (int deg : new int[]{45, 135, 225, 315}) assertEquals(GREEN, at(img, g, 1, deg, s));
        assertEquals(PLAIN, at(img, g, 2, 45, s));
        // the separator at 9 o'clock (270 degrees), between red and blue, is near white (a pixel wide, antialiased)
        int sep = at(img, g, 0, 270, s);
        for (int shift : new int[]{0, 8, 16}) assertTrue(((sep >> shift) & 255) >= 0xD0, Integer.toHexString(sep));
    }

    /** The pixel at {@code deg} clockwise from 12 o'clock, 0.6 of the radius out from node {@code i}'s centre. */
    private static int at(BufferedImage img, FigureGeometry g, int i, double deg, float s) {
        double[] p = PieSlices.pointOnCircle(deg, 0.6 * g.r(i));
        return img.getRGB((int) Math.floor((g.x(i) + p[0]) * s), (int) Math.floor((g.y(i) + p[1]) * s)) & 0xFFFFFF;
    }

    @Test
    void pdfIsWrittenAndReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pies.pdf");
        PdfFigure.write(threeNodes(), file);
        try (PDDocument doc = PDDocument.load(file.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
        }
    }

    @Test
    void aSliceOfACommunityWithoutColourIsRefused() {
        Drawing d = threeNodes();
        assertThrows(IllegalArgumentException.class, () -> d.withPies(new PieSlices[]{PieSlices.whole(9), null, null}, Map.of(), List.of()));
    }
}
