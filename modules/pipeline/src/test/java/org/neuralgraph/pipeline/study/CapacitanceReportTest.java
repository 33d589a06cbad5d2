package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.capacitance.CapacitancePrediction;
import org.neuralgraph.core.capacitance.RankingAgreement;
import org.neuralgraph.dl4j.Dl4jFixtures;
import org.neuralgraph.dl4j.ProbedFineTuning;
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

/** The capacitance report's claims (the neural-capacitance paper) from hand-made fine-tuning epochs: nothing is trained. */
class CapacitanceReportTest {

    private static final int EPOCHS = 4, EARLY = 3;

    /** A candidate whose beta_eff after epochs 1..4 is {@code beta}, reaching {@code finalAccuracy}. */
    private static CapacitanceStudy.Candidate candidate(String name, double[] beta, double finalAccuracy) {
        CapacitanceStudy.Candidate c = new CapacitanceStudy.Candidate();
        c.name = name;
        c.origin = "hand-made, " + name;
        c.parameters = 1000;
        c.sourceAccuracy = 0.9;
        List<ProbedFineTuning.Epoch> epochs = new ArrayList<>();
        epochs.add(Dl4jFixtures.epoch(0, 5, 0.1, Double.NaN));
        for (int t = 1; t <= EPOCHS; t++) epochs.add(Dl4jFixtures.epoch(t, beta[t - 1], finalAccuracy - 0.1 / t, 1.0 / t));
        c.epochs = epochs;
        c.prediction = CapacitancePrediction.of(c.series(e -> e.betaEff, 1, EARLY), c.series(e -> e.validationAccuracy, 1, EARLY));
        c.finalAccuracy = finalAccuracy;
        return c;
    }

    /**
     * Three candidates; beta_eff falls in two of them. The neural capacitance ranks them perfectly, the baselines by
     * {@code baseline} (constant: no ranking, so the comparison is not measured).
     */
    private static CapacitanceStudy.Result result(double[] baseline) {
        CapacitanceStudy.Result r = new CapacitanceStudy.Result();
        r.candidates.add(candidate("a", new double[]{4, 3, 2, 1}, 0.7));
        r.candidates.add(candidate("b", new double[]{4, 3.5, 3, 2}, 0.8));
        r.candidates.add(candidate("c", new double[]{1, 2, 3, 4}, 0.9));
        double[] truth = {0.7, 0.8, 0.9};
        for (int i = 0; i < 3; i++) {
            CapacitanceStudy.Candidate c = r.candidates.get(i);
            c.scores = new double[]{truth[i], baseline[i], baseline[i], -baseline[i]};
        }
        for (int p = 0; p < CapacitanceStudy.PREDICTORS.size(); p++) {
            double[] predicted = new double[3];
            for (int i = 0; i < 3; i++) predicted[i] = r.candidates.get(i).scores[p];
            r.agreement.put(CapacitanceStudy.PREDICTORS.get(p), RankingAgreement.of(predicted, truth));
        }
        return r;
    }

    private static Claim.Verdict verdict(List<Claim> claims, String id) {
        for (Claim c : claims) if (c.id().equals(id)) return c.verdict();
        throw new AssertionError("no claim " + id);
    }

    @Test
    void verdicts() {
        List<Claim> c = CapacitanceReport.claims(result(new double[]{0.8, 0.7, 0.9}));
        assertEquals(Arrays.asList("nc-ranks-better-than-baselines", "beta-eff-falls"), Arrays.asList(c.stream().map(Claim::id).toArray()));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "nc-ranks-better-than-baselines"), "Spearman 1 against at best 0.5");
        assertEquals(Claim.Verdict.DIFFERS, verdict(c, "beta-eff-falls"), "rises in candidate c");
        assertTrue(c.get(1).text().contains("in 2 of 3 candidates"), c.get(1).text());
        List<Claim> flat = CapacitanceReport.claims(result(new double[]{0.5, 0.5, 0.5}));
        assertEquals(Claim.Verdict.NOT_MEASURED, verdict(flat, "nc-ranks-better-than-baselines"), "a baseline that ranks nothing");
    }

    @Test
    void reportJsonIsStrictAndCarriesTheClaims(@TempDir Path dir) throws IOException {
        CapacitanceStudy.Settings s = new CapacitanceStudy.Settings();
        s.command = "neuralgraph capacitance (test)";
        s.tuning.epochs = EPOCHS;
        s.earlyEpochs = EARLY;
        s.source = "hand-made source";
        s.target = "hand-made target";
        s.graphs = false;
        CapacitanceStudy.Result r = result(new double[]{0.5, 0.5, 0.5});
        r.candidates.get(2).scores[2] = 1.3024; // a learning curve extrapolated past 1 (issue 28 item 2)
        CapacitanceReport report = new CapacitanceReport(s, r);
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertEquals(Arrays.asList("nc-ranks-better-than-baselines", "beta-eff-falls"), StrictJson.claimIds(json));
        assertEquals("not measured", StrictJson.verdict(json, "nc-ranks-better-than-baselines"));
        assertEquals("{\"agrees\":0,\"differs\":1,\"not_measured\":1}", json.get("claim_counts").toString());
        JsonObject baseline = json.getAsJsonObject("agreement").getAsJsonObject("accuracy at t_e");
        assertTrue(baseline.get("spearman").isJsonNull() && baseline.has("spearman_note"), "no bare NaN");
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's claims") && md.contains("beta_eff falls over fine-tuning epochs 1..T")
                && md.contains("Verdicts: agrees: 0, differs: 1, not measured: 1."), md);
        assertTrue(md.contains("Source (pretraining, ") && md.contains("hand-made source"), md);
        for (CapacitanceStudy.Candidate c : r.candidates) c.origin = "loaded run/" + c.name;
        new CapacitanceReport(s, r).write(dir);
        String loaded = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(loaded.contains("Source: none here; every candidate was loaded already trained") && !loaded.contains("hand-made source"), loaded);
        assertTrue(md.contains("1.3024 (outside [0, 1])") && md.contains("Predicted accuracies outside [0, 1] (marked, in 1 of 3 candidates)"), md);
        String out = report.summary();
        assertTrue(out.contains("neural capacitance") && out.contains("Spearman") && out.contains("differs:"), out);
    }

    /** Every setting out of range is named in one message, not one per run (issue 28 item 5). */
    @Test
    void everyBadSettingIsReportedAtOnce() {
        CapacitanceStudy.Settings s = new CapacitanceStudy.Settings();
        s.tuning.epochs = 2;
        s.earlyEpochs = 2;
        s.degree = 5;
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new CapacitanceStudy(s).check());
        assertTrue(e.getMessage().contains("--epochs must be >= 3, got 2") && e.getMessage().contains("--early-epochs must be between 2 and --epochs - 1 = 1, got 2")
                && e.getMessage().contains("--degree must be between 1 and --early-epochs - 1 = 1, got 5"), e.getMessage());
    }
}
