package org.neuralgraph.cli.bench;

import org.gephi.project.api.ProjectController;
import org.neuralgraph.core.dag.DagWeightGraph;
import org.neuralgraph.core.dag.Granularity;
import org.neuralgraph.core.dag.KernelNorm;
import org.neuralgraph.core.dag.NetworkDag;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.dl4j.OnnxDag;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Issue 24 item 6: torchvision's ResNet-18 (10 classes, 3x32x32, exported by PyTorch 1.13 at opset 13) read from ONNX and
 * built into its channel graph (target under 5 s), then imported into a Gephi workspace (target under 20 s); beside
 * networkx building the same edge list from numpy ({@code modules/cli/bench/networkx_build.py}, Debian's
 * python3-networkx) when it is installed. The file is {@code -Dbench.onnx=PATH}, else /tmp/onnx-full/resnet18.onnx, made by
 * {@code sample-models/onnx/make-onnx.py --full} when missing and /usr/bin/python3 has torch. The full-size MobileNetV2
 * and transformer beside it, when present, are read and counted too. Read and build are the best of 3 after a warm-up.
 */
final class ResNetBench {

    private ResNetBench() { }

    static void run() throws Exception {
        Path file = Paths.get(System.getProperty("bench.onnx", "/tmp/onnx-full/resnet18.onnx"));
        if (!Files.exists(file)) make(file.getParent());
        if (!Files.exists(file)) {
            System.out.println("ResNet-18 bench: " + file + " is missing and could not be made (needs /usr/bin/python3 with torch and "
                    + "torchvision: apt-get install python3-torch python3-torchvision python3-onnx); give one with -Dbench.onnx=PATH");
            return;
        }
        OnnxDag.read(file); // warm-up
        double read = Double.MAX_VALUE, build = Double.MAX_VALUE;
        NetworkDag dag = null;
        NeuralGraph g = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            dag = OnnxDag.read(file);
            long t1 = System.nanoTime();
            g = DagWeightGraph.build(dag, Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
            long t2 = System.nanoTime();
            read = Math.min(read, (t1 - t0) / 1e9);
            build = Math.min(build, (t2 - t1) / 1e9);
        }
        Lookup.getDefault().lookup(ProjectController.class).newProject();
        long t0 = System.nanoTime();
        WorkspaceImporter.importGraph(g, "resnet18", ProgressMonitor.NONE);
        double gephi = (System.nanoTime() - t0) / 1e9;
        long skips = java.util.Arrays.stream(g.edgeColumns().get(DagWeightGraph.KIND).strings()).filter(DagWeightGraph.SKIP::equals).count();
        System.out.printf(Locale.ROOT, "ResNet-18 channel graph (%s, %.0f MB): %,d nodes, %,d edges (%,d skip); ONNX read %.2f s + graph build %.2f s = %.2f s "
                        + "(target 5 s: ratio %.2f); Gephi import %.2f s (target 20 s: ratio %.2f)%n",
                file, Files.size(file) / 1e6, g.nodeCount(), g.edgeCount(), skips, read, build, read + build, (read + build) / 5, gephi, gephi / 20);
        Double nx = networkx(g);
        if (nx != null) {
            System.out.printf(Locale.ROOT, "  networkx building the same %,d edges from numpy: %.2f s; ratio neuralgraph (read + build) / networkx %.2f, "
                    + "Gephi import / networkx %.2f%n", g.edgeCount(), nx, (read + build) / nx, gephi / nx);
        }
        for (String other : new String[]{"mobilenet_v2.onnx", "transformer.onnx"}) {
            Path f = file.resolveSibling(other);
            if (!Files.exists(f)) continue;
            long s = System.nanoTime();
            NetworkDag d = OnnxDag.read(f);
            NeuralGraph c = DagWeightGraph.build(d, Granularity.CHANNEL, KernelNorm.L1, Sparsification.none());
            NeuralGraph b = DagWeightGraph.build(d, Granularity.BLOCK, KernelNorm.L1, Sparsification.none());
            System.out.printf(Locale.ROOT, "  %s: channel graph %,d nodes, %,d edges; block graph %,d nodes, %,d edges; read + build %.2f s%n",
                    other, c.nodeCount(), c.edgeCount(), b.nodeCount(), b.edgeCount(), (System.nanoTime() - s) / 1e9);
        }
        NeuralGraph block = DagWeightGraph.build(dag, Granularity.BLOCK, KernelNorm.L1, Sparsification.none());
        System.out.printf(Locale.ROOT, "  ResNet-18 block graph: %,d nodes, %,d edges%n", block.nodeCount(), block.edgeCount());
    }

    private static void make(Path dir) throws Exception {
        Path script = Paths.get("../../sample-models/onnx/make-onnx.py").toAbsolutePath().normalize();
        if (!new File("/usr/bin/python3").canExecute() || !Files.exists(script) || dir == null) return;
        System.out.println("making the full-size models in " + dir + " with " + script + " (about a minute)");
        Path tmp = Files.createTempDirectory("onnx-small");
        Path copy = tmp.resolve("make-onnx.py"); // the script writes its small models beside itself: not into the repository
        Files.copy(script, copy);
        Process p = new ProcessBuilder("/usr/bin/python3", copy.toString(), "--full", dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) System.out.println("  " + line);
        }
        p.waitFor();
    }

    /** networkx's best of 3, or null when /usr/bin/python3 has no networkx. */
    private static Double networkx(NeuralGraph g) throws Exception {
        Path script = Paths.get("bench/networkx_build.py");
        if (!Files.exists(script) || !new File("/usr/bin/python3").canExecute()) return null;
        int m = g.edgeCount();
        ByteBuffer b = ByteBuffer.allocate(16 * m).order(ByteOrder.LITTLE_ENDIAN);
        for (int e = 0; e < m; e++) b.putInt(g.source(e));
        for (int e = 0; e < m; e++) b.putInt(g.target(e));
        for (int e = 0; e < m; e++) b.putDouble(g.weight(e));
        Path edges = Files.createTempFile("resnet18-edges", ".bin");
        Files.write(edges, b.array());
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), edges.toString(), Integer.toString(g.nodeCount())).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().reduce("", (a, c) -> a + c + "\n");
        }
        p.waitFor();
        Files.delete(edges);
        for (String line : out.split("\n")) if (line.startsWith("networkx build ")) return Double.parseDouble(line.substring(15).trim());
        System.out.println("  networkx peer not run: " + out.trim());
        return null;
    }
}
