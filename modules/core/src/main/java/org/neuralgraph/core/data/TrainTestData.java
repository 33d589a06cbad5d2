package org.neuralgraph.core.data;

/** A training set, a test set, and a sentence that says where they came from (written into reports). */
public final class TrainTestData {
    private final LabeledImages train;
    private final LabeledImages test;
    private final String description;

    public TrainTestData(LabeledImages train, LabeledImages test, String description) {
        this.train = train;
        this.test = test;
        this.description = description;
    }

    public LabeledImages train() { return train; }
    public LabeledImages test() { return test; }
    public String description() { return description; }
}
