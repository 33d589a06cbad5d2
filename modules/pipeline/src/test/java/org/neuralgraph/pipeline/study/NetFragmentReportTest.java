package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.netfragment.SegmentDigits;
import org.neuralgraph.dl4j.ActivationMaximisation;
import org.neuralgraph.dl4j.Dl4jFixtures;
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

/** The net-fragment report's findings (the net-fragment study, Section 4.2) from hand-made models: nothing is trained. */
class NetFragmentReportTest {

    /**
     * A model whose last accuracy is {@code accuracy}; head neuron 11 never active, the others active for every class
     * at levels that differ a little from class to class; maximising inputs as given.
     */
    private static NetFragmentStudy.ModelResult model(int number, double accuracy, float[] maximum) {
        NetFragmentStudy.ModelResult m = new NetFragmentStudy.ModelResult();
        m.number = number;
        m.description = "hand-made " + number;
        m.parameters = 1000;
        m.checkpoints.add(Dl4jFixtures.checkpoint(0, 0.1, 0.1));
        m.checkpoints.add(Dl4jFixtures.checkpoint(1, accuracy, accuracy));
        m.head = new double[12][10];
        for (int j = 0; j < 11; j++) for (int c = 0; c < 10; c++) m.head[j][c] = 0.1 + 0.01 * j + 0.02 * c;
        List<ActivationMaximisation.ClassImage> maxima = new ArrayList<>();
        for (int c = 0; c < 10; c++) maxima.add(Dl4jFixtures.classImage(c, maximum, 0.1, 0.9));
        m.maxima = maxima;
        return m;
    }

    /** Constant maximising inputs: their correlation with a digit is undefined. */
    private static NetFragmentStudy.Result result(float[] maximum) {
        NetFragmentStudy.Result r = new NetFragmentStudy.Result();
        r.digits = SegmentDigits.standard();
        r.models.add(model(1, 1.0, maximum));
        r.models.add(model(7, 0.9, maximum));
        return r;
    }

    private static float[] constant() {
        float[] x = new float[81];
        Arrays.fill(x, 0.5f);
        return x;
    }

    private static Claim.Verdict verdict(List<Claim> claims, String id) {
        for (Claim c : claims) if (c.id().equals(id)) return c.verdict();
        throw new AssertionError("no claim " + id);
    }

    @Test
    void verdicts() {
        List<Claim> c = NetFragmentReport.claims(result(constant()));
        assertEquals(Arrays.asList("nf-every-model-perfect", "nf-head-neurons-never-active", "nf-two-pixel-all-change", "nf-two-pixel-none-switched",
                "nf-maxima-unlike-digits"), Arrays.asList(c.stream().map(Claim::id).toArray()));
        assertEquals(Claim.Verdict.DIFFERS, verdict(c, "nf-every-model-perfect"), "model 7 stops at 90 %");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "nf-head-neurons-never-active"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "nf-two-pixel-all-change"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "nf-two-pixel-none-switched"));
        assertEquals(Claim.Verdict.NOT_MEASURED, verdict(c, "nf-maxima-unlike-digits"), "constant images have no correlation");
        assertTrue(c.get(0).text().startsWith("every model reaches 100 % accuracy") && c.get(0).text().endsWith(": 1 of 2"), c.get(0).text());

        SegmentDigits digits = SegmentDigits.standard();
        float[] eight = new float[81];
        for (int i = 0; i < 81; i++) eight[i] = digits.pixels(8)[i];
        assertEquals(Claim.Verdict.DIFFERS, verdict(NetFragmentReport.claims(result(eight)), "nf-maxima-unlike-digits"),
                "every maximum is the digit 8, which looks like several digits");
    }

    @Test
    void reportJsonIsStrictAndCarriesTheClaims(@TempDir Path dir) throws IOException {
        NetFragmentStudy.Settings s = new NetFragmentStudy.Settings();
        s.command = "neuralgraph netfragments (test)";
        new NetFragmentStudy(s).check();
        NetFragmentReport report = new NetFragmentReport(s, result(constant()));
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertEquals(5, StrictJson.claimIds(json).size());
        assertEquals("not measured", StrictJson.verdict(json, "nf-maxima-unlike-digits"));
        assertEquals("{\"agrees\":3,\"differs\":1,\"not_measured\":1}", json.get("claim_counts").toString());
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's findings") && md.contains("Verdicts: agrees: 3, differs: 1, not measured: 1."), md);
        String out = report.summary();
        assertTrue(out.contains("every model reaches 100 % accuracy") && out.contains("not one neuron is turned on or off"), out);
        assertEquals(1 + 2 * 10, Files.readAllLines(dir.resolve("tables/activation-maximisation.csv")).size());
    }
}
