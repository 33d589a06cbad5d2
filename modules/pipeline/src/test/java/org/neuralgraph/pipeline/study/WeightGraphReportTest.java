package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.dl4j.Checkpoint;
import org.neuralgraph.dl4j.Dl4jFixtures;
import org.neuralgraph.dl4j.ModelReader;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.gephi.GephiFixtures;
import org.neuralgraph.gephi.GraphMetrics;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weight-graph report's claims (Darnell and Leonard, Section 4, Fig. 2) from hand-made checkpoints: nothing is trained. */
class WeightGraphReportTest {

    private static final String PAPER_LAYERS = "784-50-50-50-10";

    private static WeightGraphStudy.CheckpointResult checkpoint(Checkpoint cp, String layers, GraphMetrics m, ModularitySweep.Result... sweep) {
        WeightGraphStudy.CheckpointResult r = new WeightGraphStudy.CheckpointResult();
        r.checkpoint = cp;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("layers", layers);
        r.graphAttributes = attributes;
        r.metrics = m;
        r.modularity = Arrays.asList(sweep);
        r.files.add("graphs/weights.gexf");
        return r;
    }

    private static GraphMetrics metrics(double weightedDegree, double pathLength) {
        return GephiFixtures.metrics(944, 44_700, 47.35, weightedDegree, 0, 4, pathLength, 1);
    }

    private static WeightGraphStudy.Settings settings() {
        WeightGraphStudy.Settings s = new WeightGraphStudy.Settings();
        s.resolutions = new double[]{0.5, 1.0};
        s.colourResolution = 1.0;
        s.seed = 42;
        s.command = "neuralgraph weights (test)";
        return s;
    }

    /** Untrained and trained: modularity higher at both resolutions, communities fewer at one only. */
    private static WeightGraphStudy.Result trained(String layers) {
        WeightGraphStudy.Result r = new WeightGraphStudy.Result();
        r.checkpoints.add(checkpoint(Dl4jFixtures.checkpoint(0, 0.1, 0.1), layers, metrics(1.15 * 1.02, 2.0794),
                GephiFixtures.modularity(0.5, 0.30, 12), GephiFixtures.modularity(1.0, 0.20, 8)));
        r.checkpoints.add(checkpoint(Dl4jFixtures.checkpoint(20, 0.99, 0.975), layers, metrics(1.90, 2.0794),
                GephiFixtures.modularity(0.5, 0.40, 10), GephiFixtures.modularity(1.0, 0.25, 8)));
        return r;
    }

    private static Claim.Verdict verdict(List<Claim> claims, String id) {
        for (Claim c : claims) if (c.id().equals(id)) return c.verdict();
        throw new AssertionError("no claim " + id);
    }

    @Test
    void untrainedAgainstTrained() {
        List<Claim> c = WeightGraphReport.claims(trained(PAPER_LAYERS), true);
        assertEquals(Arrays.asList("fig2-trained-modularity-higher", "fig2-trained-fewer-communities", "sec4-clustering-zero", "sec4-diameter",
                "sec4-average-path-length", "sec4-weighted-degree-untrained", "sec4-weighted-degree-trained", "sec4-test-accuracy"),
                Arrays.asList(c.stream().map(Claim::id).toArray()));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "fig2-trained-modularity-higher"));
        assertEquals(Claim.Verdict.DIFFERS, verdict(c, "fig2-trained-fewer-communities"), "8 communities at resolution 1.0 before and after");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-clustering-zero"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-diameter"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-average-path-length"), "2.0794 is 2.08 at two decimals");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-weighted-degree-untrained"), "2 % off");
        assertEquals(Claim.Verdict.DIFFERS, verdict(c, "sec4-weighted-degree-trained"), "1.90 is 16 % below 2.25");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-test-accuracy"), "97.5 %");
        assertTrue(c.get(0).text().endsWith("higher at 2 of 2 resolutions, smallest rise 0.0500"), c.get(0).text());
        assertEquals(2, WeightGraphReport.claims(trained("784-16-10"), false).size(), "not the paper's network: Fig. 2 only");
    }

    @Test
    void aLoadedModelCannotCompareUntrainedWithTrained() {
        TrainingRun run = TrainingRun.ofFile(Paths.get("mlp.onnx"), ModelReader.ONNX);
        WeightGraphStudy.Result r = new WeightGraphStudy.Result();
        r.checkpoints.add(checkpoint(run.checkpoints().get(0), PAPER_LAYERS, metrics(2.3, Double.NaN),
                GephiFixtures.modularity(0.5, 0.4, 10), GephiFixtures.modularity(1.0, 0.25, 7)));
        List<Claim> c = WeightGraphReport.claims(r, true);
        for (String id : new String[]{"fig2-trained-modularity-higher", "fig2-trained-fewer-communities", "sec4-weighted-degree-untrained",
                "sec4-weighted-degree-trained", "sec4-test-accuracy", "sec4-average-path-length"}) {
            assertEquals(Claim.Verdict.NOT_MEASURED, verdict(c, id), id);
        }
        assertTrue(c.get(0).note().startsWith("one checkpoint"), c.get(0).note());
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-diameter"), "structure is measured on one checkpoint too");
    }

    @Test
    void reportJsonIsStrictAndCarriesTheClaims(@TempDir Path dir) throws IOException {
        TrainingRun run = TrainingRun.ofFile(Paths.get("mlp.onnx"), ModelReader.ONNX);
        WeightGraphReport report = new WeightGraphReport(run, settings(), trained(PAPER_LAYERS));
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertTrue(json.getAsJsonObject("comparison").has("paper_seed000"), "the old keys stay");
        assertEquals(2, json.getAsJsonArray("checkpoints").size());
        assertEquals(8, StrictJson.claimIds(json).size());
        assertEquals("differs", StrictJson.verdict(json, "sec4-weighted-degree-trained"));
        JsonObject counts = json.getAsJsonObject("claim_counts");
        assertEquals(6, counts.get("agrees").getAsInt());
        assertEquals(2, counts.get("differs").getAsInt());
        assertEquals(0, counts.get("not_measured").getAsInt());
        JsonObject first = json.getAsJsonArray("checkpoints").get(0).getAsJsonObject();
        assertTrue(first.get("test_loss").isJsonNull() && first.has("test_loss_note"), "a NaN loss is null with its note");
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's claims") && md.contains("- **differs**: Fig. 2: the trained network has fewer communities")
                && md.contains("Verdicts: agrees: 6, differs: 2, not measured: 0."), md);
        assertTrue(md.contains("| average path length | 2.08 | 2.0794 |"), "the table beside the paper stays");
        assertTrue(report.summary().contains("agrees:       Fig. 2: the trained network has a higher modularity at every resolution (paper: higher at every resolution shown): "), report.summary());
        assertEquals("epoch,resolution,modularity,communities", Files.readAllLines(dir.resolve("modularity.csv")).get(0));
    }

    @Test
    void oneCheckpointReportIsStrictToo(@TempDir Path dir) throws IOException {
        TrainingRun run = TrainingRun.ofFile(Paths.get("mlp.onnx"), ModelReader.ONNX);
        WeightGraphStudy.Result r = new WeightGraphStudy.Result();
        r.checkpoints.add(checkpoint(run.checkpoints().get(0), PAPER_LAYERS, metrics(2.3, 2.0794),
                GephiFixtures.modularity(0.5, Double.NaN, 10), GephiFixtures.modularity(1.0, 0.25, 7)));
        WeightGraphReport report = new WeightGraphReport(run, settings(), r);
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertEquals("not measured", StrictJson.verdict(json, "fig2-trained-modularity-higher"));
        // issue 28 item 3: written for what was given, one model, not a training run
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8), out = report.summary();
        assertTrue(md.startsWith("# Weight graph of mlp.onnx") && md.contains("| mlp.onnx |") && md.contains("- mlp.onnx: "), md);
        assertTrue(md.contains("| resolution | modularity | communities |") && !md.contains("modularity first"), md);
        assertTrue(md.contains("n/a (no untrained checkpoint)") && md.contains("n/a (one checkpoint)"), md);
        assertTrue(!out.contains("first -> last") && !out.contains("-1") && out.startsWith("mlp.onnx"), out);
        assertEquals(5, json.getAsJsonObject("claim_counts").get("not_measured").getAsInt(), "Fig. 2 twice, both weighted degrees, accuracy");
        JsonObject cp = json.getAsJsonArray("checkpoints").get(0).getAsJsonObject();
        assertTrue(cp.get("test_accuracy").isJsonNull() && cp.has("test_accuracy_note"));
        assertTrue(cp.getAsJsonArray("modularity").get(0).getAsJsonObject().get("modularity").isJsonNull());
    }
}
