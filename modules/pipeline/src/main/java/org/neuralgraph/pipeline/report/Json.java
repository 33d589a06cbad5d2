package org.neuralgraph.pipeline.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.neuralgraph.core.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way reports write JSON: strict JSON that every reader accepts. A number that is not finite (NaN, an infinity)
 * is written as {@code null}, and the object holding it says why beside it, under the same key with {@code _note}
 * appended: {@code "pearson": null, "pearson_note": "not a number: undefined for these values"}. A value that could not
 * be measured at all is written the same way with its own reason ({@link #missing}). Maps keep their order.
 */
public final class Json {

    /** The suffix of the key that says why a value is null. */
    public static final String NOTE = "_note";

    private static final String MISSING = "$missing";
    private static final Gson TREE = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls().create();
    private static final Gson OUT = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private Json() { }

    /** A value that was not measured, and why: written as null with the reason beside it. */
    public static Object missing(String reason) {
        return java.util.Collections.singletonMap(MISSING, reason);
    }

    /** {@code value} (maps, lists, arrays, numbers, text, objects) as pretty, strict JSON. */
    public static String write(Object value) {
        JsonElement tree = TREE.toJsonTree(value);
        return OUT.toJson(reason(tree) != null ? JsonNull.INSTANCE : strict(tree)); // a lone NaN has no key to note beside
    }

    /** Writes {@link #write(Object)} into {@code file} as UTF-8. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, write(value).getBytes(StandardCharsets.UTF_8));
    }

    /** The tree with every non-finite number and {@link #missing} value turned into null, its reason beside it. */
    static JsonElement strict(JsonElement e) {
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement x : e.getAsJsonArray()) out.add(reason(x) != null ? JsonNull.INSTANCE : strict(x));
            return out;
        }
        if (!e.isJsonObject()) return e;
        JsonObject out = new JsonObject();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) keys.add(m.getKey());
        for (String key : keys) {
            JsonElement v = e.getAsJsonObject().get(key);
            String why = reason(v);
            if (why != null) {
                out.add(key, JsonNull.INSTANCE);
                out.addProperty(key + NOTE, why);
            } else {
                out.add(key, strict(v));
                String inside = arrayReason(v);
                if (inside != null && !e.getAsJsonObject().has(key + NOTE)) out.addProperty(key + NOTE, inside);
            }
        }
        return out;
    }

    /** Why {@code v} becomes null, or null when it stays. */
    private static String reason(JsonElement v) {
        if (v.isJsonObject() && v.getAsJsonObject().size() == 1 && v.getAsJsonObject().has(MISSING)) {
            return v.getAsJsonObject().get(MISSING).getAsString();
        }
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            double d = v.getAsJsonPrimitive().getAsDouble();
            if (Double.isNaN(d)) return "not a number: undefined for these values";
            if (Double.isInfinite(d)) return (d > 0 ? "+" : "-") + "infinity";
        }
        return null;
    }

    /** For an array with entries that become null: what they were. */
    private static String arrayReason(JsonElement v) {
        if (!v.isJsonArray()) return null;
        int n = 0;
        for (JsonElement x : v.getAsJsonArray()) if (reason(x) != null) n++;
        return n == 0 ? null : n + " of " + v.getAsJsonArray().size() + " entries are null: not finite or not measured";
    }
}
