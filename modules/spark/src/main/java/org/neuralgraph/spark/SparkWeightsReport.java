package org.neuralgraph.spark;

import org.neuralgraph.core.io.AtomicFiles;
import org.neuralgraph.pipeline.report.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code weights --engine spark} found, as {@code report.json} and {@code report.md}: per checkpoint the table's
 * size and place, degree distributions, strength summaries, per-layer weight statistics, the backbone and the
 * components; and the engine, master, Spark version, seed, alpha and command that made them.
 */
final class SparkWeightsReport {

    /** One checkpoint's figures. */
    static final class Checkpoint {
        String name, file, table, source;
        long nodes, edges, backboneEdges;
        Map<Long, Long> outDegrees, inDegrees;
        Map<String, Double> outStrength, inStrength;
        List<LayerStatistics.Layer> layers;
        WeakComponents.Result components, backboneComponents;
        double secondsTable, secondsSpark;
        final List<String> files = new ArrayList<>();

        /** The graph attributes the backbone's workspace carries. */
        Map<String, Object> graphAttributes(int epoch) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("graph_kind", "weight backbone (disparity filter)");
            a.put("disparity_alpha", alpha);
            a.put("engine", "spark");
            a.put("spark_master", master);
            a.put("edges_before_backbone", edges);
            if (epoch >= 0) a.put("epoch", epoch);
            return a;
        }

        private double alpha;
        private String master;
    }

    private final String master, sparkVersion, command;
    private final double alpha;
    private final long seed;
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    SparkWeightsReport(String master, String sparkVersion, double alpha, long seed, String command) {
        this.master = master;
        this.sparkVersion = sparkVersion;
        this.alpha = alpha;
        this.seed = seed;
        this.command = command;
    }

    Checkpoint checkpoint(String name, String file) {
        Checkpoint c = new Checkpoint();
        c.name = name;
        c.file = file;
        c.alpha = alpha;
        c.master = master;
        checkpoints.add(c);
        return c;
    }

    void write(Path outDir, List<String> notes) throws IOException {
        String prefix = outDir.toUri().toString();
        for (Checkpoint c : checkpoints) if (c.table.startsWith(prefix)) c.table = c.table.substring(prefix.length());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("engine", "spark");
        json.put("spark_master", master);
        json.put("spark_version", sparkVersion);
        json.put("seed", seed);
        json.put("disparity_alpha", alpha);
        json.put("command", command);
        List<Object> cps = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checkpoint", c.name);
            m.put("model_file", c.file);
            m.put("table", c.table);
            m.put("table_source", c.source);
            m.put("nodes", c.nodes);
            m.put("edges", c.edges);
            m.put("out_degree_distribution", c.outDegrees);
            m.put("in_degree_distribution", c.inDegrees);
            m.put("out_strength", c.outStrength);
            m.put("in_strength", c.inStrength);
            List<Object> layers = new ArrayList<>();
            for (LayerStatistics.Layer l : c.layers) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("layer", l.layer);
                x.put("weights", l.count);
                x.put("mean_abs", l.meanAbs);
                x.put("std_abs", l.stdAbs);
                x.put("min_abs", l.minAbs);
                x.put("max_abs", l.maxAbs);
                x.put("sum_abs", l.sumAbs);
                x.put("mean", l.mean);
                x.put("std", l.std);
                x.put("min", l.min);
                x.put("max", l.max);
                layers.add(x);
            }
            m.put("layers", layers);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("edges", c.backboneEdges);
            b.put("share", c.edges == 0 ? 0 : (double) c.backboneEdges / c.edges);
            b.put("components", components(c.backboneComponents));
            m.put("backbone", b);
            m.put("components", components(c.components));
            m.put("seconds_table", c.secondsTable);
            m.put("seconds_spark", c.secondsSpark);
            m.put("files", c.files);
            cps.add(m);
        }
        json.put("checkpoints", cps);
        json.put("notes", notes);
        Json.write(outDir.resolve("report.json"), json);
        AtomicFiles.write(outDir.resolve("report.md"), markdown(notes).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> components(WeakComponents.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weakly_connected", r.components);
        m.put("largest", r.largest);
        m.put("isolated_nodes", r.isolated);
        m.put("rounds", r.rounds);
        return m;
    }

    private String markdown(List<String> notes) {
        StringBuilder md = new StringBuilder("# Weight graph on Apache Spark\n\n");
        md.append(String.format(Locale.ROOT, "Engine spark %s, master `%s`, seed %d, disparity alpha %s (Serrano, Boguñá and Vespignani 2009, Eq. 2).%n%n",
                sparkVersion, master, seed, alpha));
        md.append("Command: `").append(command).append("`\n\n");
        for (Checkpoint c : checkpoints) {
            md.append("## ").append(c.name).append("\n\n");
            md.append(String.format(Locale.ROOT, "%,d nodes, %,d edges in `%s` (from %s; %.1f s to write, %.1f s on Spark).%n%n",
                    c.nodes, c.edges, c.table, c.source, c.secondsTable, c.secondsSpark));
            md.append("| layer | weights | mean \\|w\\| | std \\|w\\| | min \\|w\\| | max \\|w\\| | sum \\|w\\| | mean w | std w | min w | max w |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (LayerStatistics.Layer l : c.layers) {
                md.append(String.format(Locale.ROOT, "| %d | %,d | %.4g | %.4g | %.4g | %.4g | %.6g | %.4g | %.4g | %.4g | %.4g |%n",
                        l.layer, l.count, l.meanAbs, l.stdAbs, l.minAbs, l.maxAbs, l.sumAbs, l.mean, l.std, l.min, l.max));
            }
            md.append(String.format(Locale.ROOT, "%nOut-strength mean %.4g (std %.4g, max %.4g); in-strength mean %.4g (std %.4g, max %.4g).%n",
                    c.outStrength.get("mean"), c.outStrength.get("std"), c.outStrength.get("max"),
                    c.inStrength.get("mean"), c.inStrength.get("std"), c.inStrength.get("max")));
            md.append("Out-degrees (degree: nodes) ").append(c.outDegrees).append("; in-degrees ").append(c.inDegrees).append(".\n\n");
            md.append(String.format(Locale.ROOT, "Backbone: %,d edges (%.2f %%); %d weakly connected components, the largest %,d nodes, %,d nodes isolated. "
                            + "Whole graph: %d components (largest %,d).%n%n",
                    c.backboneEdges, c.edges == 0 ? 0 : 100.0 * c.backboneEdges / c.edges, c.backboneComponents.components,
                    c.backboneComponents.largest, c.backboneComponents.isolated, c.components.components, c.components.largest));
            if (!c.files.isEmpty()) md.append("Files: ").append(String.join(", ", c.files)).append("\n\n");
        }
        for (String n : notes) md.append("Note: ").append(n).append("\n\n");
        return md.toString();
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        for (Checkpoint c : checkpoints) {
            b.append(String.format(Locale.ROOT, "%s: %,d edges on Spark (%s); backbone at alpha %s: %,d edges (%.2f %%), %d components%n",
                    c.name, c.edges, master, alpha, c.backboneEdges, c.edges == 0 ? 0 : 100.0 * c.backboneEdges / c.edges,
                    c.backboneComponents.components));
        }
        return b.toString();
    }
}
