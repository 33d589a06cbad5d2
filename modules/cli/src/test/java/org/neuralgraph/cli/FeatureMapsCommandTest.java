package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neuralgraph featuremaps} end to end with the real DL4J and gephi-toolkit on a slice of the shipped sample. */
class FeatureMapsCommandTest {

    private static Path spec(Path dir) throws IOException {
        Path f = dir.resolve("smallcnn.json");
        Files.write(f, ("{\"name\":\"smallcnn\",\"layers\":[{\"type\":\"conv\",\"units\":4,\"kernel\":5,\"activation\":\"relu\"},"
                + "{\"type\":\"maxpool\",\"kernel\":2,\"stride\":2},{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"},"
                + "{\"type\":\"output\",\"units\":10,\"activation\":\"softmax\"}],\"epochs\":2,\"batchSize\":32}").getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void graphsTablesMapsAndTheClaims(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("fm");
        WeightsCommandTest.Run r = WeightsCommandTest.run("featuremaps", "--model", spec(tmp).toString(), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--train-size", "600", "--runs", "3", "--run-epochs", "1", "--dynamic", "--quiet");
        assertEquals(0, r.code, r.err);
        WeightsCommandTest.assertTimeline(out.resolve("graphs/featuremaps-value-timeline.gexf"), 3);
        assertTrue(r.out.contains("value: the average weighted degree rises"), r.out);
        assertTrue(r.out.contains("value, class 3: the average weighted degree rises"), r.out);
        assertTrue(r.out.contains("across 3 runs stopped early"), r.out);
        for (String f : new String[]{"report.md", "report.json", "neuralgraph.gephi", "tables/value-adjacency.csv", "tables/spatial-per-class.csv",
                "charts/value-adjacency-over-training.png", "charts/spatial-average-degree-per-class.png", "maps/all-epoch-0002.png",
                "maps/class-3-epoch-0000.png", "graphs/value-epoch-0001.gexf", "graphs/spatial-class-9-epoch-0002.gexf",
                "graphs/value-class-3-epoch-0002.gexf", "tables/value-offset-sensitivity.csv", "tables/spatial-runs-stopped-early.csv",
                "charts/spatial-average-degree-against-accuracy.png", "graphs/spatial-run-03-batches-19.gexf", "maps/run-01-batches-1.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(1 + 3, Files.readAllLines(out.resolve("tables/value-adjacency.csv")).size(), "epochs 0, 1, 2");
        List<String> spatial = Files.readAllLines(out.resolve("tables/spatial-per-class.csv"));
        assertEquals(1 + 2 * 10, spatial.size(), "ten classes before and after");
        // 24 x 24 maps: the brightest 10 % are 58 pixels, placed on the pixel grid
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/spatial-class-9-epoch-0002.gexf")), StandardCharsets.UTF_8);
        assertEquals(58, gexf.split("<node ", -1).length - 1);
        assertTrue(gexf.contains("class=9") && gexf.contains("seed=42"), "graph attributes in the GEXF");
        assertTrue(spatial.get(1).startsWith("0,0,") && spatial.get(1).split(",")[4].equals("58"), spatial.get(1));
        // Fig. 6: 600 images at batch 32 are 19 batches an epoch; runs of 1, round(sqrt(19)) = 4 and 19 batches, seeds 43-45
        List<String> runs = Files.readAllLines(out.resolve("tables/spatial-runs-stopped-early.csv"));
        assertEquals(4, runs.size(), String.join("\n", runs));
        assertTrue(runs.get(1).startsWith("43,1,") && runs.get(2).startsWith("44,4,") && runs.get(3).startsWith("45,19,"), String.join("\n", runs));
        assertEquals(1 + 3 * 5, Files.readAllLines(out.resolve("tables/value-offset-sensitivity.csv")).size(), "3 checkpoints x 5 offsets");
        String md = new String(Files.readAllBytes(out.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's claims") && md.contains("(Fig. 5)"), md);
    }

    @Test
    void badParametersAreNamedAndLeaveNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("x");
        WeightsCommandTest.Run r = WeightsCommandTest.run("featuremaps", "--model", spec(tmp).toString(), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--percent", "0", "--quiet");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--percent must be in (0, 100]"), r.err);
        WeightsCommandTest.Run layer = WeightsCommandTest.run("featuremaps", "--model", spec(tmp).toString(), "--data", WeightsCommandTest.DATA,
                "--out", out.toString(), "--train-size", "200", "--epochs", "1", "--layer", "2", "--quiet");
        assertEquals(2, layer.code);
        assertTrue(layer.err.contains("--layer is 2, but ") && layer.err.contains(" has 1 convolution layers"), layer.err);
        assertFalse(Files.exists(out));
    }
}
