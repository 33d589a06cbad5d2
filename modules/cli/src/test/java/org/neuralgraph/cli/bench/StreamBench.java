package org.neuralgraph.cli.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 25's streaming figures ({@code -Dbench.data=stream}): two 100-million-weight-class ONNX models, an MLP
 * 784-8000-8000-10 (70.4 M weights) and a GPT-2-small-sized transformer (124 M parameters, 163 M weights in the file
 * with the tied head's transposed copy), each through {@code neuralgraph weights --stream --granularity neuron} (degree
 * and strength distributions, per-layer statistics, the disparity backbone at the auto level) in a child JVM with
 * {@code -Xmx8g}: wall time, the study's own peak heap (MemoryPoolMXBean peaks) and the backbone; beside numpy computing
 * the same degrees, strengths, layer statistics and disparity test from the same file ({@code bench/stream_numpy.py}),
 * and the ratio. Models are made into {@code -Dbench.big=DIR} (default /tmp/onnx-big) by {@code bench/stream_models.py}
 * when missing (needs /usr/bin/python3 with torch and onnx).
 */
final class StreamBench {

    private StreamBench() { }

    static void run() throws Exception {
        Path dir = Paths.get(System.getProperty("bench.big", "/tmp/onnx-big"));
        String[] models = {"mlp-784-8000-8000-10", "gpt2-small"};
        if (!Files.exists(dir.resolve(models[0] + ".onnx")) || !Files.exists(dir.resolve(models[1] + ".onnx"))) {
            System.out.println("making the bench's models into " + dir + " (bench/stream_models.py, a few minutes)");
            print(new ProcessBuilder("/usr/bin/python3", "bench/stream_models.py", dir.toString()).redirectErrorStream(true).start(), "  ", "Warning");
        }
        System.out.println("streaming weight graphs (issue 25): neuralgraph weights --stream under -Xmx8g beside numpy ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        for (String m : models) {
            Path file = dir.resolve(m + ".onnx");
            if (!Files.exists(file)) { System.out.println("  " + file + " missing: skipped"); continue; }
            Path out = Files.createTempDirectory("stream-bench-").resolve("out");
            List<String> cmd = new ArrayList<>(Arrays.asList("java", "-Xmx8g", "-Xmn600m", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                    "--add-opens", "java.base/java.net=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "org.neuralgraph.cli.Main",
                    "weights", "--model", file.toString(), "--granularity", "neuron", "--stream", "--formats", "gexf", "--out", out.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = print(p, null, null);
            int rc = p.waitFor();
            double ours = (System.nanoTime() - t0) / 1e9;
            if (rc != 0 || !Files.exists(out.resolve("report.json"))) {
                System.out.println("  " + m + ": neuralgraph failed (exit " + rc + "):\n" + log);
                continue;
            }
            String report = new String(Files.readAllBytes(out.resolve("report.json")), StandardCharsets.UTF_8);
            double peak = number(report, "peak_heap_mb"), edges = number(report, "weight_edges"), backbone = number(report, "backbone_edges");
            System.out.printf(Locale.ROOT, "  %-22s %,.0f weight edges (%.0f MB file): neuralgraph %.1f s wall (read %.1f s, analysis %.1f s), "
                            + "peak heap %.0f MB (%.1f bytes per edge), backbone %,.0f edges (%s)%n",
                    m, edges, Files.size(file) / 1048576.0, ours, number(report, "seconds_read"), number(report, "seconds_analyse"), peak,
                    peak * 1048576.0 / edges, backbone, string(report, "sparsification"));
            long t1 = System.nanoTime();
            double level = Double.parseDouble(string(report, "sparsification").replaceFirst("^disparity:", "").replace("none", "0.05"));
            Process np = new ProcessBuilder("/usr/bin/python3", "bench/stream_numpy.py", file.toString(), String.valueOf(level)).redirectErrorStream(true).start();
            String npOut = print(np, null, null);
            np.waitFor();
            double numpy = (System.nanoTime() - t1) / 1e9;
            String last = npOut.trim().isEmpty() ? "" : npOut.trim().substring(npOut.trim().lastIndexOf('\n') + 1);
            System.out.printf(Locale.ROOT, "  %-22s numpy %.1f s wall (%s); neuralgraph / numpy = %.2f%n", "", numpy, last, ours / numpy);
            for (String f : new String[]{"report.md", "layers.csv"}) Files.copy(out.resolve(f), Paths.get("target", "stream-bench-" + m + "-" + f),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static double number(String json, String key) {
        Matcher x = Pattern.compile("\"" + key + "\"\\s*:\\s*([-0-9.eE]+)").matcher(json);
        return x.find() ? Double.parseDouble(x.group(1)) : Double.NaN;
    }

    private static String string(String json, String key) {
        Matcher x = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return x.find() ? x.group(1) : "";
    }

    /** The process's output, each line echoed with {@code prefix} (not when null) unless it contains {@code skip}. */
    private static String print(Process p, String prefix, String skip) throws Exception {
        StringBuilder b = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                b.append(line).append('\n');
                if (prefix != null && (skip == null || !line.contains(skip))) System.out.println(prefix + line);
            }
        }
        return b.toString();
    }
}
