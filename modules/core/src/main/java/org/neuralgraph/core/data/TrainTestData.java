package org.neuralgraph.core.data;

import java.nio.file.Path;

/**
 * A training set, a test set, a sentence that says where they came from (written into reports), and the label files
 * they came from, so that a refusal of their contents (a class without images) can name the file.
 */
public final class TrainTestData {
    private final LabeledImages train;
    private final LabeledImages test;
    private final String description;
    private final Path trainLabels;
    private final Path testLabels;

    /** Images made here, not read from files. */
    public TrainTestData(LabeledImages train, LabeledImages test, String description) {
        this(train, test, description, null, null);
    }

    /** @param trainLabels the labels file of the training images, or null; likewise {@code testLabels} */
    public TrainTestData(LabeledImages train, LabeledImages test, String description, Path trainLabels, Path testLabels) {
        this.train = train;
        this.test = test;
        this.description = description;
        this.trainLabels = trainLabels;
        this.testLabels = testLabels;
    }

    public LabeledImages train() { return train; }
    public LabeledImages test() { return test; }
    public String description() { return description; }
    /** The labels file of the training images, or null when they were not read from a file. */
    public Path trainLabels() { return trainLabels; }
    /** The labels file of the test images, or null. */
    public Path testLabels() { return testLabels; }
}
