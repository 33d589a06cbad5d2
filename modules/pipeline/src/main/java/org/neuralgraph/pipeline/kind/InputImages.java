package org.neuralgraph.pipeline.kind;

/** The images a graph kind runs the network on. */
public enum InputImages {
    /** None: the graph comes from the weights. */
    NONE,
    /** The training images (labels shuffled for the random-label control), as activation pattern graphs record them. */
    TRAINING,
    /** The test images, whose feature maps are averaged. */
    TEST,
    /** The net-fragment study's ten 9x9 digits. */
    DIGITS
}
