package org.neuralgraph.cli.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.neuralgraph.core.activation.ActivationPatternGraph;
import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.TrainTestData;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.io.FileTrees;
import org.neuralgraph.core.cluster.ClusterCut;
import org.neuralgraph.core.mapper.FilterPreprocessing;
import org.neuralgraph.core.mapper.Lens;
import org.neuralgraph.core.mapper.MapperGraph;
import org.neuralgraph.core.mapper.MapperParameters;
import org.neuralgraph.core.mapper.MapperResult;
import org.neuralgraph.core.geometry.Metric;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.core.stats.ActivationEntropy;
import org.neuralgraph.core.stats.OverlappingModularity;
import org.neuralgraph.core.stats.SmallWorld;
import org.neuralgraph.core.stats.UndirectedWeights;
import org.neuralgraph.core.weights.ModelWeights;
import org.neuralgraph.core.weights.Sparsification;
import org.neuralgraph.core.weights.WeightGraph;
import org.neuralgraph.dl4j.ActivationRecorder;
import org.neuralgraph.dl4j.Dl4jWeights;
import org.neuralgraph.dl4j.ModelFactory;
import org.neuralgraph.dl4j.ModelSpec;
import org.neuralgraph.dl4j.Trainer;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.gephi.WorkspaceImporter;
import org.openide.util.Lookup;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 2's speed figures, printed as ratios against their baselines (run with {@code mvn -Pbench -pl modules/cli
 * verify}, see the README). Not a test: timings on a shared 2-core machine vary, so nothing here fails a build.
 * <ol>
 *   <li>seconds per training epoch of mlp-seed000 (784-50-50-50-10) and mlp-512 (784-512-512-10) on the 60,000
 *       Fashion-MNIST training images, batch 64, beside PyTorch on the same models when Debian's python3-torch is
 *       installed ({@code modules/cli/bench/torch_epoch.py}); the same for the LeNet preset (issue 6); each at 1 and at
 *       2 math threads ({@code OMP_NUM_THREADS}), and the ratio of each framework's better one. Only this section:
 *       {@code Benchmarks train};</li>
 *   <li>building the 668,672-edge weight graph of 784-512-512-10, importing it into Gephi, and one run of Gephi's
 *       Modularity on it (measured here before: about 30 s);</li>
 *   <li>issue 4's statistics; issue 5's activation pattern graph against the forward pass that recorded it;</li>
 *   <li>issue 7's Mapper (Brüel Gabrielsson): 1,280 points in R^25, 2 PCA lenses, 10 x 10 intervals, under 0.5 s, beside gudhi
 *       on the same points when Debian's python3-gudhi is installed ({@code modules/cli/bench/gudhi_mapper.py}).
 *       Only this section: {@code Benchmarks mapper}.</li>
 *   <li>issue 11's ONNX load ({@link OnnxLoadBench}): a 5 million-parameter ONNX file into its weight graph and into a
 *       DL4J network, beside the same network as a DL4J zip. Only this section: {@code Benchmarks onnx}.</li>
 *   <li>issue 24's ONNX activations ({@link OrtActivationsBench}): every hidden layer of a full-size ResNet-18 through
 *       onnxruntime, beside PyTorch's forward hooks. Only this section: {@code Benchmarks ort}.</li>
 *   <li>the files of one checkpoint of the 44,700-edge weight graph ({@link ExportBench}), beside networkx writing the
 *       same graph. Only this section: {@code Benchmarks export}.</li>
 *   <li>issue 24's ResNet-18 channel graph from ONNX and into Gephi ({@link ResNetBench}), beside networkx. Only this
 *       section: {@code Benchmarks resnet18}.</li>
 *   <li>issue 25's Leiden communities and distances on the 668,672-edge weight graph ({@link LeidenBench}), beside igraph's
 *       Leiden and Louvain, Gephi's Modularity and GraphDistance. Only this section: {@code Benchmarks leiden}.</li>
 * </ol>
 */
public final class Benchmarks {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("mapper")) {
            mapper();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("onnx")) {
            OnnxLoadBench.run();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("ort")) {
            OrtActivationsBench.run(ImageDataSource.FASHION_MNIST);
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("resnet18")) {
            ResNetBench.run();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("leiden")) {
            LeidenBench.run();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("export")) {
            ExportBench.run();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("train")) {
            training(ImageDataSource.FASHION_MNIST);
            System.exit(0);
        }
        if (args.length > 1 && args[0].equals("epochs")) { // the child JVM of training()
            epochs(ImageDataSource.load(Paths.get(args[1]), 0.2, 1));
            System.exit(0);
        }
        Path dir = args.length > 0 ? Paths.get(args[0]) : ImageDataSource.FASHION_MNIST;
        System.out.println("neuralgraph benchmarks (" + Runtime.getRuntime().availableProcessors() + " cores, OMP_NUM_THREADS="
                + System.getenv("OMP_NUM_THREADS") + ", OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY") + ")");
        TrainTestData data = ImageDataSource.load(dir, 0.2, 1);
        System.out.println("data: " + data.description());

        training(dir);

        ModelWeights w = Dl4jWeights.extract(ModelFactory.build(ModelSpec.preset("mlp-512")), "mlp-512");
        long t0 = System.nanoTime();
        NeuralGraph g = WeightGraph.build(w, Sparsification.none());
        double build = (System.nanoTime() - t0) / 1e9;
        Lookup.getDefault().lookup(ProjectController.class).newProject();
        t0 = System.nanoTime();
        Workspace ws = WorkspaceImporter.importGraph(g, "bench", ProgressMonitor.NONE);
        double imp = (System.nanoTime() - t0) / 1e9;
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        t0 = System.nanoTime();
        ModularitySweep.run(gm, new double[]{1.0}, 1.0, ProgressMonitor.NONE);
        double mod = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "weight graph 784-512-512-10: %d nodes, %d edges; build %.2f s, Gephi import %.2f s "
                        + "(baseline 8-9 s: ratio %.2f), Gephi Modularity %.1f s (baseline 30 s: ratio %.2f)%n",
                g.nodeCount(), g.edgeCount(), build, imp, imp / 8.5, mod, mod / 30);
        statistics(g);
        activationPatternGraphs(data);
        mapper();
        OnnxLoadBench.run();
        ExportBench.run();
        System.exit(0);
    }

    /** Issue 4's targets: each figure is the best of 5 runs after a warm-up. */
    private static void statistics(NeuralGraph mlp) {
        java.util.Random r = new java.util.Random(1);
        UndirectedWeights w = UndirectedWeights.of(mlp);
        int[][] cover = new int[mlp.nodeCount()][];
        for (int v = 0; v < cover.length; v++) cover[v] = v % 7 == 0 ? new int[]{v % 10, (v + 1) % 10} : new int[]{v % 10};
        double chen = best(() -> OverlappingModularity.chen(w, cover));
        System.out.printf(Locale.ROOT, "Chen's weighted overlapping modularity, 784-512-512-10 graph, 10 communities: %.4f s "
                + "(numpy baseline 0.012 s: ratio %.2f, target <= 1)%n", chen, chen / 0.012);
        float[] f = new float[60_000 * 512];
        for (int i = 0; i < f.length; i++) f[i] = r.nextFloat() < 0.5f ? 0 : r.nextFloat();
        double entropy = best(() -> ActivationEntropy.perNeuron(f, 60_000, 512, 10));
        System.out.printf(Locale.ROOT, "activation entropy of 60,000 x 512: %.3f s (numpy 1.1 s: ratio %.2f; target 0.3 s)%n", entropy, entropy / 1.1);
        int n = 2000;
        java.util.List<int[]> edges = new java.util.ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int v = 0; v < n; v++) {
            for (int j = 1; j <= 5; j++) {
                int u = (v + j) % n;
                if (r.nextDouble() < 0.1) u = r.nextInt(n);
                long key = (long) Math.min(u, v) * n + Math.max(u, v);
                if (u != v && seen.add(key)) edges.add(new int[]{v, u});
            }
        }
        int[] s = new int[edges.size()], t = new int[edges.size()];
        double[] ones = new double[edges.size()];
        for (int e = 0; e < s.length; e++) { s[e] = edges.get(e)[0]; t[e] = edges.get(e)[1]; ones[e] = 1; }
        UndirectedWeights ws = UndirectedWeights.of(n, s, t, ones);
        double apl = best(() -> SmallWorld.averageShortestPathLength(ws));
        double sw = best(() -> SmallWorld.of(ws, 5, 5, 1));
        System.out.printf(Locale.ROOT, "Watts-Strogatz n=%d m=%d: average path length %.3f s (igraph 0.11 s: ratio %.2f); "
                + "sigma and omega (niter 5, nrand 5) %.2f s (target 2 s; networkx: about 110-120 s for sigma at n=200)%n",
                n, edges.size(), apl, apl / 0.11, sw);
    }

    /**
     * Issue 5's target: building one layer's activation pattern graph (S = 50) from the recorded activations of the
     * 60,000 training images costs no more than the forward pass that recorded them (best of 3 after a warm-up).
     * The network is mlp-512 after one epoch of training, so that its activations have a trained network's sparsity.
     */
    private static void activationPatternGraphs(TrainTestData data) throws Exception {
        ModelSpec spec = ModelSpec.preset("mlp-512");
        spec.epochs = 1;
        Path tmp = Files.createTempDirectory("bench-run");
        TrainingRun run = Trainer.train(spec, data, 2, tmp.resolve("run"), false, ProgressMonitor.NONE);
        MultiLayerNetwork net = run.checkpoints().get(1).load();
        List<LayerActivations> acts = new ArrayList<>();
        double forward = best(3, () -> {
            acts.clear();
            acts.addAll(ActivationRecorder.record(net, data.train(), ProgressMonitor.NONE));
            return acts;
        });
        for (LayerActivations a : acts) {
            double graph = best(3, () -> ActivationPatternGraph.build(a, 50));
            NeuralGraph g = ActivationPatternGraph.build(a, 50).graph();
            System.out.printf(Locale.ROOT, "activation pattern graph %s of %,d x %d activations (S=50: %d nodes, %d edges): build %.3f s; "
                            + "the forward pass that recorded both layers %.3f s: ratio %.3f (target <= 1)%n",
                    a.layerName(), a.samples(), a.neurons(), g.nodeCount(), g.edgeCount(), graph, forward, graph / forward);
        }
        FileTrees.delete(tmp);
    }

    /**
     * Issue 7's target: the Mapper of 1,280 points in R^25 with 2 lenses and 10 x 10 intervals in under 0.5 s (best of 5
     * after a warm-up). The points are synthetic first-layer filters with the structure Brüel Gabrielsson finds: 5 x 5 step edges
     * tanh(x cos t + y sin t) at uniform random angles, plus N(0, 0.2^2) per weight, each row standardised as
     * {@link MapperGraph#ofFilters} does; the defaults ({@link MapperParameters#defaults()}) are timed. Then the same
     * points go to {@code gudhi_mapper.py} with Debian's python3: gudhi's MapperComplex where it exists (gudhi >= 3.8),
     * else the script's stand-in for it, and gudhi's C++ CoverComplex Nerve with one lens; to compare like with like our
     * Mapper is timed again with gudhi's settings: the Euclidean metric and single linkage at one fixed epsilon (the one
     * our default rule picks on these points), for 2 PCA lenses and for 1.
     */
    static void mapper() throws Exception {
        int n = 1280;
        double noise = 0.2;
        double[][] points = FilterPreprocessing.standardise(edgeFilters(n, noise, 7));
        MapperParameters defaults = MapperParameters.defaults();
        MapperResult[] result = new MapperResult[1];
        double ours = best(() -> result[0] = MapperGraph.build(points, defaults));
        MapperResult r = result[0];
        System.out.printf(Locale.ROOT, "Mapper of %,d step-edge filters in R^25 (5 x 5 at random angles, noise %.1f, rows standardised), 2 PCA lenses, "
                        + "10 x 10 intervals, overlap 0.5, defaults (variance-normalised metric, one epsilon from the whole cloud): %.3f s "
                        + "(target 0.5 s: ratio %.2f); %d nodes, %d edges, components %d, betti_1 %d%n",
                n, noise, ours, ours / 0.5, r.nodeCount(), r.graph().edgeCount(), r.components(), r.betti1());

        double epsilon = ClusterCut.firstEmptyBinOfCloud(ClusterCut.DEFAULT_BINS).fittedTo(points).threshold(new double[0], 0);
        MapperParameters two = defaults.withMetric(Metric.EUCLIDEAN).withClusterCut(ClusterCut.fixedEpsilon(epsilon));
        MapperParameters one = two.withLens(Lens.pca(1));
        double ours2 = best(() -> result[0] = MapperGraph.build(points, two));
        MapperResult r2 = result[0];
        double ours1 = best(() -> result[0] = MapperGraph.build(points, one));
        MapperResult r1 = result[0];
        System.out.printf(Locale.ROOT, "  with gudhi's settings (Euclidean, single linkage at epsilon = %.6g): ours 2 PCA lenses 10 x 10 %.3f s "
                        + "(%d nodes, %d edges), 1 PCA lens 10 intervals %.3f s (%d nodes, %d edges)%n",
                epsilon, ours2, r2.nodeCount(), r2.graph().edgeCount(), ours1, r1.nodeCount(), r1.graph().edgeCount());

        Map<String, String[]> gudhi = gudhiMapper(points, epsilon);
        String[] m = gudhi.containsKey("mapper2d") ? gudhi.get("mapper2d") : gudhi.get("standin2d");
        if (m != null) {
            double t = Double.parseDouble(m[1]);
            System.out.printf(Locale.ROOT, "  %s: %.3f s (%s nodes, %s edges): ratio ours/gudhi %.2f%n",
                    m[0].equals("mapper2d") ? "gudhi MapperComplex, 2 PCA lenses 10 x 10" : "python stand-in for gudhi's MapperComplex (not in gudhi "
                            + "3.7.1), 2 PCA lenses 10 x 10", t, m[2], m[3], ours2 / t);
        }
        String[] c = gudhi.get("nerve1d");
        if (c != null) {
            double t = Double.parseDouble(c[1]);
            System.out.printf(Locale.ROOT, "  gudhi CoverComplex Nerve (C++), 1 PCA lens 10 intervals: %.3f s (%s nodes, %s edges): ratio ours/gudhi %.2f%n",
                    t, c[2], c[3], ours1 / t);
        }
    }

    /**
     * n 5 x 5 step-edge filters tanh(x cos t + y sin t) (x right, y up, centred) at uniform random angles t, plus
     * N(0, noise^2) per weight: a circle of filters, as Brüel Gabrielsson finds in trained first layers.
     */
    static double[][] edgeFilters(int n, double noise, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] f = new double[n][25];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * r.nextDouble(), c = Math.cos(t), s = Math.sin(t);
            for (int row = 0; row < 5; row++) {
                for (int col = 0; col < 5; col++) f[i][row * 5 + col] = Math.tanh((col - 2) * c + (2 - row) * s) + noise * r.nextGaussian();
            }
        }
        return f;
    }

    /**
     * Runs gudhi_mapper.py with Debian's python3 on the points (written to a temporary CSV) and epsilon: its
     * measurements by name ({@code name seconds nodes edges ...}); every other line it prints is echoed.
     */
    private static Map<String, String[]> gudhiMapper(double[][] points, double epsilon) throws Exception {
        Map<String, String[]> out = new HashMap<>();
        File script = new File("bench/gudhi_mapper.py");
        if (!script.isFile()) script = new File("modules/cli/bench/gudhi_mapper.py");
        File python = new File("/usr/bin/python3");
        if (!script.isFile() || !python.canExecute()) {
            System.out.println("  gudhi: not measured (" + (script.isFile() ? "/usr/bin/python3 not found" : "bench/gudhi_mapper.py not found") + ")");
            return out;
        }
        Path csv = Files.createTempFile("mapper-points", ".csv");
        try {
            StringBuilder b = new StringBuilder();
            for (double[] p : points) {
                for (int j = 0; j < p.length; j++) b.append(j > 0 ? "," : "").append(p[j]);
                b.append('\n');
            }
            Files.write(csv, b.toString().getBytes(StandardCharsets.UTF_8));
            Process p = new ProcessBuilder(python.getPath(), script.getPath(), csv.toString(), Double.toString(epsilon), "10", "0.5")
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.trim().split("\\s+", 5);
                    if (f.length >= 4 && f[1].matches("[0-9.]+") && (f[0].equals("mapper2d") || f[0].equals("standin2d") || f[0].equals("nerve1d"))) {
                        out.put(f[0], f);
                    }
                    System.out.println("  gudhi: " + line);
                }
            }
            p.waitFor();
        } finally {
            Files.deleteIfExists(csv);
        }
        return out;
    }

    private static double best(java.util.function.Supplier<?> work) {
        return best(5, work);
    }

    private static double best(int runs, java.util.function.Supplier<?> work) {
        work.get();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static final String[] TRAINED = {"mlp-seed000", "mlp-512", "lenet"};

    /**
     * Seconds per epoch at 1 and at 2 math threads, DL4J and PyTorch alike: on this 2-core machine one thread was the
     * faster for both (PyTorch 1.2 s against 3.3 s per mlp-seed000 epoch on one day), so a ratio at a single thread
     * count says little. OpenMP reads {@code OMP_NUM_THREADS} once, when the process starts: each DL4J thread count
     * runs in a child JVM ({@code Benchmarks epochs DIR}) with bin/neuralgraph's JavaCPP and heap settings, PyTorch gets the
     * same variable ({@code torch_epoch.py}).
     */
    private static void training(Path dir) throws Exception {
        // PyTorch 1.13 seconds per epoch measured once on this kind of machine (issue 2), for when it is not installed
        Map<String, Double> recorded = new HashMap<>();
        recorded.put("mlp-seed000", 1.0);
        recorded.put("mlp-512", 5.0);
        recorded.put("lenet", 7.6); // issue 6: PyTorch 1.13, Fashion-MNIST, batch 64, 2 threads
        Map<String, Double> bestDl4j = new HashMap<>(), bestTorch = new HashMap<>();
        for (int threads : new int[]{1, 2}) {
            Map<String, Double> torch = secondsPerEpoch(dir, threads, "/usr/bin/python3", "bench/torch_epoch.py", dir.toString());
            Map<String, Double> dl4j = secondsPerEpoch(dir, threads, Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx8g", "-Xmn600m", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-cp", System.getProperty("java.class.path"), Benchmarks.class.getName(), "epochs", dir.toString());
            for (String preset : TRAINED) {
                Double d = dl4j.get(preset), t = torch.get(preset);
                if (d == null) continue;
                bestDl4j.merge(preset, d, Math::min);
                if (t != null) bestTorch.merge(preset, t, Math::min);
                System.out.printf(Locale.ROOT, "train %-12s %d thread%s  DL4J %.2f s/epoch (best of epochs 1-3)%s%n",
                        preset, threads, threads == 1 ? " " : "s", d,
                        t == null ? String.format(Locale.ROOT, "; PyTorch not measured here, recorded %.1f s (2 threads): ratio %.2f",
                                recorded.get(preset), d / recorded.get(preset))
                                : String.format(Locale.ROOT, "  PyTorch %.2f s/epoch: ratio %.2f", t, d / t));
            }
        }
        for (String preset : TRAINED) {
            if (bestDl4j.containsKey(preset) && bestTorch.containsKey(preset)) {
                System.out.printf(Locale.ROOT, "train %-12s best thread count of each: DL4J %.2f s, PyTorch %.2f s: ratio %.2f (target <= 2)%n",
                        preset, bestDl4j.get(preset), bestTorch.get(preset), bestDl4j.get(preset) / bestTorch.get(preset));
            }
        }
    }

    /**
     * In the child JVM: trains each preset for 3 epochs and prints "{@code <preset> <best seconds per epoch>}". A warm-up
     * of 1,000 batches first, so that the figure is the steady state of a long run (the presets train 10-20 epochs), not
     * the JIT compiling DL4J and ND4J during the first epochs (PyTorch's kernels are compiled ahead of time).
     */
    private static void epochs(TrainTestData data) throws Exception {
        for (String preset : TRAINED) {
            ModelSpec spec = ModelSpec.preset(preset);
            Trainer.trainBatches(spec, data, 1_000, ProgressMonitor.NONE);
            spec.epochs = 3;
            Path tmp = Files.createTempDirectory("bench-run");
            TrainingRun run = Trainer.train(spec, data, 4, tmp.resolve("run"), false, ProgressMonitor.NONE);
            double best = Double.MAX_VALUE;
            for (int i = 1; i < run.checkpoints().size(); i++) best = Math.min(best, run.checkpoints().get(i).secondsPerEpoch());
            System.out.printf(Locale.ROOT, "%s %.3f%n", preset, best);
            FileTrees.delete(tmp);
        }
    }

    /**
     * Runs a command that prints "{@code <preset> <seconds>}" lines with {@code OMP_NUM_THREADS=threads}; other lines
     * are passed through. Empty when the command cannot run (torch_epoch.py prints "skip:" without python3-torch).
     */
    private static Map<String, Double> secondsPerEpoch(Path dir, int threads, String... command) throws Exception {
        Map<String, Double> out = new HashMap<>();
        if (command[1].endsWith(".py") && (!new File(command[1]).isFile() || !new File(command[0]).canExecute())) return out;
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[1].matches("[0-9.]+")) out.put(f[0], Double.parseDouble(f[1]));
                else if (!line.contains(" INFO ") && !line.startsWith("SLF4J")) System.out.println("  " + command[command.length - 2] + ": " + line);
            }
        }
        p.waitFor();
        return out;
    }
}
