package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.mapper.LensCircle;
import org.neuralgraph.core.mapper.MapperFixtures;
import org.neuralgraph.pipeline.report.Claim;
import org.neuralgraph.pipeline.report.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mapper report's findings (Brüel Gabrielsson, Sections 5-6) from hand-made Mapper results: nothing is trained. */
class MapperReportTest {

    /** A cycle of {@code n} nodes, with the graph attribute the study sets. */
    private static NeuralGraph ring(int n) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        for (int i = 0; i < n; i++) b.addNode("n" + i, null);
        for (int i = 0; i < n; i++) b.addEdge(i, (i + 1) % n, 1);
        return b.graphAttribute("study_seed", 42L).build();
    }

    /** Eight points around the centre whose gradient directions follow their angle ({@code ordered}) or are all 0 (r = 0). */
    private static LensCircle circle(boolean ordered) {
        double[][] lens = new double[8][];
        double[] degrees = new double[8];
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            lens[k] = new double[]{Math.cos(a), Math.sin(a)};
            degrees[k] = ordered ? Math.toDegrees(a) : 0;
        }
        return LensCircle.of(lens, degrees);
    }

    private static MapperStudy.Figures figures(String name, String base, long iterations, int components, int betti1, LensCircle circle,
                                               double turn, int ringNodes) {
        MapperStudy.Figures f = new MapperStudy.Figures();
        f.name = name;
        f.base = base;
        f.filters = 128;
        f.iterations = iterations;
        f.accuracy = iterations == 0 ? Double.NaN : 0.9;
        f.result = MapperFixtures.result(ring(6), components, betti1, circle);
        f.cycle = betti1 > 0 ? new int[]{0, 1, 2, 3, 4, 5} : new int[0];
        f.cycleOrientations = new double[f.cycle.length];
        f.turn = turn;
        f.monotone = 0.8;
        f.ring = new int[ringNodes];
        return f;
    }

    /**
     * MNIST: 5 components untrained, 1 trained with a main cycle, an orientation turn of 180 degrees, no ring and a lens
     * circle; circles and squares: a lens that is not 2-D and an undefined turn.
     */
    private static MapperStudy.Result result() {
        MapperStudy.Result r = new MapperStudy.Result();
        r.graphs.add(figures("MNIST, untrained", "mnist-untrained", 0, 5, 0, circle(false), Double.NaN, 0));
        r.graphs.add(figures("MNIST, trained", "mnist-trained", 100, 1, 1, circle(true), 180, 0));
        r.graphs.add(figures("circles and squares, 40 iterations", "shapes-40", 40, 4, 0, null, Double.NaN, 0));
        r.graphs.add(figures("circles and squares, 400 iterations", "shapes-400", 400, 1, 2, null, Double.NaN, 6));
        return r;
    }

    private static Claim.Verdict verdict(List<Claim> claims, String id) {
        for (Claim c : claims) if (c.id().equals(id)) return c.verdict();
        throw new AssertionError("no claim " + id);
    }

    @Test
    void verdicts() {
        List<Claim> c = MapperReport.claims(result());
        assertEquals(10, c.size());
        assertEquals(Claim.Verdict.AGREES, verdict(c, "mapper-mnist-fragmented-before"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "mapper-mnist-main-cycle"));
        assertEquals(Claim.Verdict.AGREES, verdict(c, "mapper-mnist-orientation-turns"));
        assertEquals(Claim.Verdict.DIFFERS, verdict(c, "mapper-mnist-ring"), "no ring after training");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "mapper-mnist-lens-circle"));
        assertEquals(Claim.Verdict.NOT_MEASURED, verdict(c, "mapper-shapes-lens-circle"), "the lens is not 2-D");
        assertEquals(Claim.Verdict.NOT_MEASURED, verdict(c, "mapper-shapes-orientation-turns"), "no turn measured");
        assertEquals(Claim.Verdict.AGREES, verdict(c, "mapper-shapes-ring"));
        assertTrue(c.get(1).text().startsWith("MNIST: the trained filters close into a main cycle"), c.get(1).text());
        MapperStudy.Result mnistOnly = result();
        mnistOnly.graphs.subList(2, 4).clear();
        assertEquals(5, MapperReport.claims(mnistOnly).size(), "MNIST only");
    }

    @Test
    void reportJsonIsStrictAndCarriesTheClaims(@TempDir Path dir) throws IOException {
        MapperStudy.Settings s = new MapperStudy.Settings();
        s.command = "neuralgraph mapper (test)";
        s.dataDescription = "hand-made Mapper results";
        s.runs = 1;
        new MapperStudy(s).check();
        MapperReport report = new MapperReport(s, result());
        report.write(dir);
        JsonObject json = StrictJson.read(dir.resolve("report.json"));
        assertTrue(StrictJson.claimIds(json).containsAll(Arrays.asList("mapper-mnist-main-cycle", "mapper-mnist-lens-circle", "mapper-shapes-ring")));
        assertEquals("differs", StrictJson.verdict(json, "mapper-mnist-ring"));
        assertEquals("{\"agrees\":7,\"differs\":1,\"not_measured\":2}", json.get("claim_counts").toString());
        assertTrue(json.getAsJsonArray("graphs").get(0).getAsJsonObject().get("orientation_turn").isJsonNull());
        String md = new String(Files.readAllBytes(dir.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's findings") && md.contains("Verdicts: agrees: 7, differs: 1, not measured: 2."), md);
        // issue 28 item 7: the cycle rank and the first Betti number side by side, each named; one run; no Java toString
        assertTrue(md.contains("| cycle rank | first Betti number |") && md.contains("Cycle rank: the independent cycles of the graph"), md);
        assertTrue(md.contains("one run (seed " + s.seed + ")") && !md.contains("pooled over 1 runs"), md);
        assertTrue(md.contains("Mapper: metric ") && !md.contains("MapperParameters{"), md);
        String out = report.summary();
        assertTrue(out.contains("cycle rank 1 (the graph's independent cycles), first Betti number 1 (those the nerve's triangles leave open)"), out);
        assertTrue(out.contains("MNIST: the trained filters close into a main cycle")
                && out.contains("MNIST: in the lens plane the trained filters lie around the centre in the order of their gradient direction")
                && out.contains("MNIST: a cycle of the trained graph goes once around the gradient directions"), out);
    }
}
