package org.neuralgraph.pipeline.report;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimTest {

    private static Claim rises(double first, double last) {
        return Claim.about("value-weighted-degree-rises", "value: the average weighted degree rises").paper("32 to 94")
                .measured("first", first).measured("last", last).rule("last > first").holds(last > first);
    }

    @Test
    void verdicts() {
        assertEquals(Claim.Verdict.AGREES, rises(32, 94).verdict());
        assertEquals(Claim.Verdict.DIFFERS, rises(94, 32).verdict());
        Claim nan = rises(32, Double.NaN);
        assertEquals(Claim.Verdict.NOT_MEASURED, nan.verdict(), "a NaN is neither an agreement nor a difference");
        assertEquals("no finite value for last", nan.note(), "the note says what is missing");
        assertEquals(Claim.Verdict.NOT_MEASURED, rises(Double.NEGATIVE_INFINITY, 1).verdict());
        Claim given = Claim.about("x", "x").measured("a", Double.NaN).note("a constant series").holds(true);
        assertEquals("a constant series", given.note(), "a note given before is kept");
        Claim one = Claim.about("fig2-trained-modularity-higher", "higher").notMeasured("one checkpoint");
        assertEquals(Claim.Verdict.NOT_MEASURED, one.verdict());
        assertEquals("one checkpoint", one.note());
    }

    @Test
    void refusals() {
        assertThrows(IllegalArgumentException.class, () -> Claim.about("Fig5 rises", "x"));
        assertThrows(IllegalArgumentException.class, () -> Claim.about("-rises", "x"));
        assertThrows(IllegalStateException.class, () -> Claim.about("no-verdict", "x").verdict());
    }

    @Test
    void rendering() {
        Claim a = rises(32.04, 94.5);
        assertEquals("first 32.04, last 94.50", a.shownValue());
        assertEquals("value: the average weighted degree rises (paper: 32 to 94): first 32.04, last 94.50", a.text());
        assertTrue(a.line().startsWith("agrees:") && a.line().endsWith(a.text()), a.line());
        assertEquals("- **agrees**: " + a.text(), a.markdown());
        Claim d = rises(94, 32).shown("94.0 to 32.0");
        assertEquals("value: the average weighted degree rises (paper: 32 to 94): 94.0 to 32.0", d.text());
        assertTrue(d.markdown().startsWith("- **differs**: "), d.markdown());
        Claim n = rises(Double.NaN, 1);
        assertTrue(n.shownValue().startsWith("first n/a"), n.shownValue());
        assertTrue(n.line().startsWith("not measured:") && n.line().endsWith("(no finite value for first)"), n.line());
        assertTrue(n.markdown().startsWith("- **not measured**: ") && n.markdown().endsWith("(no finite value for first)"), n.markdown());
        Claim bare = Claim.about("bare", "a statement").holds(true);
        assertEquals("a statement", bare.text(), "no paper value, nothing measured");
    }

    @Test
    void jsonHasStableKeysAndIsStrict() throws IOException {
        Claim n = rises(32, Double.NaN);
        assertEquals(Arrays.asList("id", "claim", "paper", "measured", "rule", "verdict", "note"), new ArrayList<>(n.json().keySet()));
        JsonObject o = StrictJson.parse(Json.write(n.json())).getAsJsonObject();
        assertEquals("value-weighted-degree-rises", o.get("id").getAsString());
        assertEquals("not measured", o.get("verdict").getAsString());
        assertEquals("32 to 94", o.get("paper").getAsString());
        assertEquals("last > first", o.get("rule").getAsString());
        assertEquals(32, o.getAsJsonObject("measured").get("first").getAsDouble(), 0);
        assertTrue(o.getAsJsonObject("measured").get("last").isJsonNull());
        assertTrue(o.getAsJsonObject("measured").has("last_note"));
    }

    @Test
    void claimsCountNotMeasuredApart() throws IOException {
        List<Claim> list = Arrays.asList(rises(1, 2), rises(2, 1), rises(Double.NaN, 1), rises(3, 4));
        assertEquals("{agrees=2, differs=1, not_measured=1}", Claims.counts(list).toString());
        assertEquals("agrees: 2, differs: 1, not measured: 1", Claims.countsText(list));
        assertEquals(4, Claims.lines(list).split("\n").length);
        List<Claim> unmeasured = Arrays.asList(rises(1, 2), rises(Double.NaN, 1), rises(Double.NaN, 2), rises(Double.NaN, 3), rises(3, 4));
        String lines = Claims.lines(unmeasured);
        assertEquals(3, lines.split("\n").length, "three claims not measured for the same reason print as one line:\n" + lines);
        assertTrue(lines.contains("and 2 more claims for the same reason (no finite value for first)"), lines);
        assertEquals(5, StrictJson.parse(Json.write(Claims.json(unmeasured))).getAsJsonArray().size(), "report.json keeps each");
        String md = Claims.markdown(list);
        assertTrue(md.startsWith("- **agrees**: ") && md.endsWith("\n\nVerdicts: agrees: 2, differs: 1, not measured: 1.\n"), md);
        assertEquals(4, StrictJson.parse(Json.write(Claims.json(list))).getAsJsonArray().size());
        assertEquals("{agrees=0, differs=0, not_measured=0}", Claims.counts(new ArrayList<>()).toString());
    }
}
