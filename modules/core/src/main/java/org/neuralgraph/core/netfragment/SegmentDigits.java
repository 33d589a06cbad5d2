package org.neuralgraph.core.netfragment;

import org.neuralgraph.core.data.DataFileException;
import org.neuralgraph.core.data.LabeledImages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The net-fragment data set of the net-fragment study (Preliminary Study 4, Section 4, Fig. 4.1 and 4.2): ten binary images of
 * 9x9 pixels showing the digits 0-9, each the union of some of nine basic line segments ("In total, the data set
 * consists of 9 basic lines, that can be composed to 10 different digits").
 *
 * <p>The paper gives the images only as a figure; this is a design made for this project to satisfy what the
 * text states. Pixels are addressed (row, col), both 0..8, and flat in row-major order ({@code row * 9 + col}). The
 * digit box is rows 1..7, cols 2..5; four columns wide so that the middle bar has two pixels of its own. The
 * standard segments (endpoints included; segments may share endpoint pixels) are
 * <pre>
 *   a top           row 1, cols 2..5       f upper left   col 2, rows 1..4
 *   b upper right   col 5, rows 1..4       g middle       row 4, cols 2..5
 *   c lower right   col 5, rows 4..7       h stem of 1    col 4, rows 1..7
 *   d bottom        row 7, cols 2..5       i flag of 1    (1,4) and (2,3)
 *   e lower left    col 2, rows 4..7
 * </pre>
 * and the digits 0 = abcdef, 1 = hi, 2 = abdeg, 3 = abcdg, 4 = bcfg, 5 = acdfg, 6 = acdefg, 7 = abc,
 * 8 = abcdefg, 9 = abcdfg.
 *
 * <p>The facts the paper states hold: the 7 is contained in the 3, the 3 in the 9 and the 9 in the 8 (as pixel
 * sets); 5/6, 8/9, 0/8 and 3/9 differ in exactly two pixels; and the 1 "has nothing in common with the 4" in the
 * sense that they share no segment. They do share one pixel, (4,4), where the stem of the 1 crosses the middle
 * bar of the 4: a vertical stem inside a 4-wide box must cross a full-width middle bar, so no choice of these
 * segments avoids it.
 *
 * <p>{@link #standard()} is built in; {@link #read(Path)} reads the same table from {@code segments.csv}
 * ({@code segment,name,pixels}, pixels as space-separated {@code row:col}) and {@code digits.csv}
 * ({@code digit,segments}, segments as letters), as shipped in {@code sample-models/net-fragments}.
 */
public final class SegmentDigits {

    /** Image side: the images are {@code SIZE x SIZE}. */
    public static final int SIZE = 9;
    /** Number of digits (and classes). */
    public static final int DIGITS = 10;
    /** The segment table in a data directory. */
    public static final String SEGMENTS_FILE = "segments.csv";
    /** The digit table in a data directory. */
    public static final String DIGITS_FILE = "digits.csv";

    private static final String SEGMENTS_HEADER = "segment,name,pixels";
    private static final String DIGITS_HEADER = "digit,segments";

    /** Segment letter to name, in table order. */
    private final Map<Character, String> names;
    /** Segment letter to its flat pixel indices, ascending. */
    private final Map<Character, int[]> segmentPixels;
    /** Per digit, its segment letters in table order. */
    private final List<Set<Character>> digitSegments;

    private SegmentDigits(Map<Character, String> names, Map<Character, int[]> segmentPixels, List<Set<Character>> digitSegments) {
        this.names = Collections.unmodifiableMap(names);
        this.segmentPixels = segmentPixels;
        this.digitSegments = digitSegments;
    }

    /** The standard design described above, equal to the files shipped in {@code sample-models/net-fragments}. */
    public static SegmentDigits standard() {
        Map<Character, String> names = new LinkedHashMap<>();
        Map<Character, int[]> px = new LinkedHashMap<>();
        segment(names, px, 'a', "top", line(1, 2, 1, 5));
        segment(names, px, 'b', "upper right", line(1, 5, 4, 5));
        segment(names, px, 'c', "lower right", line(4, 5, 7, 5));
        segment(names, px, 'd', "bottom", line(7, 2, 7, 5));
        segment(names, px, 'e', "lower left", line(4, 2, 7, 2));
        segment(names, px, 'f', "upper left", line(1, 2, 4, 2));
        segment(names, px, 'g', "middle", line(4, 2, 4, 5));
        segment(names, px, 'h', "stem of the one", line(1, 4, 7, 4));
        segment(names, px, 'i', "flag of the one", new int[]{1 * SIZE + 4, 2 * SIZE + 3});
        String[] digits = {"abcdef", "hi", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg"};
        List<Set<Character>> seg = new ArrayList<>();
        for (String d : digits) seg.add(letters(d, names.keySet()));
        return new SegmentDigits(names, px, seg);
    }

    /**
     * Reads {@value #SEGMENTS_FILE} and {@value #DIGITS_FILE} from {@code dir}.
     *
     * @throws DataFileException naming the file (and the line) when a file is missing, malformed, has a pixel
     *                           outside 0..8, a segment letter the segment table does not define, a digit twice,
     *                           or lacks a digit
     */
    public static SegmentDigits read(Path dir) throws IOException {
        Path segFile = dir.resolve(SEGMENTS_FILE), digFile = dir.resolve(DIGITS_FILE);
        Map<Character, String> names = new LinkedHashMap<>();
        Map<Character, int[]> px = new LinkedHashMap<>();
        for (Row row : rows(segFile, SEGMENTS_HEADER, 3)) {
            String letter = row.fields.get(0).trim();
            if (letter.length() != 1 || letter.charAt(0) < 'a' || letter.charAt(0) > 'z') {
                throw row.error("segment must be one lower-case letter, found '" + letter + "'");
            }
            char s = letter.charAt(0);
            if (names.containsKey(s)) throw row.error("segment " + s + " defined twice");
            names.put(s, row.fields.get(1).trim());
            px.put(s, pixelList(row, row.fields.get(2)));
        }
        if (names.isEmpty()) throw new DataFileException(segFile, "defines no segment", null);

        List<Set<Character>> byDigit = new ArrayList<>(Collections.<Set<Character>>nCopies(DIGITS, null));
        int[] lineOf = new int[DIGITS];
        for (Row row : rows(digFile, DIGITS_HEADER, 2)) {
            String ds = row.fields.get(0).trim();
            int d;
            try {
                d = Integer.parseInt(ds);
            } catch (NumberFormatException e) {
                throw row.error("digit must be 0.." + (DIGITS - 1) + ", found '" + ds + "'");
            }
            if (d < 0 || d >= DIGITS) throw row.error("digit must be 0.." + (DIGITS - 1) + ", found " + d);
            if (byDigit.get(d) != null) throw row.error("digit " + d + " listed twice (first on line " + lineOf[d] + ")");
            String segs = row.fields.get(1).trim();
            if (segs.isEmpty()) throw row.error("digit " + d + " has no segments");
            Set<Character> set = new LinkedHashSet<>();
            for (char c : segs.toCharArray()) {
                if (!names.containsKey(c)) {
                    throw row.error("unknown segment '" + c + "' in digit " + d + " (" + SEGMENTS_FILE + " defines " + join(names.keySet()) + ")");
                }
                if (!set.add(c)) throw row.error("segment " + c + " listed twice in digit " + d);
            }
            byDigit.set(d, letters(segs, names.keySet()));
            lineOf[d] = row.line;
        }
        List<Integer> missing = new ArrayList<>();
        for (int d = 0; d < DIGITS; d++) if (byDigit.get(d) == null) missing.add(d);
        if (!missing.isEmpty()) {
            throw new DataFileException(digFile, (missing.size() == 1 ? "digit " : "digits ") + join(missing) + " missing (all of 0.." + (DIGITS - 1) + " are needed)", null);
        }
        return new SegmentDigits(names, px, byDigit);
    }

    /** The segment letters, in table order. */
    public Set<Character> segmentLetters() { return names.keySet(); }

    /** The name of a segment, e.g. "top". */
    public String segmentName(char segment) { return names.get(check(segment)); }

    /** The pixels of a segment as flat indices {@code row * 9 + col}, ascending. */
    public int[] segmentPixels(char segment) { return segmentPixels.get(check(segment)).clone(); }

    /** The segments of a digit, in table order. */
    public Set<Character> segments(int digit) { return digitSegments.get(checkDigit(digit)); }

    /** The image of a digit: 81 values, 1 on the union of its segments, else 0, row-major. */
    public int[] pixels(int digit) {
        int[] img = new int[SIZE * SIZE];
        for (char s : segments(digit)) for (int p : segmentPixels.get(s)) img[p] = 1;
        return img;
    }

    /** The ten images, digit {@code d} labelled {@code d}: 9x9, pixels 0 or 1, ten classes. */
    public LabeledImages images() {
        float[] px = new float[DIGITS * SIZE * SIZE];
        int[] labels = new int[DIGITS];
        for (int d = 0; d < DIGITS; d++) {
            int[] img = pixels(d);
            for (int p = 0; p < img.length; p++) px[d * SIZE * SIZE + p] = img[p];
            labels[d] = d;
        }
        return new LabeledImages(px, labels, SIZE, SIZE, DIGITS);
    }

    /** The number of pixels in which the images of two digits differ. */
    public int pixelDifference(int d1, int d2) {
        int[] a = pixels(d1), b = pixels(d2);
        int n = 0;
        for (int p = 0; p < a.length; p++) if (a[p] != b[p]) n++;
        return n;
    }

    /** Whether every pixel of {@code inner}'s image is also set in {@code outer}'s. */
    public boolean contains(int outer, int inner) {
        int[] o = pixels(outer), in = pixels(inner);
        for (int p = 0; p < o.length; p++) if (in[p] == 1 && o[p] == 0) return false;
        return true;
    }

    /** Same segment letters, names and pixels, and the same segments for each digit. */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof SegmentDigits)) return false;
        SegmentDigits other = (SegmentDigits) o;
        if (!names.equals(other.names) || !digitSegments.equals(other.digitSegments)) return false;
        for (Map.Entry<Character, int[]> e : segmentPixels.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.segmentPixels.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = names.hashCode() * 31 + digitSegments.hashCode();
        for (int[] p : segmentPixels.values()) h = h * 31 + Arrays.hashCode(p);
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SegmentDigits{");
        for (int d = 0; d < DIGITS; d++) sb.append(d == 0 ? "" : ", ").append(d).append('=').append(join(digitSegments.get(d)).replace(",", ""));
        return sb.append('}').toString();
    }

    // ---- helpers ----

    private char check(char segment) {
        if (!names.containsKey(segment)) throw new IllegalArgumentException("no segment '" + segment + "'; segments are " + join(names.keySet()));
        return segment;
    }

    private static int checkDigit(int digit) {
        if (digit < 0 || digit >= DIGITS) throw new IllegalArgumentException("digit must be 0.." + (DIGITS - 1) + ", got " + digit);
        return digit;
    }

    private static void segment(Map<Character, String> names, Map<Character, int[]> px, char s, String name, int[] pixels) {
        names.put(s, name);
        int[] p = pixels.clone();
        Arrays.sort(p);
        px.put(s, p);
    }

    /** The pixels of a horizontal or vertical line from (r0, c0) to (r1, c1), endpoints included. */
    private static int[] line(int r0, int c0, int r1, int c1) {
        int n = Math.max(r1 - r0, c1 - c0) + 1;
        int[] p = new int[n];
        for (int k = 0; k < n; k++) p[k] = (r0 == r1 ? r0 : r0 + k) * SIZE + (c0 == c1 ? c0 : c0 + k);
        return p;
    }

    /** The letters of {@code s}, as an unmodifiable set in the order of {@code order}. */
    private static Set<Character> letters(String s, Set<Character> order) {
        Set<Character> set = new LinkedHashSet<>();
        for (char c : order) if (s.indexOf(c) >= 0) set.add(c);
        return Collections.unmodifiableSet(set);
    }

    private static int[] pixelList(Row row, String field) throws DataFileException {
        String text = field.trim();
        if (text.isEmpty()) throw row.error("segment has no pixels");
        TreeSet<Integer> set = new TreeSet<>();
        for (String tok : text.split("\\s+")) {
            int colon = tok.indexOf(':');
            int r, c;
            try {
                if (colon < 0) throw new NumberFormatException();
                r = Integer.parseInt(tok.substring(0, colon));
                c = Integer.parseInt(tok.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw row.error("pixel '" + tok + "' is not row:col");
            }
            if (r < 0 || r >= SIZE || c < 0 || c >= SIZE) {
                throw row.error("pixel " + tok + " is outside 0.." + (SIZE - 1));
            }
            if (!set.add(r * SIZE + c)) throw row.error("pixel " + tok + " listed twice");
        }
        int[] p = new int[set.size()];
        int k = 0;
        for (int v : set) p[k++] = v;
        return p;
    }

    /** One data line of a CSV file: its 1-based line number and its fields. */
    private static final class Row {
        final Path file;
        final int line;
        final List<String> fields;

        Row(Path file, int line, List<String> fields) {
            this.file = file;
            this.line = line;
            this.fields = fields;
        }

        DataFileException error(String problem) {
            return new DataFileException(file, "line " + line + ": " + problem, null);
        }
    }

    /** The data lines of a CSV file after its header; blank lines are skipped. */
    private static List<Row> rows(Path file, String header, int nFields) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "not found (a segment-digit data directory holds " + SEGMENTS_FILE + " and " + DIGITS_FILE + ")", null);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.trim().isEmpty()) continue;
            Row row = new Row(file, i + 1, null);
            if (!headerSeen) {
                if (!text.trim().replace(" ", "").equalsIgnoreCase(header)) {
                    throw row.error("expected the header '" + header + "', found '" + text.trim() + "'");
                }
                headerSeen = true;
                continue;
            }
            List<String> fields = split(text);
            if (fields == null) throw row.error("unbalanced double quote");
            if (fields.size() != nFields) throw row.error("expected " + nFields + " fields (" + header + "), found " + fields.size());
            rows.add(new Row(file, i + 1, fields));
        }
        if (!headerSeen) throw new DataFileException(file, "is empty; expected the header '" + header + "'", null);
        return rows;
    }

    /** Splits one CSV line on commas outside double quotes ("" inside quotes is a quote); null if a quote is open. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                    else quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (quoted) return null;
        out.add(cur.toString());
        return out;
    }

    private static String join(Iterable<?> items) {
        StringBuilder sb = new StringBuilder();
        for (Object o : items) sb.append(sb.length() == 0 ? "" : ",").append(o);
        return sb.toString();
    }
}
