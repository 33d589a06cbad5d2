package org.neuralgraph.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.weights.LayerWeights;
import org.neuralgraph.core.weights.ModelWeights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class ModelLoaderTest {

    @Test
    void savedModelRoundTripsAndExtractsWeights(@TempDir Path tmp) throws IOException {
        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        Path zip = tmp.resolve("m.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        ModelWeights w = Dl4jWeights.extract(ModelLoader.loadZip(zip), "m");
        assertEquals(784, w.inputUnits());
        assertEquals(Arrays.asList("dense_1", "dense_2", "dense_3", "output"),
                Arrays.asList(w.layers().stream().map(LayerWeights::name).toArray()));
        assertEquals(44_860, w.parameterCount());
        assertEquals(net.params().getDouble(0), w.layers().get(0).dense(0, 0), 1e-7);
        assertEquals("relu", w.layers().get(0).activation());
        TrainingRun single = ModelLoader.open(zip);
        assertEquals(1, single.checkpoints().size());
        assertEquals(-1, single.checkpoints().get(0).epoch());
    }

    @Test
    void missingFileIsNamed(@TempDir Path tmp) {
        Path p = tmp.resolve("nope.zip");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.open(p));
        assertTrue(e.getMessage().contains("nope.zip") && e.getMessage().contains("no such"), e.getMessage());
    }

    @Test
    void truncatedZipIsRefused(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), good.toFile(), false);
        byte[] all = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.loadZip(cut));
        assertTrue(e.getMessage().contains("cut.zip") && e.getMessage().contains("not a readable zip"), e.getMessage());
    }

    @Test
    void foreignFilesAreRefused(@TempDir Path tmp) throws IOException {
        Path text = tmp.resolve("notes.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(text))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes());
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.open(text));
        assertTrue(e.getMessage().contains("lacks configuration.json"), e.getMessage());

        Path random = tmp.resolve("random.bin");
        byte[] bytes = new byte[1000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(random, bytes);
        assertThrows(ModelFileException.class, () -> ModelLoader.open(random));

        Path dir = tmp.resolve("emptydir");
        Files.createDirectories(dir);
        ModelFileException d = assertThrows(ModelFileException.class, () -> ModelLoader.open(dir));
        assertTrue(d.getMessage().contains("manifest.json"), d.getMessage());
    }

    @Test
    void serializedJavaObjectsAreRefused(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), good.toFile(), false);
        Path evil = tmp.resolve("evil.zip");
        copyWithExtraEntry(good, evil, "preprocessor.bin");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.loadZip(evil));
        assertTrue(e.getMessage().contains("preprocessor.bin"), e.getMessage());
    }

    /** A zip bomb's directory understates what an entry inflates to; the declared sizes then bound nothing. */
    @Test
    void entryInflatingBeyondItsDeclaredSizeIsRefused(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), good.toFile(), false);
        byte[] z = Files.readAllBytes(good);
        byte[] name = "coefficients.bin".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(z).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 < z.length; i++) { // central directory headers: signature, ..., uncompressed size at +24, name at +46
            if (b.getInt(i) != 0x02014b50 || b.getShort(i + 28) != name.length) continue;
            if (!Arrays.equals(Arrays.copyOfRange(z, i + 46, i + 46 + name.length), name)) continue;
            b.putInt(i + 24, 1000);
            patched++;
        }
        assertEquals(1, patched);
        Path bomb = Files.write(tmp.resolve("bomb.zip"), z);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.open(bomb));
        assertTrue(e.getMessage().startsWith(bomb.toString()) && e.getMessage().contains("inflates to more than the 1000 bytes"), e.getMessage());
        assertFalse(ModelLoader.isModelZip(bomb));
    }

    @Test
    void nanWeightsNameTheLayer(@TempDir Path tmp) throws IOException {
        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        net.getLayer(1).getParam("W").putScalar(3, Double.NaN);
        Path zip = tmp.resolve("nan.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        MultiLayerNetwork loaded = ModelLoader.loadZip(zip);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dl4jWeights.extract(loaded, "nan"));
        assertTrue(e.getMessage().contains("dense_2") && e.getMessage().contains("NaN"), e.getMessage());
    }

    /** The checkpoint of a model file names the file, the layer and the value ([nIn][nOut] row-major: W[3][0] of 50 outputs is 150), both when it loads and when it reads weights. */
    @Test
    void nanWeightsOfAModelFileNameTheFile(@TempDir Path tmp) throws IOException {
        MultiLayerNetwork net = ModelFactory.build(ModelSpec.preset("mlp-seed000"));
        net.getLayer(1).getParam("W").putScalar(3, Double.NaN);
        Path zip = tmp.resolve("nan.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        Checkpoint cp = ModelLoader.open(zip).checkpoints().get(0);
        ModelFileException load = assertThrows(ModelFileException.class, cp::load);
        assertEquals(zip + ": layer dense_2: weight 150 is NaN (the model has non-finite parameters; was training diverging?)", load.getMessage());
        ModelFileException weights = assertThrows(ModelFileException.class, () -> cp.weights("nan"));
        assertTrue(weights.getMessage().startsWith(zip + ": layer dense_2: weight 150 is NaN"), weights.getMessage());
    }

    /**
     * An array header that announces a billion floats in an entry of a few hundred kilobytes is refused before ND4J
     * allocates them (4 GB off the heap before this check).
     */
    @Test
    void arrayHeaderAnnouncingMoreValuesThanTheEntryHoldsIsRefused(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), good.toFile(), false);
        Path forged = tmp.resolve("forged.zip");
        long[] count = new long[1];
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(good.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("coefficients.bin")) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
                    int values = 2 + 16 + 8 + 2 + 4 + 8 * (int) b.getLong(18) + 18; // past the shape buffer and the values' mode
                    count[0] = b.getLong(values);
                    b.putLong(values, 1_000_000_000L);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
            }
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.open(forged));
        assertEquals(forged + ": entry 'coefficients.bin' announces 1000000000 FLOAT values in its values buffer but holds " + 4 * count[0]
                + " bytes after its header (forged or damaged file?); refused", e.getMessage());
        assertEquals(ModelFactory.build(ModelSpec.preset("mlp-seed000")).numParams(), count[0], "the header patched was the values'");
    }

    /** A configuration padded with 17 MB of zero bytes (17 KB compressed) is refused by its size before DL4J reads it whole. */
    @Test
    void aHugeConfigurationIsRefusedByItsSize(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("good.zip");
        ModelSerializer.writeModel(ModelFactory.build(ModelSpec.preset("mlp-seed000")), good.toFile(), false);
        Path big = tmp.resolve("big-config.zip");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(good.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                if (e.getName().equals("configuration.json")) for (int i = 0; i < 17; i++) out.write(new byte[1 << 20]);
            }
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelLoader.open(big));
        assertTrue(e.getMessage().startsWith(big + ": configuration.json unpacks to "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes, more than the limit 16777216 (a network's configuration is kilobytes); refused"), e.getMessage());
    }

    private static void copyWithExtraEntry(Path from, Path to, String extra) throws IOException {
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
            }
            out.putNextEntry(new ZipEntry(extra));
            OutputStream o = out;
            o.write(new byte[]{(byte) 0xac, (byte) 0xed, 0, 5});
        }
    }
}
