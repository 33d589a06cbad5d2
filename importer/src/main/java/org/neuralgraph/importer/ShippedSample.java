package org.neuralgraph.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What ships inside the plugin: the 10,000-digit MNIST sample, unpacked once per session into a temporary directory,
 * and seed 003's eleven trained models ({@code sample-models/net-fragments/models}).
 */
final class ShippedSample {

    private static Path dir;

    private ShippedSample() { }

    static synchronized Path directory() throws IOException {
        if (dir != null && Files.isDirectory(dir)) return dir;
        Path d = Files.createTempDirectory("neuralgraph-mnist-sample");
        for (String f : new String[]{"images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"}) {
            try (InputStream in = ShippedSample.class.getResourceAsStream("mnist/" + f)) {
                if (in == null) throw new IOException("the plugin is missing its MNIST sample (" + f + "); reinstall it");
                Files.copy(in, d.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        d.toFile().deleteOnExit();
        dir = d;
        return d;
    }

    /** {@code nf-1} to {@code nf-11}: seed 003's models, trained, shipped inside the plugin. */
    static boolean isNetFragmentModel(String model) {
        return model.matches("nf-([1-9]|1[01])");
    }

    /** The shipped trained model {@code nf-<m>}, unpacked into a temporary file. */
    static synchronized Path netFragmentModel(String model) throws IOException {
        String resource = "net-fragments/" + model + ".zip";
        Path f = Files.createTempFile("neuralgraph-" + model, ".zip");
        try (InputStream in = ShippedSample.class.getResourceAsStream(resource)) {
            if (in == null) {
                Files.deleteIfExists(f);
                throw new IOException("the plugin is missing its trained model " + model + " (" + resource + "); reinstall it");
            }
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        f.toFile().deleteOnExit();
        return f;
    }
}
