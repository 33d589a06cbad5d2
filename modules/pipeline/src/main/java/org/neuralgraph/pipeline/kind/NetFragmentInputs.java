package org.neuralgraph.pipeline.kind;

import org.neuralgraph.dl4j.ModelSpec;

/** What the two net-fragment kinds ask of a model they are to train: it reads the ten 9x9 digits. */
final class NetFragmentInputs {

    private NetFragmentInputs() { }

    static void checkSpec(ModelSpec spec) {
        if (spec.height != 9 || spec.width != 9 || spec.channels != 1) {
            throw new IllegalArgumentException("Net fragments: " + spec + " reads " + spec.height + "x" + spec.width
                    + " images, not the net-fragment study's 9x9 digits: choose one of its models, nf-1 to nf-11");
        }
    }
}
