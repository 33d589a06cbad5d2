package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code neuralgraph mapper} end to end with the real DL4J and gephi-toolkit: two runs, a few iterations, MNIST only. */
class MapperCommandTest {

    @Test
    void graphsCycleSheetsTablesAndFindings(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("mapper");
        WeightsCommandTest.Run r = WeightsCommandTest.run("mapper", "--data", WeightsCommandTest.DATA, "--runs", "2", "--iterations", "3",
                "--no-shapes", "--intervals", "5", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("MNIST, untrained: 128 filters -> 26 kept"), r.out);
        assertTrue(r.out.contains("MNIST: the trained filters close into a main cycle"), r.out);
        assertTrue(r.out.contains("MNIST: in the lens plane the trained filters lie around the centre in the order of their gradient direction"), r.out);
        for (String f : new String[]{"report.md", "report.json", "neuralgraph.gephi", "tables/mapper-graphs.csv", "graphs/mnist-untrained.gexf",
                "graphs/mnist-trained.pdf", "graphs/mnist-trained.svg"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(out.resolve("tables/mapper-graphs.csv"));
        assertEquals(3, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(1).startsWith("mnist-untrained,128,0,"), rows.get(1));
        assertTrue(rows.get(0).endsWith(",lens_circle_r,ring_nodes"), rows.get(0));
        String[] cells = rows.get(1).split(",");
        double r0 = Double.parseDouble(cells[cells.length - 2]);
        assertTrue(r0 >= 0 && r0 <= 1, rows.get(1));
        assertTrue(r.out.contains("MNIST: a cycle of the trained graph goes once around the gradient directions"), r.out);
        String gexf = new String(Files.readAllBytes(out.resolve("graphs/mnist-trained.gexf")), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("orientation") && gexf.contains("members") && gexf.contains("betti_1") && gexf.contains("study_seed")
                && gexf.contains("gradient_direction") && gexf.contains("lens_circle_r"), "columns and attributes");
    }

    @Test
    void badParametersAreNamedAndLeaveNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("mapper");
        WeightsCommandTest.Run r = WeightsCommandTest.run("mapper", "--lens", "umap", "--out", out.toString(), "--quiet");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--lens must be pca-2, pca-1, neighbourhood or density"), r.err);
        WeightsCommandTest.Run o = WeightsCommandTest.run("mapper", "--overlap", "1.5", "--out", out.toString(), "--quiet");
        assertEquals(2, o.code);
        assertTrue(o.err.contains("--overlap must be in [0, 1)"), o.err);
        assertFalse(Files.exists(out));
    }
}
