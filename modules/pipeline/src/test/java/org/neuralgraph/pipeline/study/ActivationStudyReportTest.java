package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.activation.CommunitySizes;
import org.neuralgraph.core.stats.CoverModularities;
import org.neuralgraph.core.stats.UndirectedWeights;
import org.neuralgraph.dl4j.Dl4jFixtures;
import org.neuralgraph.dl4j.ModelReader;
import org.neuralgraph.dl4j.TrainingRun;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activation report's sign claims (Mostafa and Mondal, Tables 4-6) from hand-made rows and checkpoints: nothing is trained. */
class ActivationStudyReportTest {

    private static ActivationStudyReport.Correlation row(String table, String metric, int layer, int cls, String against, double pcc, double scc,
                                                         double[] paper) {
        ActivationStudyReport.Correlation c = new ActivationStudyReport.Correlation();
        c.table = table;
        c.metric = metric;
        c.layer = layer;
        c.classIndex = cls;
        c.against = against;
        c.pcc = pcc;
        c.scc = scc;
        c.paper = paper;
        return c;
    }

    @Test
    void oneSignClaimPerRowWithPaperFigures() {
        List<Claim> c = ActivationStudyReport.claims(Arrays.asList(
                row("4", "weighted_overlap", 1, -1, "train", 0.3, 0.2, new double[]{-0.03, -0.07}),
                row("5", "entropy", 0, -1, "train", -0.9, -0.8, new double[]{-0.87, -0.94}),
                row("6", "entropy", 0, 6, "train", 0.4, 0.3, new double[]{0, 0.16}),
                row("6", "entropy", 0, 3, "train", Double.NaN, Double.NaN, new double[]{-0.35, -0.7}),
                row("5", "entropy", 0, -1, "test", -0.9, -0.8, null),
                row("3", "louvain_modularity", 1, -1, "train", 0.5, 0.5, null)));
        assertEquals(Arrays.asList("table4-weighted-overlap-l1-sign", "table5-entropy-sign", "table6-entropy-class-6-sign", "table6-entropy-class-3-sign"),
                Arrays.asList(c.stream().map(Claim::id).toArray()), "rows without paper figures make no claim");
        assertEquals(Claim.Verdict.DIFFERS, c.get(0).verdict());
        assertEquals(Claim.Verdict.AGREES, c.get(1).verdict());
        assertEquals(Claim.Verdict.AGREES, c.get(2).verdict(), "the paper's PCC of 0 has no sign to compare");
        assertEquals(Claim.Verdict.NOT_MEASURED, c.get(3).verdict(), "n/a is neither");
        assertEquals("Table 4 weighted overlap L1: the correlation with training accuracy has the paper's sign (paper: PCC -0.03, SCC -0.07): "
                + "PCC 0.30, SCC 0.20", c.get(0).text());
    }

    private static ActivationPatternStudy.GraphResult layer(int l, double entropy) {
        ActivationPatternStudy.GraphResult g = new ActivationPatternStudy.GraphResult();
        g.layer = l;
        g.layerName = "dense_" + l;
        g.neurons = 16;
        g.nodes = 5;
        g.edges = 0;
        int[][] cover = new int[5][]; // each node's classes
        for (int v = 0; v < 5; v++) cover[v] = new int[]{v};
        g.quality = CoverModularities.of(UndirectedWeights.of(5, new int[0], new int[0], new double[0]), cover, 2, 42); // no edges: NaN
        g.louvain = CommunitySizes.of(new int[]{0, 0, 1, 1, 2});
        g.louvainModularity = Double.NaN;
        g.unique = new int[10][10];
        g.entropy = entropy;
        return g;
    }

    /**
     * Four checkpoints, accuracy rising; entropy falling (Table 5: agrees), per class falling but for class 0 (differs)
     * and class 6 (rising, against the paper's SCC 0.16: agrees); modularities undefined (Table 4: not measured).
     * {@code flat}: every series constant, so that no correlation is defined.
     */
    private static ActivationPatternStudy.Result result(boolean flat) {
        ActivationPatternStudy.Result r = new ActivationPatternStudy.Result();
        r.classes = 10;
        r.samples = 100;
        for (int k = 0; k < 4; k++) {
            ActivationPatternStudy.CheckpointResult c = new ActivationPatternStudy.CheckpointResult();
            c.index = k;
            c.checkpoint = Dl4jFixtures.checkpoint(k, 0.5 + 0.1 * k, 0.5 + 0.1 * k);
            double falling = flat ? 10 : 10 - k, rising = flat ? 10 : 10 + k;
            c.layers.add(layer(1, falling));
            c.layers.add(layer(2, falling));
            c.entropy = 2 * falling;
            c.entropyPerClass = new double[10];
            for (int i = 0; i < 10; i++) c.entropyPerClass[i] = i == 0 || i == 6 ? rising : falling;
            r.checkpoints.add(c);
        }
        return r;
    }

    private static ActivationPatternStudy.Settings settings() {
        ActivationPatternStudy.Settings s = new ActivationPatternStudy.Settings();
        s.command = "neuralgraph activations (test)";
        s.seed = 42;
        s.data = "MNIST sample (hand-made)";
        return s;
    }

    @Test
    void reportJsonIsStrictAndCountsApart(@TempDir Path dir) throws IOException {
        TrainingRun run = TrainingRun.ofFile(Paths.get("mlp.zip"), ModelReader.DL4J_ZIP);
        ActivationStudyReport report = new ActivationStudyReport(run, settings(), result(false));
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertEquals(8 + 1 + 10, StrictJson.claimIds(json).size());
        assertEquals("agrees", StrictJson.verdict(json, "table5-entropy-sign"));
        assertEquals("differs", StrictJson.verdict(json, "table6-entropy-class-0-sign"));
        assertEquals("agrees", StrictJson.verdict(json, "table6-entropy-class-6-sign"));
        assertEquals("not measured", StrictJson.verdict(json, "table4-klb-l2-sign"));
        assertEquals("{\"agrees\":10,\"differs\":1,\"not_measured\":8}", json.get("claim_counts").toString());
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Where our sign differs from the paper's") && md.contains("Verdicts: agrees: 10, differs: 1, not measured: 8.")
                && md.contains("- **differs**: Table 6 entropy class 0") && md.contains("Reasons to look at first"), md);
        assertTrue(report.summary().contains("entropy vs training accuracy: PCC"), report.summary());
    }

    @Test
    void nothingMeasuredIsNotNowhere(@TempDir Path dir) throws IOException {
        TrainingRun run = TrainingRun.ofFile(Paths.get("mlp.zip"), ModelReader.DL4J_ZIP);
        new ActivationStudyReport(run, settings(), result(true)).write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertEquals("{\"agrees\":0,\"differs\":0,\"not_measured\":19}", json.get("claim_counts").toString());
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertFalse(md.contains("Nowhere"), md);
        assertTrue(md.contains("Nothing was compared") && md.contains("Verdicts: agrees: 0, differs: 0, not measured: 19."), md);
    }

    /** One loaded model (issue 28 item 3): its name instead of epoch -1, each table row once, no correlation claimed. */
    @Test
    void aLoadedModelIsReportedAsOneModel(@TempDir Path dir) throws IOException {
        TrainingRun run = TrainingRun.ofFile(Paths.get("mlp.zip"), ModelReader.DL4J_ZIP);
        ActivationPatternStudy.Result r = result(false);
        r.checkpoints.subList(1, r.checkpoints.size()).clear();
        r.checkpoints.get(0).checkpoint = run.checkpoints().get(0);
        new ActivationStudyReport(run, settings(), r).write(dir);
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertFalse(md.contains("-1") || md.contains("NaN"), md);
        assertTrue(md.contains("| mlp.zip | n/a | n/a |") && md.contains("\nmlp.zip:") && md.contains("Correlations need at least 3 checkpoints"), md);
        assertEquals(1, md.split("\\| L1 \\| mlp.zip \\|", -1).length - 1, "Table 3: one row per layer, not first and last of the same model");
    }
}
