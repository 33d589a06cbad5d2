package org.neuralgraph.cli.bench;

import org.neuralgraph.core.activation.LayerActivations;
import org.neuralgraph.core.data.ImageDataSource;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.OnnxRuntimeActivations;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Issue 24's onnxruntime figure: every hidden layer (17, {@link org.neuralgraph.dl4j.OnnxHiddenLayers}) of the full-size
 * ResNet-18 ({@code /tmp/onnx-full/resnet18.onnx}, made by {@code sample-models/onnx/make-onnx.py}'s {@code full} when
 * missing) recorded over N test images (system property {@code bench.n}, default 2,000; 28x28 digits in a 2-pixel border,
 * grey on 3 channels) by {@link OnnxRuntimeActivations}, beside PyTorch doing the same with forward hooks in the same run
 * ({@code modules/cli/bench/torch_hidden_layers.py}). Each figure is the best of 3 after a warm-up; both sides keep
 * each channel's mean over the positions, in batches of 256, on every processor.
 */
final class OrtActivationsBench {

    private OrtActivationsBench() { }

    static void run(Path data) throws Exception {
        Path full = Paths.get("/tmp/onnx-full");
        Path model = full.resolve("resnet18.onnx");
        if (!Files.isRegularFile(model)) {
            Path script = Paths.get("../../sample-models/onnx/make-onnx.py").toAbsolutePath().normalize();
            System.out.println("making " + model + " with " + script + " (full-size models only)");
            exec(new ProcessBuilder("/usr/bin/python3", "-c", "import importlib.util, sys; s = importlib.util.spec_from_file_location('m', sys.argv[1]); "
                    + "m = importlib.util.module_from_spec(s); s.loader.exec_module(m); m.full(sys.argv[2])", script.toString(), full.toString()));
        }
        int n = Integer.getInteger("bench.n", 2000);
        LabeledImages test = ImageDataSource.load(data, 0.2, 1).test();
        LabeledImages images = test.subset(IntStream.range(0, Math.min(n, test.size())).toArray());
        n = images.size();
        OnnxRuntimeActivations ort = OnnxRuntimeActivations.open(model);
        List<LayerActivations> acts = ort.activations(images, ProgressMonitor.NONE); // warm-up
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            ort.activations(images, ProgressMonitor.NONE);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        Path f32 = Files.createTempFile("bench-ort", ".f32");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f32)))) {
            float[] px = images.pixels();
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < 3; c++) {
                    for (int r = 0; r < 32; r++) {
                        for (int col = 0; col < 32; col++) {
                            boolean in = r >= 2 && r < 30 && col >= 2 && col < 30;
                            out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(in ? px[s * 784 + (r - 2) * 28 + col - 2] : 0f)));
                        }
                    }
                }
            }
        }
        ProcessBuilder torch = new ProcessBuilder("/usr/bin/python3", "bench/torch_hidden_layers.py", f32.toString(), Integer.toString(n));
        torch.environment().put("OMP_NUM_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String line = exec(torch);
        Files.delete(f32);
        System.out.printf(Locale.ROOT, "onnxruntime: ResNet-18 (%.0f MB), every hidden layer (%d: %s ... %s), %,d images: %.2f s (%.2f ms per image)%n",
                Files.size(model) / 1e6, acts.size(), acts.get(0).layerName(), acts.get(acts.size() - 1).layerName(), n, best, 1000 * best / n);
        if (line.startsWith("torch ")) {
            String[] f = line.split(" ");
            double t = Double.parseDouble(f[1]);
            System.out.printf(Locale.ROOT, "PyTorch forward hooks, the same %s layers: %.2f s; ratio onnxruntime/PyTorch %.2f%n", f[2], t, best / t);
        } else {
            System.out.println("PyTorch: " + line);
        }
    }

    /** Runs {@code p}, returns its last line of output; fails on a non-zero exit. */
    private static String exec(ProcessBuilder p) throws Exception {
        p.redirectErrorStream(true);
        Process proc = p.start();
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) if (!l.isBlank()) last = l;
        }
        if (proc.waitFor() != 0) throw new IllegalStateException(String.join(" ", p.command()) + " failed: " + last);
        return last;
    }
}
