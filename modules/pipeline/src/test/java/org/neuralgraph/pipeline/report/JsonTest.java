package org.neuralgraph.pipeline.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {

    @Test
    void strictParserRefusesWhatGsonWritesForNaN() {
        assertThrows(IOException.class, () -> StrictJson.parse("{\"a\": NaN}"));
        assertThrows(IOException.class, () -> StrictJson.parse("{\"a\": Infinity}"));
    }

    @Test
    void nonFiniteNumbersBecomeNullWithANoteBeside() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nan", Double.NaN);
        m.put("up", Double.POSITIVE_INFINITY);
        m.put("down", Double.NEGATIVE_INFINITY);
        m.put("float", Float.NaN);
        m.put("fine", 1.5);
        m.put("count", 42L);
        m.put("none", null);
        JsonObject o = StrictJson.parse(Json.write(m)).getAsJsonObject();
        assertTrue(o.get("nan").isJsonNull());
        assertEquals("not a number: undefined for these values", o.get("nan_note").getAsString());
        assertTrue(o.get("up").isJsonNull());
        assertEquals("+infinity", o.get("up_note").getAsString());
        assertEquals("-infinity", o.get("down_note").getAsString());
        assertTrue(o.get("float").isJsonNull() && o.has("float_note"));
        assertEquals(1.5, o.get("fine").getAsDouble(), 0);
        assertFalse(o.has("fine_note"));
        assertEquals("42", o.get("count").toString(), "a whole number stays whole");
        assertTrue(o.get("none").isJsonNull(), "a null stays, without a note");
        assertFalse(o.has("none_note"));
    }

    @Test
    void keyOrderIsKeptAndEachNoteFollowsItsKey() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zeta", 1);
        m.put("alpha", Double.NaN);
        m.put("mu", "text");
        List<String> keys = new ArrayList<>(StrictJson.parse(Json.write(m)).getAsJsonObject().keySet());
        assertEquals(Arrays.asList("zeta", "alpha", "alpha_note", "mu"), keys);
    }

    @Test
    void nestedMapsListsAndObjects() throws IOException {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("pearson", Double.NaN);
        inner.put("spearman", 0.5);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outer", Collections.singletonMap("inner", inner));
        m.put("rows", Arrays.asList(inner, Collections.singletonMap("x", Double.POSITIVE_INFINITY)));
        m.put("object", new Row());
        JsonObject o = StrictJson.parse(Json.write(m)).getAsJsonObject();
        JsonObject deep = o.getAsJsonObject("outer").getAsJsonObject("inner");
        assertTrue(deep.get("pearson").isJsonNull());
        assertTrue(deep.has("pearson_note"));
        assertEquals(0.5, deep.get("spearman").getAsDouble(), 0);
        JsonArray rows = o.getAsJsonArray("rows");
        assertTrue(rows.get(0).getAsJsonObject().get("pearson").isJsonNull());
        assertEquals("+infinity", rows.get(1).getAsJsonObject().get("x_note").getAsString());
        JsonObject row = o.getAsJsonObject("object");
        assertTrue(row.get("pcc").isJsonNull(), "a field of a plain object, too");
        assertEquals("table", row.get("name").getAsString());
    }

    @Test
    void arraysKeepTheirLengthWithNullEntriesAndOneNote() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", new double[]{1, Double.NaN, 3, Double.NEGATIVE_INFINITY});
        m.put("matrix", new double[][]{{1, Double.NaN}, {2, 3}});
        m.put("clean", new double[]{1, 2});
        JsonObject o = StrictJson.parse(Json.write(m)).getAsJsonObject();
        JsonArray v = o.getAsJsonArray("values");
        assertEquals(4, v.size());
        assertEquals(1.0, v.get(0).getAsDouble(), 0);
        assertTrue(v.get(1).isJsonNull() && v.get(3).isJsonNull());
        assertEquals("2 of 4 entries are null: not finite or not measured", o.get("values_note").getAsString());
        assertTrue(o.getAsJsonArray("matrix").get(0).getAsJsonArray().get(1).isJsonNull(), "an array inside an array");
        assertFalse(o.has("clean_note"));
    }

    @Test
    void missingIsNullWithItsReason() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trained_degree", Json.missing("one checkpoint: nothing to compare"));
        m.put("list", Arrays.asList(1, Json.missing("not run")));
        JsonObject o = StrictJson.parse(Json.write(m)).getAsJsonObject();
        assertTrue(o.get("trained_degree").isJsonNull());
        assertEquals("one checkpoint: nothing to compare", o.get("trained_degree_note").getAsString());
        assertTrue(o.getAsJsonArray("list").get(1).isJsonNull());
        assertEquals("1 of 2 entries are null: not finite or not measured", o.get("list_note").getAsString());
    }

    @Test
    void aLoneNonFiniteValueIsNull() throws IOException {
        assertEquals("null", Json.write(Double.NaN));
        assertEquals("null", Json.write(Json.missing("why")));
    }

    @Test
    void writesAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("report.json");
        Json.write(f, Collections.singletonMap("text", "γ = 1 <b>"));
        assertEquals("γ = 1 <b>", StrictJson.read(f).get("text").getAsString(), "UTF-8, no HTML escaping needed to read back");
    }

    /** A plain object, as the reports put their row classes into report.json. */
    static final class Row {
        String name = "table";
        double pcc = Double.NaN;
    }
}
