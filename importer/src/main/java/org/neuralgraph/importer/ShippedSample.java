package org.neuralgraph.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The 10,000-digit MNIST sample inside the plugin, unpacked once per session into a temporary directory. */
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
}
