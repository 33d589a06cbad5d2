package org.neuralgraph.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.cli.WeightsEngine;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.CheckpointGraphs;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ForceAtlas2Runner;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.pipeline.kind.CheckpointInputs;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.WeightGraphKind;
import org.neuralgraph.pipeline.model.ModelRequest;
import org.neuralgraph.pipeline.study.GraphFiles;
import org.neuralgraph.pipeline.study.Study;
import org.neuralgraph.pipeline.study.StudyOutcome;
import org.neuralgraph.pipeline.study.WeightGraphStudy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code weights --engine spark}: for every checkpoint, the weight graph written as a Parquet {@link EdgeTable} (straight
 * from an ONNX MLP's initializers by {@link OnnxDenseStream}, which never opens the model through the in-memory readers, else from the graph the in-memory path builds), then on
 * Spark its {@link NodeStatistics degrees and strengths}, {@link LayerStatistics per-layer statistics}, the
 * {@link DisparityBackbone disparity backbone} and {@link WeakComponents components} of the graph and of the backbone;
 * the backbone comes back to the driver ({@link BackboneGraph}) and goes the weights study's way: a Gephi workspace,
 * {@link GraphFiles}, {@code neuralgraph.gephi}; last {@link SparkWeightsReport}.
 */
final class SparkWeightsStudy implements Study {

    /** Backbones above this many edges stay in Parquet only: Gephi's workspace needs about 1 KB per edge. */
    static final long MAX_GEPHI_EDGES = 1_000_000;

    private final ModelRequest model;
    private final WeightGraphStudy.Settings s;
    private final WeightsEngine.Options o;

    SparkWeightsStudy(ModelRequest model, WeightGraphStudy.Settings settings, WeightsEngine.Options options) {
        this.model = model;
        this.s = settings;
        this.o = options;
    }

    @Override
    public void check() throws IOException {
        SparkSessions.master(o.master);
        if (!(o.alpha > 0 && o.alpha < 1)) throw new IllegalArgumentException("--alpha must be in (0, 1), got " + o.alpha);
        if (s.layoutIterations < 0) throw new IllegalArgumentException("--layout-iterations must be >= 0, got " + s.layoutIterations);
        String sparsify = s.graph.text("sparsify"); // the default, auto, is what the engine does: the disparity backbone
        if (!sparsify.equals("none") && !sparsify.equals("auto")) {
            throw new IllegalArgumentException("--sparsify: the Spark engine keeps every weight in its table and filters with the disparity backbone (--alpha)");
        }
        if (streamedFile() == null) model.check(); // a streamed ONNX file is checked by OnnxDenseStream.plan as it is read
    }

    /** The ONNX file --model names when the table can be streamed from it (an MLP), else null. */
    private Path streamedFile() {
        if (model.model == null || !model.model.toLowerCase(Locale.ROOT).endsWith(".onnx") || !s.graph.text("granularity").equals("channel")) return null;
        Path f = Paths.get(model.model);
        return Files.isRegularFile(f) ? f : null;
    }

    @Override
    public StudyOutcome run(GephiProject project, Path outDir, ProgressMonitor monitor) throws IOException {
        Path file = streamedFile();
        OnnxDenseStream stream = file == null ? null : OnnxDenseStream.plan(file);
        if (stream == null) model.check();
        TrainingRun run = stream != null ? null : model.open(outDir.resolve("run"), monitor);
        if (run != null && run.manifest() != null) s.seed = run.manifest().seed;
        String master = SparkSessions.master(o.master);
        monitor.start("starting Spark (" + master + ")", 1);
        SparkSession spark = SparkSessions.start(master, s.command.contains("--verbose"));
        SparkWeightsReport report = new SparkWeightsReport(master, spark.version(), o.alpha, s.seed, s.command);
        List<String> notes = new ArrayList<>();
        try {
            String tables = o.table != null ? o.table : outDir.resolve("table").toUri().toString();
            GraphKind kind = GraphKinds.get(WeightGraphKind.ID);
            int checkpoints = run == null ? 1 : run.checkpoints().size();
            for (int k = 0; k < checkpoints; k++) {
                monitor.checkCancelled();
                Checkpoint cp = run == null ? null : run.checkpoints().get(k);
                int epoch = cp == null ? -1 : cp.epoch();
                String base = epoch >= 0 ? String.format(Locale.ROOT, "epoch-%04d", epoch) : "model";
                SparkWeightsReport.Checkpoint r = report.checkpoint(cp == null ? String.valueOf(file.getFileName()) : cp.epochOrName(),
                        cp == null ? file.toString() : cp.file() == null ? "" : cp.file().toString());
                long t0 = System.nanoTime();
                r.table = tables + "/" + base;
                monitor.start("writing the Parquet edge table " + r.table, 1);
                try (EdgeTable table = EdgeTable.create(r.table, spark.sparkContext().hadoopConfiguration())) {
                    if (stream != null) {
                        r.source = "ONNX initializers, layer by layer (" + stream.sizes() + ")";
                        stream.write(table);
                    } else {
                        r.source = "the in-memory weight graph";
                        GraphEdgeSource.write(kind.build(new CheckpointInputs(run, k, null, s.seed), s.graph, monitor), table);
                    }
                    r.nodes = table.nodeCount();
                    r.edges = table.edgeCount();
                }
                r.secondsTable = (System.nanoTime() - t0) / 1e9;
                compute(spark, r, monitor);
                r.secondsSpark = (System.nanoTime() - t0) / 1e9 - r.secondsTable;
                if (r.backboneEdges <= MAX_GEPHI_EDGES) {
                    String title = cp == null ? "backbone " + file.getFileName() : CheckpointGraphs.title("backbone", cp);
                    r.files.addAll(toGephi(project, spark, r, title, epoch, outDir, "backbone-" + base, monitor));
                } else {
                    notes.add(base + ": the backbone's " + r.backboneEdges + " edges stay in " + r.table + "/backbone (more than "
                            + MAX_GEPHI_EDGES + " for a Gephi workspace); lower --alpha to bring it into Gephi");
                }
            }
        } finally {
            spark.stop();
        }
        monitor.start("saving Gephi project", 1);
        project.save(outDir.resolve("neuralgraph.gephi"));
        report.write(outDir, notes);
        return new StudyOutcome(report.summary(), notes, Arrays.asList("report.md", "graphs", "neuralgraph.gephi", "table"));
    }

    /** The Spark part: statistics, backbone (written beside the table), components. */
    private void compute(SparkSession spark, SparkWeightsReport.Checkpoint r, ProgressMonitor monitor) {
        Dataset<Row> edges = spark.read().parquet(r.table + "/" + EdgeTable.EDGES);
        Dataset<Row> nodes = spark.read().parquet(r.table + "/" + EdgeTable.NODES);
        monitor.start("Spark: degrees and strengths", 1);
        Dataset<Row> stats = NodeStatistics.of(nodes, edges);
        stats.write().mode(SaveMode.ErrorIfExists).parquet(r.table + "/degrees");
        stats = spark.read().parquet(r.table + "/degrees");
        r.outDegrees = NodeStatistics.distribution(stats, "out_degree");
        r.inDegrees = NodeStatistics.distribution(stats, "in_degree");
        r.outStrength = NodeStatistics.summary(stats, "out_strength");
        r.inStrength = NodeStatistics.summary(stats, "in_strength");
        monitor.start("Spark: per-layer statistics", 1);
        r.layers = LayerStatistics.of(edges);
        monitor.start("Spark: disparity backbone", 1);
        DisparityBackbone.keep(DisparityBackbone.scored(edges), o.alpha)
                .write().mode(SaveMode.ErrorIfExists).partitionBy("layer").parquet(r.table + "/backbone");
        Dataset<Row> backbone = spark.read().parquet(r.table + "/backbone");
        r.backboneEdges = backbone.count();
        monitor.start("Spark: connected components", 1);
        r.components = WeakComponents.of(nodes, edges);
        r.backboneComponents = WeakComponents.of(nodes, backbone);
    }

    /** The backbone as a Gephi workspace, styled as the weights study styles its graphs, and its files. */
    private List<String> toGephi(GephiProject project, SparkSession spark, SparkWeightsReport.Checkpoint r, String name, int epoch,
                                 Path outDir, String base, ProgressMonitor monitor) throws IOException {
        Dataset<Row> nodes = spark.read().parquet(r.table + "/" + EdgeTable.NODES);
        Dataset<Row> backbone = spark.read().parquet(r.table + "/backbone");
        NeuralGraph g = BackboneGraph.collect(nodes, backbone, r.nodes, r.backboneEdges)
                .withGraphAttributes(r.graphAttributes(epoch));
        Workspace ws = project.importGraph(g, name, monitor);
        GraphModel gm = project.graphModel(ws);
        ForceAtlas2Runner.run(gm, s.layoutIterations, monitor);
        GraphStyle.colourBy(gm, Names.LAYER);
        GraphStyle.sizeByWeightedDegree(gm);
        GraphStyle.colourEdges(gm);
        monitor.start("exporting " + name, s.formats.size());
        List<String> files = new ArrayList<>();
        for (Path f : GraphFiles.write(ws, gm, outDir.resolve("graphs"), base, name, s.formats)) files.add(outDir.relativize(f).toString());
        return files;
    }

}
