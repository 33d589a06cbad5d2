package org.neuralgraph.render;

import org.neuralgraph.core.graph.NodeLayout;
import java.util.List;

/** A square of four nodes shown over three checkpoints; node 3 (orange) is absent from the second. */
final class Frames {

    static final int RED = 0xD62728, GREEN = 0x2CA02C, BLUE = 0x1F77B4, ORANGE = 0xFF7F0E;

    static final NodeLayout SQUARE = new NodeLayout(
            new float[]{0, 10, 10, 0}, new float[]{0, 0, 10, 10},
            new int[]{RED, GREEN, BLUE, ORANGE}, new float[]{1, 1, 1, 1.5f});

    static final List<AnimationFrame> THREE = List.of(
            frame(new boolean[]{true, true, true, true}, 0.5, "epoch 1", "test accuracy 0.512"),
            frame(new boolean[]{true, true, true, false}, 1.0, "epoch 2", "test accuracy 0.804"),
            frame(new boolean[]{true, true, true, true}, 2.0, "epoch 3", "test accuracy 0.912"));

    private Frames() { }

    static AnimationFrame frame(boolean[] present, double w, String... caption) {
        return new AnimationFrame(present, new int[]{0, 1, 2}, new int[]{1, 2, 0}, new double[]{w, w / 2, w / 4},
                "mlp-256", List.of(caption));
    }
}
