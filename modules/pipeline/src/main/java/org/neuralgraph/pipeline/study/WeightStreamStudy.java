package org.neuralgraph.pipeline.study;

import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.backbone.DisparityFilter;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.dag.LayerWeightStatistics;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.dag.WeightStream;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.ModelFileException;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.pipeline.kind.ParameterValues;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.report.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code neuralgraph weights --stream}: the weight graph of a model too large for Gephi (100 million weights and more)
 * analysed without holding it ({@link WeightStream}): degree and strength distributions, per-layer weight statistics and
 * the disparity backbone (Serrano, Boguna and Vespignani 2009), which alone goes to Gephi and the graph files when it
 * has at most {@link Sparsification#AUTO_EDGES} edges. The last checkpoint of the model only; no Gephi statistics on
 * the whole graph.
 */
public final class WeightStreamStudy implements Study {

    private final ModelRequest model;
    private final ParameterValues graph;
    private final Set<GraphFiles.Format> formats;
    private final String command;

    public WeightStreamStudy(ModelRequest model, ParameterValues graph, Set<GraphFiles.Format> formats, String command) {
        this.model = model;
        this.graph = graph;
        this.formats = formats;
        this.command = command;
    }

    @Override
    public void check() throws IOException {
        Sparsification s = Sparsification.parse(graph.text("sparsify"));
        if (!(s.isAuto() || s.isNone() || s.isDisparity())) {
            throw new IllegalArgumentException("--sparsify " + s + " is not streamed (it sorts each neuron's edges); with --stream use auto, none or disparity:A");
        }
        if (graph.text("granularity").equals("block")) throw new IllegalArgumentException("--granularity block is not streamed (its graph is small: drop --stream)");
        model.check();
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        long t0 = System.nanoTime();
        TrainingRun run = model.open(outDir.resolve("run"), monitor);
        Checkpoint cp = run.checkpoints().get(run.checkpoints().size() - 1);
        String modelName = CheckpointGraphs.modelName(run);
        monitor.start("reading " + modelName, 1);
        NetworkDag dag = cp.dag(modelName);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        Sparsification s = Sparsification.parse(graph.text("sparsify"));
        WeightStream.Result r;
        try {
            r = WeightStream.analyse(dag, Granularity.parse(graph.text("granularity")), KernelNorm.parse(graph.text("kernel-norm")), s, monitor);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(cp.file(), e.getMessage(), e);
        }
        dag = null; // the weights are no longer needed: only the backbone goes on
        double analyseSeconds = (System.nanoTime() - t0) / 1e9 - readSeconds;
        List<String> notes = new ArrayList<>();
        if (r.reduction().startsWith("reduced")) { notes.add(r.reduction()); monitor.start(r.reduction(), 1); }

        writeNodes(outDir.resolve("nodes.csv"), r);
        writeDistributions(outDir, r);
        List<String> layerLines = new ArrayList<>();
        layerLines.add(LayerWeightStatistics.csvHeader());
        for (LayerWeightStatistics l : r.layerStatistics()) layerLines.add(l.csvRow());
        Files.write(outDir.resolve("layers.csv"), layerLines, StandardCharsets.UTF_8);

        List<String> files = new ArrayList<>(Arrays.asList("nodes.csv", "degree-distribution.csv", "strength-distribution.csv", "layers.csv"));
        int edges = r.backbone().edgeCount();
        long keptWeights = r.summary().edgesKept();
        if (keptWeights <= Sparsification.AUTO_EDGES) { // the auto budget counts weight edges; skip and attention edges come on top
            String name = "weights backbone";
            Workspace ws = project.importGraph(r.backbone(), name, monitor);
            GraphModel gm = project.graphModel(ws);
            GraphStyle.colourBy(gm, org.neuralgraph.core.graph.Names.LAYER);
            GraphStyle.sizeByWeightedDegree(gm);
            GraphStyle.colourEdges(gm);
            for (Path f : GraphFiles.write(ws, gm, outDir.resolve("graphs"), "weights-backbone", name, formats)) files.add(outDir.relativize(f).toString());
            project.save(outDir.resolve("neuralgraph.gephi"));
            files.add("neuralgraph.gephi");
        } else {
            notes.add(String.format(Locale.ROOT, "the backbone keeps %,d weight edges, more than %,d: no Gephi workspace or graph file written (use --sparsify auto or disparity:A with a smaller A)",
                    keptWeights, Sparsification.AUTO_EDGES));
        }
        long peak = peakHeap();
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "neuralgraph weights --stream");
        m.put("command", command);
        m.put("model", cp.file() == null ? modelName : cp.file().toString());
        m.put("nodes", r.nodeCount());
        m.put("weight_edges", r.weightEdges());
        m.put("structural_edges", r.structuralEdges());
        m.put("sparsification_requested", s.toString());
        m.put("sparsification", r.applied().toString());
        m.put("reduction", r.reduction());
        m.put("reduction_summary", r.summary().asMaps());
        m.put("backbone_edges", edges);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerWeightStatistics l : r.layerStatistics()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("layer", l.layer());
            x.put("edges", l.count());
            x.put("mean", l.mean());
            x.put("std", l.std());
            x.put("min", l.min());
            x.put("max", l.max());
            x.put("abs_mean", l.absMean());
            Map<String, Object> q = new LinkedHashMap<>();
            for (double p : LayerWeightStatistics.QUANTILES) q.put(String.valueOf(p), l.absQuantile(p));
            x.put("abs_quantiles", q);
            x.put("abs_quantile_resolution", l.binWidth());
            layers.add(x);
        }
        m.put("layers", layers);
        m.put("seconds_read", readSeconds);
        m.put("seconds_analyse", analyseSeconds);
        m.put("seconds", seconds);
        m.put("peak_heap_mb", peak / 1048576.0);
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        m.put("files", files);
        m.put("notes", notes);
        Json.write(outDir.resolve("report.json"), m);
        files.add("report.json");

        StringBuilder md = new StringBuilder("# Weight graph of ").append(modelName).append(", streamed\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append(String.format(Locale.ROOT, "%,d nodes, %,d weight edges, %,d structural (skip, attention) edges; read in %.1f s, analysed in %.1f s "
                        + "(three passes over the weights, no edge stored), peak heap %.0f MB of %.0f MB.%n%n",
                r.nodeCount(), r.weightEdges(), r.structuralEdges(), readSeconds, analyseSeconds, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0));
        md.append("## Reduction\n\n").append(r.reduction()).append(".\n\n").append(r.summary().toMarkdown()).append('\n');
        md.append("## Weights per layer\n\n| layer | edges | mean | std | min | max | median \\|w\\| | 99th pct \\|w\\| |\n|---|---|---|---|---|---|---|---|\n");
        for (LayerWeightStatistics l : r.layerStatistics()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.4g | %.4g | %.4g | %.4g | %.4g | %.4g |%n", l.layer(), l.count(), l.mean(), l.std(), l.min(), l.max(),
                    l.absQuantile(0.5), l.absQuantile(0.99)));
        }
        md.append("\nFiles: ").append(String.join(", ", files)).append(".\n");
        Files.write(outDir.resolve("report.md"), md.toString().getBytes(StandardCharsets.UTF_8));
        return new StudyOutcome(String.format(Locale.ROOT, "%,d weight edges streamed in %.1f s, peak heap %.0f MB%n", r.weightEdges(), seconds,
                peak / 1048576.0), notes, Arrays.asList("report.md", "layers.csv", "graphs", "neuralgraph.gephi"));
    }

    /** The sum of the heap pools' peak usage since the study started. */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    private static void writeNodes(Path file, WeightStream.Result r) throws IOException {
        DisparityFilter.Strengths s = r.strengths();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,layer_name,in_degree,out_degree,in_strength,out_strength\n");
            for (int v = 0; v < r.nodeCount(); v++) {
                String layer = r.layerName(v);
                if (layer.contains(",") || layer.contains("\"")) layer = "\"" + layer.replace("\"", "\"\"") + "\"";
                w.write(r.nodeId(v) + "," + layer + "," + s.inDegree(v) + "," + s.outDegree(v) + "," + s.inStrength(v) + "," + s.outStrength(v) + "\n");
            }
        }
    }

    /** Degree distribution (nodes per degree, in and out) and strength distribution (nodes per logarithmic bin, 10 per decade). */
    private static void writeDistributions(Path dir, WeightStream.Result r) throws IOException {
        DisparityFilter.Strengths s = r.strengths();
        TreeMap<Integer, long[]> degrees = new TreeMap<>();
        TreeMap<Integer, long[]> strengths = new TreeMap<>();
        for (int v = 0; v < r.nodeCount(); v++) {
            degrees.computeIfAbsent(s.inDegree(v), k -> new long[2])[0]++;
            degrees.computeIfAbsent(s.outDegree(v), k -> new long[2])[1]++;
            strengths.computeIfAbsent(logBin(s.inStrength(v)), k -> new long[2])[0]++;
            strengths.computeIfAbsent(logBin(s.outStrength(v)), k -> new long[2])[1]++;
        }
        List<String> d = new ArrayList<>(Collections.singletonList("degree,in_nodes,out_nodes"));
        degrees.forEach((k, c) -> d.add(k + "," + c[0] + "," + c[1]));
        Files.write(dir.resolve("degree-distribution.csv"), d, StandardCharsets.UTF_8);
        List<String> st = new ArrayList<>(Collections.singletonList("strength_from,strength_to,in_nodes,out_nodes"));
        strengths.forEach((k, c) -> st.add(k == Integer.MIN_VALUE ? "0,0," + c[0] + "," + c[1]
                : Math.pow(10, k / 10.0) + "," + Math.pow(10, (k + 1) / 10.0) + "," + c[0] + "," + c[1]));
        Files.write(dir.resolve("strength-distribution.csv"), st, StandardCharsets.UTF_8);
    }

    /** floor(10 log10 x); MIN_VALUE for 0. */
    static int logBin(double x) {
        return x > 0 ? (int) Math.floor(10 * Math.log10(x)) : Integer.MIN_VALUE;
    }
}
