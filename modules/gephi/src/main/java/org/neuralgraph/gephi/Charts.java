package org.neuralgraph.gephi;

import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.neuralgraph.core.io.AtomicFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every report chart drawn for a paper: white background, light grey grid, series in Paul Tol's colour-blind-safe
 * "bright" colours (no pale yellow or cyan lines on grey, as JFreeChart's defaults give), lines 2 units wide with a
 * marker at each point, whole-number ticks on an epoch axis. A chart is laid out at 504 x 324 units (7 x 4.5 in at 72
 * per inch) with 12-15 unit text, so that printed one column wide (3.5 in) its text is 6-7.5 pt, and written at three
 * times that resolution.
 */
public final class Charts {

    /** Paul Tol's "bright" qualitative colours, then darker variants. */
    static final Color[] SERIES = {new Color(0x4477aa), new Color(0xee6677), new Color(0x228833), new Color(0xaa3377),
            new Color(0x66ccee).darker(), new Color(0xccbb44).darker(), new Color(0xbbbbbb).darker(), Color.BLACK};
    static final int WIDTH = 504;
    static final int HEIGHT = 324;
    private static final int SCALE = 3;

    private Charts() { }

    /** Styles {@code chart} for a paper and writes it as PNG; an x axis labelled "epoch" gets whole-number ticks. */
    public static void save(JFreeChart chart, Path png) throws IOException {
        style(chart);
        Files.createDirectories(png.toAbsolutePath().getParent());
        AtomicFiles.write(png, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtilities.writeScaledChartAsPNG(out, chart, WIDTH, HEIGHT, SCALE, SCALE);
            }
        });
    }

    /** {@code chart} styled for a paper: for the charts of the statistics' reports inside Gephi. */
    public static JFreeChart styled(JFreeChart chart) {
        style(chart);
        return chart;
    }

    /** Styles {@code chart} for a paper. */
    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            legend.setBackgroundPaint(Color.WHITE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot) {
            XYPlot p = (XYPlot) plot;
            grid(p.getDomainAxis(), p.getRangeAxis());
            p.setDomainGridlinePaint(new Color(0xdddddd));
            p.setRangeGridlinePaint(new Color(0xdddddd));
            for (int d = 0; d < p.getDatasetCount(); d++) {
                XYItemRenderer r = p.getRenderer(d);
                if (r == null) continue;
                for (int s = 0; s < (p.getDataset(d) == null ? 0 : p.getDataset(d).getSeriesCount()); s++) {
                    r.setSeriesPaint(s, SERIES[s % SERIES.length]);
                    r.setSeriesStroke(s, new BasicStroke(2f));
                }
                if (r instanceof XYLineAndShapeRenderer) {
                    XYLineAndShapeRenderer lr = (XYLineAndShapeRenderer) r;
                    lr.setBaseShapesVisible(true);
                    lr.setBaseShapesFilled(true);
                }
            }
            if ("epoch".equalsIgnoreCase(String.valueOf(p.getDomainAxis().getLabel()))) wholeTicks(p);
        } else if (plot instanceof CategoryPlot) {
            CategoryPlot p = (CategoryPlot) plot;
            grid(p.getDomainAxis(), p.getRangeAxis());
            p.setRangeGridlinePaint(new Color(0xdddddd));
            CategoryItemRenderer r = p.getRenderer();
            if (r instanceof BarRenderer) {
                ((BarRenderer) r).setBarPainter(new StandardBarPainter());
                ((BarRenderer) r).setShadowVisible(false);
            }
            for (int s = 0; s < (p.getDataset() == null ? 0 : p.getDataset().getRowCount()); s++) r.setSeriesPaint(s, SERIES[s % SERIES.length]);
        }
    }

    /** Whole-number ticks on the x axis (epochs: not 0.2, 0.4, ...). */
    public static void wholeTicks(XYPlot p) {
        if (p.getDomainAxis() instanceof NumberAxis) ((NumberAxis) p.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static void grid(Axis... axes) {
        for (Axis a : axes) {
            if (a == null) continue;
            a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            a.setTickLabelPaint(Color.BLACK);
            a.setLabelPaint(Color.BLACK);
        }
    }
}
