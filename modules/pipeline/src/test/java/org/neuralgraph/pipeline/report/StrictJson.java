package org.neuralgraph.pipeline.report;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test only: parses JSON as a strict reader would. Gson's {@code JsonParser} and {@code Gson.fromJson(JsonReader)} turn
 * leniency on for the call, so this reads through the {@link JsonElement} adapter with a strict {@link JsonReader}:
 * a bare {@code NaN}, {@code Infinity}, comments or trailing text fail.
 */
public final class StrictJson {

    private StrictJson() { }

    public static JsonElement parse(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setLenient(false);
        JsonElement e = new Gson().getAdapter(JsonElement.class).read(reader);
        assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "nothing after the JSON value");
        return e;
    }

    public static JsonObject read(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The {@code id} of every entry of a report's {@code "claims"} list, in order. */
    public static List<String> claimIds(JsonObject report) {
        List<String> ids = new ArrayList<>();
        for (JsonElement c : report.getAsJsonArray("claims")) ids.add(c.getAsJsonObject().get("id").getAsString());
        return ids;
    }

    /** The verdict of the claim {@code id} in a report's {@code "claims"} list. */
    public static String verdict(JsonObject report, String id) {
        for (JsonElement c : report.getAsJsonArray("claims")) {
            if (c.getAsJsonObject().get("id").getAsString().equals(id)) return c.getAsJsonObject().get("verdict").getAsString();
        }
        throw new AssertionError("no claim " + id + " in " + claimIds(report));
    }
}
