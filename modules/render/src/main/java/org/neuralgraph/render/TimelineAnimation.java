package org.neuralgraph.render;

import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NodeLayout;
import org.neuralgraph.core.timeline.GraphTimeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frames of a {@link GraphTimeline}: one per checkpoint, with the nodes and edges that exist there and their
 * weights at that checkpoint, titled with the graph kind and captioned with the time ("epoch 5 of 20") and, where
 * the graphs carry them, the test accuracy and loss. The nodes' positions, colours and sizes are one
 * {@link NodeLayout} for all frames, in the timeline's node order.
 */
public final class TimelineAnimation {

    private TimelineAnimation() { }

    public static List<AnimationFrame> frames(GraphTimeline t, String title) {
        List<AnimationFrame> frames = new ArrayList<>(t.frameCount());
        double last = t.time(t.frameCount() - 1);
        for (int f = 0; f < t.frameCount(); f++) {
            boolean[] present = new boolean[t.nodeCount()];
            for (int v = 0; v < present.length; v++) present[v] = t.nodePresent(f, v);
            int m = 0;
            for (int e = 0; e < t.edgeCount(); e++) if (t.edgePresent(f, e)) m++;
            int[] source = new int[m], target = new int[m];
            double[] weight = new double[m];
            m = 0;
            for (int e = 0; e < t.edgeCount(); e++) {
                if (!t.edgePresent(f, e)) continue;
                source[m] = t.source(e);
                target[m] = t.target(e);
                weight[m++] = t.weight(f, e);
            }
            List<String> caption = new ArrayList<>();
            caption.add(String.format(Locale.ROOT, "%s %s of %s", t.timeUnit(), number(t.time(f)), number(last)));
            String figures = figure(t, f, Names.TEST_ACCURACY, "test accuracy") + figure(t, f, Names.TEST_LOSS, "test loss");
            if (!figures.isEmpty()) caption.add(figures.substring(2));
            frames.add(new AnimationFrame(present, source, target, weight, title, caption));
        }
        return frames;
    }

    private static String figure(GraphTimeline t, int f, String key, String label) {
        GraphTimeline.Series s = t.graphSeries().get(key);
        Object v = s == null ? null : s.value(f, 0);
        return v instanceof Number ? String.format(Locale.ROOT, ", %s %.3f", label, ((Number) v).doubleValue()) : "";
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
