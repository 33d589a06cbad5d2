package org.neuralgraph.pipeline.model;

import org.neuralgraph.core.data.DataFileException;
import org.neuralgraph.core.data.LabeledImages;
import org.neuralgraph.core.data.TrainTestData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Classes a method needs images of: every class of the training images for the activation pattern graph (Eq. 6 is a
 * mean over each class), one class of the test images for a feature map of that class. {@link ModelRequest} checks them
 * when it loads the images, before any training, so that a class without images is said at once, naming the labels
 * file or the option that left it out, instead of after training as a 0/0.
 */
public final class ClassNeed {

    private final boolean test;
    /** The classes, or null for every class. */
    private final int[] classes;
    /** Who asks, named when a class does not exist: "Feature map". */
    private final String who;
    private final String reason;

    private ClassNeed(boolean test, int[] classes, String who, String reason) {
        this.test = test;
        this.classes = classes;
        this.who = who;
        this.reason = reason;
    }

    /** @param reason who needs them and why, said after the refusal: "the activation pattern study needs every class" */
    public static ClassNeed everyTrainingClass(String reason) {
        return new ClassNeed(false, null, null, reason);
    }

    /** Every class of the test images. */
    public static ClassNeed everyTestClass(String reason) {
        return new ClassNeed(true, null, null, reason);
    }

    /**
     * Class {@code cls} of the test images.
     *
     * @param who    who asks, named when the class does not exist: "Feature map"
     * @param reason why it needs the class, said when the images hold none of it
     */
    public static ClassNeed testClass(int cls, String who, String reason) {
        return new ClassNeed(true, new int[]{cls}, who, reason);
    }

    /**
     * @param data      the images the method gets (after {@code --train-size})
     * @param sampled   the training images before {@code --train-size} sampled them
     * @param trainSize {@code --train-size}, or null
     * @throws DataFileException        naming the labels file when its images lack a class
     * @throws IllegalArgumentException naming {@code --train-size} when its sample lost a class the data holds, or when a
     *                                  class does not exist
     */
    void check(TrainTestData data, LabeledImages sampled, Integer trainSize) throws DataFileException {
        LabeledImages images = test ? data.test() : data.train();
        int[] counts = images.classCounts();
        List<Integer> missing = new ArrayList<>();
        if (classes == null) {
            for (int c = 0; c < counts.length; c++) if (counts[c] == 0) missing.add(c);
        } else {
            for (int c : classes) {
                if (c >= counts.length) throw new IllegalArgumentException(who + ": class " + c + " does not exist: the images have " + counts.length + " classes");
                if (counts[c] == 0) missing.add(c);
            }
        }
        if (missing.isEmpty()) return;
        String which = "no image of class " + missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (!test && trainSize != null && missing.stream().allMatch(c -> sampled.classCounts()[c] > 0)) {
            throw new IllegalArgumentException("--train-size " + trainSize + ": the seeded sample of " + images.size() + " training images holds "
                    + which + "; " + reason + "; give a larger --train-size");
        }
        String part = test ? "test" : "training";
        Path labels = test ? data.testLabels() : data.trainLabels();
        if (labels == null) throw new IllegalArgumentException("the " + part + " images hold " + which + "; " + reason);
        throw new DataFileException(labels, "the " + part + " images hold " + which + " (of classes 0.." + (counts.length - 1) + "); " + reason, null);
    }
}
