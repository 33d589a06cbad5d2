package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.gephi.GephiFixtures;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feature-map report's claims (Darnell and Leonard, Section 4, Figs. 5-8) from hand-made figures: nothing is trained. */
class FeatureMapReportTest {

    private static FeatureMapStudy.Figures figures(int epoch, double testAccuracy, double degree, double weightedDegree, double clustering,
                                                   double pathLength, int components) {
        FeatureMapStudy.Figures f = new FeatureMapStudy.Figures();
        f.epoch = epoch;
        f.label = Integer.toString(epoch);
        f.trainAccuracy = testAccuracy;
        f.testAccuracy = testAccuracy;
        f.metrics = GephiFixtures.metrics(58, (int) Math.round(degree * 58), degree, weightedDegree, clustering, 6, pathLength, components);
        return f;
    }

    /**
     * Three checkpoints; every class's spatial degree rises but only classes 0-4 lose a component; clustering NaN at
     * the middle checkpoint; class 3's weighted degree rises; three runs stopped early, degree rising with accuracy.
     */
    private static FeatureMapStudy.Result result() {
        FeatureMapStudy.Result r = new FeatureMapStudy.Result();
        r.mapShape = "6 channels of 24x24";
        r.value.add(figures(0, 0.1, 3, 32, 0.8, 4, 1));
        r.value.add(figures(1, 0.9, 5, 60, Double.NaN, 3, 1));
        r.value.add(figures(2, 0.97, 6, 94, 0.82, 2, 1));
        List<FeatureMapStudy.Figures> before = new ArrayList<>(), after = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            before.add(figures(0, 0.1, 1.0, 1.0, 0, 5, 8));
            after.add(figures(2, 0.97, 1.5, 1.5, 0, 7, c < 5 ? 5 : 8));
        }
        r.spatial.add(before);
        r.spatial.add(after);
        r.valueClass3.add(figures(0, 0.1, 4, 16.7, 0.8, 3, 1));
        r.valueClass3.add(figures(2, 0.97, 4, 25.2, 0.8, 1.5, 1));
        for (int i = 0; i < 3; i++) {
            FeatureMapStudy.Figures f = figures(-1, 0.2 + 0.3 * i, 1 + i, 1 + i, 0, 5, 3);
            f.seed = 43 + i;
            f.batches = 1 + 9 * i;
            f.trainAccuracy = Double.NaN;
            r.runs.add(f);
        }
        for (FeatureMapStudy.Figures v : r.value) {
            for (double fraction : FeatureMapStudy.SWEEP) r.sweep.add(new double[]{v.epoch, fraction, 100, 3.5, fraction < 0.01 ? Double.NaN : 0.7, 2.5});
        }
        return r;
    }

    private static FeatureMapStudy.Settings settings() {
        FeatureMapStudy.Settings s = new FeatureMapStudy.Settings();
        s.command = "neuralgraph featuremaps (test)";
        s.data = "hand-made figures";
        s.runs = 3;
        return s;
    }

    private static Claim.Verdict verdict(List<Claim> claims, String id) {
        for (Claim c : claims) if (c.id().equals(id)) return c.verdict();
        throw new AssertionError("no claim " + id);
    }

    @Test
    void verdicts() {
        List<Claim> c = FeatureMapReport.claims(result());
        assertEquals(Arrays.asList("fig5-spatial-degree-rises", "sec4-spatial-fewer-components", "fig7-value-weighted-degree-rises",
                "fig8-value-clustering-stays-high", "fig8-value-path-length-falls", "sec4-class3-weighted-degree-rises",
                "fig6-spatial-degree-rises-with-accuracy"), Arrays.asList(c.stream().map(Claim::id).toArray()));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "fig5-spatial-degree-rises"));
        assertEquals(Claim.Verdict.DIFFERS, verdict(c, "sec4-spatial-fewer-components"), "5 of 10 classes");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "fig7-value-weighted-degree-rises"));
        assertEquals(Claim.Verdict.NOT_MEASURED, verdict(c, "fig8-value-clustering-stays-high"), "a NaN clustering");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "fig8-value-path-length-falls"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "sec4-class3-weighted-degree-rises"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "fig6-spatial-degree-rises-with-accuracy"));
        assertTrue(c.get(1).text().endsWith(": 5 of 10 classes"), c.get(1).text());
        assertTrue(c.get(2).text().equals("value: the average weighted degree rises (Fig. 7) (paper: 32 to 94): 32.0 to 94.0"), c.get(2).text());
    }

    @Test
    void oneCheckpointComparesNothing() {
        FeatureMapStudy.Result r = result();
        r.value.subList(1, 3).clear();
        r.spatial.remove(1);
        r.valueClass3.remove(1);
        r.runs.clear();
        List<Claim> c = FeatureMapReport.claims(r);
        for (String id : new String[]{"fig5-spatial-degree-rises", "sec4-spatial-fewer-components", "fig7-value-weighted-degree-rises",
                "fig8-value-path-length-falls", "sec4-class3-weighted-degree-rises", "fig6-spatial-degree-rises-with-accuracy"}) {
            assertEquals(Claim.Verdict.NOT_MEASURED, verdict(c, id), id);
        }
        assertEquals(Claim.Verdict.AGREES, verdict(c, "fig8-value-clustering-stays-high"), "0.8 at the one checkpoint");
    }

    /** A loaded model has no epoch: its file names its rows (issue 28 item 3). */
    @Test
    void aLoadedModelIsNamedByItsFile(@TempDir Path dir) throws IOException {
        FeatureMapStudy.Result r = result();
        r.value.subList(1, 3).clear();
        r.sweep.subList(FeatureMapStudy.SWEEP.length, r.sweep.size()).clear();
        r.spatial.remove(1);
        r.valueClass3.remove(1);
        r.runs.clear();
        for (FeatureMapStudy.Figures f : r.value) { f.epoch = -1; f.label = "keras_cnn.h5"; }
        for (FeatureMapStudy.Figures f : r.valueClass3) { f.epoch = -1; f.label = "keras_cnn.h5"; }
        for (double[] row : r.sweep) row[0] = -1;
        new FeatureMapReport(settings(), r).write(dir);
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("| keras_cnn.h5 |") && !md.contains("| -1 |"), md);
    }

    @Test
    void reportJsonIsStrictAndCarriesTheClaims(@TempDir Path dir) throws IOException {
        FeatureMapReport report = new FeatureMapReport(settings(), result());
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertEquals(7, StrictJson.claimIds(json).size());
        assertEquals("not measured", StrictJson.verdict(json, "fig8-value-clustering-stays-high"));
        assertEquals("{\"agrees\":5,\"differs\":1,\"not_measured\":1}", json.get("claim_counts").toString());
        assertTrue(json.getAsJsonArray("value_adjacency").get(1).getAsJsonObject().get("clustering_coefficient").isJsonNull());
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's claims") && md.contains("(Fig. 5)") && md.contains("Verdicts: agrees: 5, differs: 1, not measured: 1."), md);
        String out = report.summary();
        assertTrue(out.contains("value: the average weighted degree rises") && out.contains("value, class 3: the average weighted degree rises")
                && out.contains("across 3 runs stopped early"), out);
        assertEquals(4, Files.readAllLines(dir.resolve("tables/value-adjacency.csv")).size());
    }
}
