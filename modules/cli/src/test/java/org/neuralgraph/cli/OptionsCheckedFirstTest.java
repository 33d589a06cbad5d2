package org.neuralgraph.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every option out of range is refused before any work starts (before training, which can take minutes): one line
 * that names the option, exit code 2, and nothing written.
 */
class OptionsCheckedFirstTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "weights | --batch-size | 0",
            "weights | --checkpoints | 1",
            "weights | --colour-resolution | 3",
            "weights | --colour-resolution | NaN",
            "weights | --epochs | 0",
            "weights | --layout-iterations | -1",
            "weights | --resolutions | NaN,-1",
            "weights | --sparsify | percentile:200",
            "weights | --test-fraction | 1.5",
            "weights | --train-size | 0",
            "weights | --formats | gexf,docx",
            "weights | --communities | infomap",
            "graph weights | --communities | louvian",
            "activations | --bins | 0",
            "activations | --klb-iterations | -1",
            "activations | --resolution | -1",
            "activations | --neurons-per-class | 0",
            "activations | --layout-iterations | -5",
            "activations | --drawings | docx",
            "featuremaps | --channel | -2",
            "featuremaps | --channel | 99",
            "featuremaps | --layer | -1",
            "featuremaps | --offset-fraction | 2",
            "featuremaps | --percent | 101",
            "featuremaps | --run-epochs | 0",
            "featuremaps | --runs | -1",
            "featuremaps | --weight-cap | -1",
            "mapper | --epsilon | -1",
            "mapper | --few | -1",
            "mapper | --intervals | 0",
            "mapper | --iterations | -1",
            "mapper | --k | 0",
            "mapper | --many | -1",
            "mapper | --overlap | 1.5",
            "mapper | --percent | 0",
            "mapper | --runs | 0",
            "capacitance | --degree | 0",
            "capacitance | --early-epochs | 1",
            "capacitance | --epochs | 2",
            "capacitance | --learning-rate | -1",
            "capacitance | --pretrain-epochs | -1",
            "capacitance | --probe | 0",
            "capacitance | --probe-samples | 0",
            "capacitance | --train-size | 0",
            "capacitance | --validation-size | 0",
            "netfragments | --epochs | 0",
            "netfragments | --input-digit | 10",
            "netfragments | --max-rate | -1",
            "netfragments | --max-steps | 0",
            "netfragments | --models | 12",
            "netfragments | --repeats | 0",
            "train | --checkpoints | 1",
            "train | --epochs | 0",
            "graph feature-map | --class | 10",
            "graph feature-map | --channel | -2",
            "graph feature-map | --channel | 99",
            "graph mapper | --k | 0",
            "graph mapper | --overlap | 2",
            "graph activations | --layer | 9",
    })
    void isRefusedBeforeAnyWork(String command, String option, String value) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of(option, value, "--out", out.toString(), "--quiet"));
        WeightsCommandTest.Run r = WeightsCommandTest.run(args.toArray(new String[0]));
        List<String> lines = r.err.lines().collect(Collectors.toList());
        assertEquals(2, r.code, r.err);
        assertTrue(lines.get(0).startsWith("neuralgraph: ") && lines.get(0).contains(option), "names " + option + ": " + r.err);
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try 'neuralgraph"), "one line: " + r.err);
        assertFalse(Files.exists(out), "nothing written");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no staging directory");
        }
    }
}
