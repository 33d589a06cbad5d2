package org.neuralgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code weights --engine} in the plain launcher, which carries no Spark: {@code --engine spark} ends with one line saying
 * how to get it, and the Spark options without it end with one line naming the option.
 */
class EngineOptionTest {

    private static String[] run(String... args) {
        StringWriter se = new StringWriter();
        int code = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(se, true));
        return new String[]{String.valueOf(code), se.toString().strip()};
    }

    @Test
    void sparkWithoutTheSparkModuleSaysHowToGetIt(@TempDir Path tmp) {
        String[] r = run("weights", "--engine", "spark", "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].contains("--engine spark") && r[1].contains("bin/neuralgraph-spark"), r[1]);
    }

    @Test
    void sparkOptionsNeedTheSparkEngine(@TempDir Path tmp) {
        String[] r = run("weights", "--master", "local[2]", "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0]);
        assertEquals("neuralgraph: --master needs --engine spark", r[1]);
        r = run("weights", "--engine", "gpu", "--out", tmp.resolve("o").toString());
        assertTrue(r[1].startsWith("neuralgraph: --engine: unknown engine 'gpu'"), r[1]);
    }
}
