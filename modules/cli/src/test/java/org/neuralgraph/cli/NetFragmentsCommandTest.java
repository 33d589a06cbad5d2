package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code neuralgraph netfragments} end to end with the real DL4J and gephi-toolkit, two models, short training. */
class NetFragmentsCommandTest {

    @Test
    void graphsPicturesTablesAndFindings(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("nf");
        WeightsCommandTest.Run r = WeightsCommandTest.run("netfragments", "--models", "7,11", "--repeats", "100", "--epochs", "2",
                "--max-steps", "50", "--out", out.toString(), "--dynamic", "--quiet");
        assertEquals(0, r.code, r.err);
        WeightsCommandTest.assertTimeline(out.resolve("graphs/nf-7-neuron-class-timeline.gexf"), 3);
        assertTrue(r.out.contains("every model reaches 100 % accuracy") && r.out.contains("not one neuron is turned on or off"), r.out);
        for (String f : new String[]{"report.md", "report.json", "neuralgraph.gephi", "tables/accuracy.csv", "tables/head-activations.csv",
                "tables/two-pixel-pairs.csv", "tables/activation-maximisation.csv", "pictures/heatmap-nf-7.png", "pictures/heatmap-nf-11.png",
                "pictures/activation-maximisation.png", "pictures/digits.png", "graphs/nf-7/neuron-class-epoch-0000.gexf",
                "graphs/nf-11/neuron-class-epoch-0002.gexf", "graphs/nf-11/contribution-digit-8.gexf", "runs/nf-7/checkpoint-epoch-0002.zip",
                "activations/nf-11/epoch-0001.csv", "pictures/maxima/nf-7-class-3.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(1 + 2 * 3, Files.readAllLines(out.resolve("tables/accuracy.csv")).size(), "epochs 0-2 of two models");
        assertEquals(1 + 2 * 12 * 10, Files.readAllLines(out.resolve("tables/head-activations.csv")).size());
        assertEquals(1 + 2 * 4, Files.readAllLines(out.resolve("tables/two-pixel-pairs.csv")).size());
        List<String> maxima = Files.readAllLines(out.resolve("tables/activation-maximisation.csv"));
        assertEquals(1 + 2 * 10, maxima.size());
        for (String row : maxima.subList(1, maxima.size())) {
            String[] f = row.split(",");
            assertTrue(Double.parseDouble(f[3]) > Double.parseDouble(f[2]), "activation maximisation raises the class probability: " + row);
        }
        // neuron-class graph: 12 neurons + 10 classes; the class nodes of the last epoch carry the maximising input
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/nf-11/neuron-class-epoch-0002.gexf")), StandardCharsets.UTF_8);
        assertEquals(22, gexf.split("<node ", -1).length - 1);
        assertTrue(gexf.contains("max_input") && gexf.contains("pictures/maxima/nf-11-class-0.png") && gexf.contains("table_4_1_model"),
                "columns and graph attributes in the GEXF");
        // contribution graph of digit 8 in model 11: 81 pixels, 2 channels, 12 neurons, 10 classes
        String cg = new String(Files.readAllBytes(out.resolve("graphs/nf-11/contribution-digit-8.gexf")), StandardCharsets.UTF_8);
        assertEquals(81 + 2 + 12 + 10, cg.split("<node ", -1).length - 1);
        List<String> acts = Files.readAllLines(out.resolve("activations/nf-11/epoch-0001.csv"));
        assertEquals("digit,layer,index,value", acts.get(0));
        assertEquals(1 + 10 * (2 * 7 * 7 + 12 + 10), acts.size(), "every weight layer's outputs for every digit");
        String md = new String(Files.readAllBytes(out.resolve("report.md")), StandardCharsets.UTF_8);
        assertTrue(md.contains("## The paper's findings") && md.contains("| 11 | hand-crafted"), md);
    }

    @Test
    void badParametersAreNamedAndLeaveNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("nf");
        WeightsCommandTest.Run r = WeightsCommandTest.run("netfragments", "--models", "12", "--out", out.toString(), "--quiet");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--models: 12 is not a model of Table 4.1"), r.err);
        WeightsCommandTest.Run s = WeightsCommandTest.run("netfragments", "--max-rate", "0", "--out", out.toString(), "--quiet");
        assertEquals(2, s.code);
        assertTrue(s.err.contains("--max-rate must be in (0, 1000]"), s.err);
        assertFalse(Files.exists(out));
    }
}
