package org.neuralgraph.pipeline.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What ships inside the product's jar: the 10,000-digit MNIST sample ({@code sample-models/mnist}), unpacked once per
 * JVM into a temporary directory, and the net-fragment study's eleven trained models ({@code sample-models/net-fragments/models}).
 * Nothing is downloaded.
 */
public final class SampleData {

    private static Path mnist;

    private SampleData() { }

    /** A directory holding the MNIST sample's two IDX files. */
    public static synchronized Path mnistDirectory() throws IOException {
        if (mnist != null && Files.isDirectory(mnist)) return mnist;
        Path d = Files.createTempDirectory("neuralgraph-mnist-sample");
        for (String f : new String[]{"images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"}) {
            try (InputStream in = SampleData.class.getResourceAsStream("sample/mnist/" + f)) {
                if (in == null) throw new IOException("the product is missing its MNIST sample (" + f + "); reinstall it");
                Files.copy(in, d.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            d.resolve(f).toFile().deleteOnExit();
        }
        d.toFile().deleteOnExit();
        mnist = d;
        return d;
    }

    /** The shipped trained model {@code nf-<m>}, unpacked into a temporary file deleted when the JVM exits. */
    static synchronized Path netFragmentModel(String model) throws IOException {
        String resource = "sample/net-fragments/" + model + ".zip";
        try (InputStream in = SampleData.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the product is missing its trained model " + model + " (" + resource + "); reinstall it");
            Path dir = Files.createTempDirectory("neuralgraph-" + model);
            Path f = dir.resolve(model + ".zip"); // the file's name is the model's name in titles
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
            dir.toFile().deleteOnExit();
            f.toFile().deleteOnExit();
            return f;
        }
    }
}
