package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code neuralgraph weights --engine spark} as a user runs it, with the Spark module on the class path: the usual
 * outputs (report, Gephi project, GEXF of the backbone, the Parquet tables), and one line naming {@code --master} for a
 * master that is no Spark master URL.
 */
class SparkWeightsCommandTest {

    @Test
    void weightsOnSparkWritesTheBackboneAndTheUsualFiles(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        StringWriter so = new StringWriter(), se = new StringWriter();
        int code = Main.run(new String[]{"weights", "--engine", "spark", "--master", "local[2]", "--quiet", "--formats", "gexf",
                "--model", "../dl4j/src/test/resources/onnx/torch_mlp.onnx", "--out", out.toString()}, new PrintWriter(so, true), new PrintWriter(se, true));
        assertEquals(0, code, se.toString());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("\"engine\": \"spark\"") && json.contains("\"spark_master\": \"local[2]\"") && json.contains("\"seed\": 42"), json);
        assertTrue(Files.isRegularFile(out.resolve("neuralgraph.gephi")));
        assertTrue(Files.isRegularFile(out.resolve("graphs/backbone-model.gexf")));
        assertTrue(Files.isDirectory(out.resolve("table/model/edges/layer=1")));
        assertTrue(Files.isDirectory(out.resolve("table/model/backbone")));
        assertTrue(so.toString().contains("backbone at alpha 0.05"), so.toString());
    }

    @Test
    void aBadMasterEndsWithOneLineNamingTheOption(@TempDir Path tmp) {
        StringWriter se = new StringWriter();
        int code = Main.run(new String[]{"weights", "--engine", "spark", "--master", "sparc://nowhere", "--quiet",
                "--model", "../dl4j/src/test/resources/onnx/torch_mlp.onnx", "--out", tmp.resolve("out").toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(se, true));
        assertEquals(2, code);
        assertEquals(1, se.toString().strip().lines().count(), se.toString());
        assertTrue(se.toString().contains("--master 'sparc://nowhere'"), se.toString());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
