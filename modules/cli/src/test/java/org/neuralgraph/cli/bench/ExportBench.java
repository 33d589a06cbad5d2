package org.neuralgraph.cli.bench;

import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.io.FileTrees;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;
import org.neuralgraph.dl4j.Dl4jWeights;
import org.neuralgraph.dl4j.ModelFactory;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.gephi.GephiMetrics;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.pipeline.study.GraphFiles;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files of one checkpoint of the 44,700-edge weight graph of 784-50-50-50-10 (target: all of them under 3 s):
 * the default formats (GEXF, PDF and SVG, each figure also as its strongest-weights view) and every format, each the
 * best of 3 runs after a warm-up; beside networkx writing the same graph as GEXF and GraphML when Debian's
 * python3-networkx is installed. Only this section: {@code Benchmarks export}.
 */
final class ExportBench {

    private ExportBench() { }

    static void run() throws Exception {
        NeuralGraph g = WeightGraph.build(Dl4jWeights.extract(ModelFactory.build(ModelSpec.preset("mlp-seed000")), "mlp-seed000"), Sparsification.none());
        GephiProject p = GephiProject.fresh();
        Workspace ws = p.importGraph(g, "export bench", ProgressMonitor.NONE);
        GraphModel gm = p.graphModel(ws);
        GephiMetrics.compute(gm, ProgressMonitor.NONE);
        ModularitySweep.run(gm, new double[]{1.0}, 1.0, ProgressMonitor.NONE);
        GraphStyle.colourBy(gm, "modularity_class");
        GraphStyle.sizeByWeightedDegree(gm);
        GraphStyle.colourEdges(gm);
        Path dir = Files.createTempDirectory("neuralgraph-export-bench");
        try {
            double defaults = best(ws, gm, dir, EnumSet.of(GraphFiles.Format.GEXF, GraphFiles.Format.PDF, GraphFiles.Format.SVG));
            double all = best(ws, gm, dir, EnumSet.of(GraphFiles.Format.GEXF, GraphFiles.Format.GRAPHML, GraphFiles.Format.CSV,
                    GraphFiles.Format.PDF, GraphFiles.Format.SVG, GraphFiles.Format.PNG));
            double data = best(ws, gm, dir, EnumSet.of(GraphFiles.Format.GEXF, GraphFiles.Format.GRAPHML));
            System.out.printf(Locale.ROOT, "export, one checkpoint of %d nodes and %d edges: gexf+pdf+svg %.2f s, every format %.2f s "
                    + "(target 3 s: ratio %.2f); GEXF + GraphML %.2f s; SVG %.1f MB, PDF %.2f MB%n", g.nodeCount(), g.edgeCount(), defaults, all,
                    all / 3, data, Files.size(dir.resolve("w.svg")) / 1e6, Files.size(dir.resolve("w.pdf")) / 1e6);
            networkx(dir, data);
        } finally {
            FileTrees.delete(dir);
        }
    }

    private static double best(Workspace ws, GraphModel gm, Path dir, Set<GraphFiles.Format> formats) throws Exception {
        GraphFiles.write(ws, gm, dir, "w", "bench", formats); // warm-up
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            GraphFiles.write(ws, gm, dir, "w", "bench", formats);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    /** networkx 2.8 writing the same graph (read from our GraphML, not timed) as GEXF and GraphML, best of 3. */
    private static void networkx(Path dir, double ours) throws Exception {
        File python = new File("/usr/bin/python3");
        if (!python.canExecute()) {
            System.out.println("  networkx: not measured (/usr/bin/python3 not found)");
            return;
        }
        String script = String.join("\n", "import sys, time, networkx as nx",
                "g = nx.read_graphml(sys.argv[1] + '/w.graphml')",
                "best = 1e9",
                "for i in range(3):",
                "    t = time.time(); nx.write_gexf(g, sys.argv[1] + '/nx.gexf'); nx.write_graphml(g, sys.argv[1] + '/nx.graphml'); best = min(best, time.time() - t)",
                "print('networkx %.3f' % best)");
        Process pr = new ProcessBuilder(python.getPath(), "-c", script, dir.toString()).redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        pr.waitFor(300, TimeUnit.SECONDS);
        if (!out.startsWith("networkx ")) {
            System.out.println("  networkx: not measured (" + out.replaceAll("\\s+", " ") + ")");
            return;
        }
        double theirs = Double.parseDouble(out.substring("networkx ".length()));
        System.out.printf(Locale.ROOT, "  networkx 2.8 writes the same graph as GEXF + GraphML in %.2f s: ours/networkx %.2f%n", theirs, ours / theirs);
    }
}
