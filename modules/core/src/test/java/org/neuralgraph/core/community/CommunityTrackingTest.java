package org.neuralgraph.core.community;

import org.junit.jupiter.api.Test;
import org.neuralgraph.core.community.CommunityTracking.Event;
import org.neuralgraph.core.community.CommunityTracking.Flow;
import org.neuralgraph.core.community.CommunityTracking.Kind;
import org.neuralgraph.core.community.CommunityTracking.Result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommunityTrackingTest {

    /**
     * One checkpoint written as groups of node ids separated by {@code |}, each group prefixed by its label and a
     * colon: {@code "5:a b c | 2:d e"}; label {@code -} means the nodes have no community.
     */
    private static final class Steps {
        final List<String[]> ids = new ArrayList<>();
        final List<int[]> labels = new ArrayList<>();

        Steps add(String spec) {
            List<String> is = new ArrayList<>();
            List<Integer> ls = new ArrayList<>();
            for (String group : spec.split("\\|")) {
                String[] parts = group.trim().split(":");
                int label = parts[0].equals("-") ? -1 : Integer.parseInt(parts[0]);
                for (String id : parts[1].trim().split("\\s+")) {
                    is.add(id);
                    ls.add(label);
                }
            }
            ids.add(is.toArray(new String[0]));
            labels.add(ls.stream().mapToInt(Integer::intValue).toArray());
            return this;
        }

        Result track() {
            return new CommunityTracking().track(ids, labels);
        }
    }

    private static int idOf(Result r, int t, String node) {
        String[] ids = r.nodeIds().get(t);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(node)) {
                return r.persistent()[t][i];
            }
        }
        throw new AssertionError(node + " not at checkpoint " + t);
    }

    private static Event only(Result r, int t, Kind kind) {
        List<Event> es = r.eventsAt(t).stream().filter(e -> e.kind() == kind).collect(java.util.stream.Collectors.toList());
        assertEquals(1, es.size(), "one " + kind + " at " + t + ": " + r.events());
        return es.get(0);
    }

    @Test
    void relabelledCommunitiesKeepTheirPersistentIds() {
        Result r = new Steps().add("0:a b c d | 1:e f g").add("1:a b c d | 0:e f g").add("7:a b c d | 3:e f g")
                .track();
        for (int t = 0; t < 3; t++) {
            assertEquals(0, idOf(r, t, "a"), "the largest community at the first checkpoint is 0");
            assertEquals(0, idOf(r, t, "d"));
            assertEquals(1, idOf(r, t, "e"));
            assertEquals(1, idOf(r, t, "g"));
        }
        assertEquals(4, r.events().size());
        assertTrue(r.events().stream().allMatch(e -> e.kind() == Kind.CONTINUE && e.jaccard() == 1.0), "" + r.events());
        assertEquals(2, r.communities().size());
        assertEquals(2, r.communities().get(1).lastCheckpoint());
    }

    @Test
    void aSplitKeepsTheIdForTheLargestJaccardPartAndRecordsTheParent() {
        Result r = new Steps().add("0:a b c d e f g h | 1:x y z").add("4:f g h | 0:a b c d e | 9:x y z").track();
        assertEquals(0, idOf(r, 1, "a"));
        assertEquals(2, idOf(r, 1, "f"), "the smaller part gets a new id");
        assertEquals(1, idOf(r, 1, "x"));
        Event split = only(r, 1, Kind.SPLIT);
        assertArrayEquals(new int[] {0}, split.from());
        assertArrayEquals(new int[] {0, 2}, split.to());
        assertArrayEquals(new int[] {8}, split.fromSizes());
        assertArrayEquals(new int[] {5, 3}, split.toSizes());
        assertEquals(5.0 / 8, split.jaccard(), 1e-12);
        assertEquals(Kind.CONTINUE, only(r, 1, Kind.CONTINUE).kind());
        assertEquals(2, r.eventsAt(1).size(), "no birth for the split-off part: " + r.eventsAt(1));
        assertArrayEquals(new int[] {0}, r.communities().get(2).parents());
        assertEquals(1, r.communities().get(2).firstCheckpoint());

        assertEquals(List.of(new Flow(1, 0, 0, 5), new Flow(1, 0, 2, 3), new Flow(1, 1, 1, 3)), r.flows(1));
    }

    @Test
    void aMergeIsNamedByTheLargestJaccardPartAndTheOtherEnds() {
        Result r = new Steps().add("3:a b c d e | 1:f g h | 8:x y z").add("0:x y z | 1:a b c d e f g h")
                .add("0:x y z | 1:a b c d e f g h").track();
        assertEquals(0, idOf(r, 0, "a"));
        assertEquals(1, idOf(r, 0, "f"));
        assertEquals(2, idOf(r, 0, "x"));
        assertEquals(0, idOf(r, 1, "f"));
        assertEquals(2, idOf(r, 1, "x"));
        Event merge = only(r, 1, Kind.MERGE);
        assertArrayEquals(new int[] {0, 1}, merge.from());
        assertArrayEquals(new int[] {0}, merge.to());
        assertArrayEquals(new int[] {5, 3}, merge.fromSizes());
        assertArrayEquals(new int[] {8}, merge.toSizes());
        assertEquals(5.0 / 8, merge.jaccard(), 1e-12);
        assertTrue(r.eventsAt(1).stream().noneMatch(e -> e.kind() == Kind.DEATH), "merged is not dead: " + r.events());
        assertEquals(0, r.communities().get(1).lastCheckpoint());
        assertEquals(2, r.eventsAt(2).size());
    }

    @Test
    void aCommunityOfNewOrReshuffledNodesIsABirth() {
        Result r = new Steps().add("0:a b c d | 1:e f g h").add("0:a b c d | 1:e f g h | 2:p q r").track();
        Event birth = only(r, 1, Kind.BIRTH);
        assertArrayEquals(new int[0], birth.from());
        assertArrayEquals(new int[] {2}, birth.to());
        assertArrayEquals(new int[] {3}, birth.toSizes());
        assertTrue(Double.isNaN(birth.jaccard()));
        assertEquals(2, idOf(r, 1, "q"));

        // reshuffled: two nodes of each old community, Jaccard 2/6 + the other 2/... below 0.3 with everything
        Result s = new Steps().add("0:a b c d e f | 1:g h i j k l").add("0:a b g h | 1:c d e f i j k l").track();
        Event born = only(s, 1, Kind.BIRTH);
        assertArrayEquals(new int[] {2}, born.to(), "a b g h: Jaccard 2/8 with both fronts, below theta");
        assertEquals(2, idOf(s, 1, "g"));
    }

    @Test
    void aCommunityNothingMatchesDiesAndItsIdIsNotReused() {
        Result r = new Steps().add("0:a b c | 1:d e f").add("0:a b c | -:d e f").add("0:a b c | 5:d e f").track();
        Event death = only(r, 1, Kind.DEATH);
        assertArrayEquals(new int[] {1}, death.from());
        assertArrayEquals(new int[0], death.to());
        assertArrayEquals(new int[] {3}, death.fromSizes());
        assertEquals(-1, idOf(r, 1, "d"), "no community, no persistent id");
        assertEquals(2, idOf(r, 2, "d"), "no gaps: coming back two checkpoints later is a new community");
        assertEquals(Kind.BIRTH, only(r, 2, Kind.BIRTH).kind());
        assertEquals(0, r.communities().get(1).lastCheckpoint());
    }

    @Test
    void sizeChangesBeyondTheToleranceGrowOrShrink() {
        Result r = new Steps().add("0:a b c d e f g h i j | 1:k l m n o p q r s t | 2:u v w x y z")
                .add("0:a b c d e f g h i j k l | 1:m n o p q r s t | 2:u v w x y Z").track();
        Event grow = only(r, 1, Kind.GROW);
        assertArrayEquals(new int[] {0}, grow.from());
        assertArrayEquals(new int[] {10}, grow.fromSizes());
        assertArrayEquals(new int[] {12}, grow.toSizes());
        assertEquals(10.0 / 12, grow.jaccard(), 1e-12);
        Event shrink = only(r, 1, Kind.SHRINK);
        assertArrayEquals(new int[] {1}, shrink.to());
        assertArrayEquals(new int[] {8}, shrink.toSizes());
        Event same = only(r, 1, Kind.CONTINUE);
        assertArrayEquals(new int[] {2}, same.to());
        assertEquals(5.0 / 7, same.jaccard(), 1e-12, "one member replaced: same size, continue");

        Result loose = new CommunityTracking(0.3, 0.25).track(
                new Steps().add("0:a b c d e f g h i j").add("0:a b c d e f g h i j k l").ids,
                new Steps().add("0:a b c d e f g h i j").add("0:a b c d e f g h i j k l").labels);
        assertEquals(Kind.CONTINUE, loose.events().get(0).kind(), "20 % is within a 25 % tolerance");
    }

    @Test
    void nodesThatComeAndGoAreFollowedByIdNotByPosition() {
        Result r = new Steps().add("0:a b c d | 1:e f g")
                .add("4:g f e z | 6:w c b a")   // d left, w and z came; other order, other labels
                .track();
        assertEquals(8, r.persistent()[1].length);
        assertEquals(0, idOf(r, 1, "a"));
        assertEquals(0, idOf(r, 1, "w"));
        assertEquals(1, idOf(r, 1, "z"));
        assertEquals(1, idOf(r, 1, "e"));
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0, 0, 0}, r.persistent()[1]);
        // {a b c d} -> {a b c w}: 3/5; {e f g} -> {e f g z}: 3/4, grows by a third
        assertEquals(Kind.CONTINUE, r.eventsAt(1).get(0).kind());
        assertEquals(3.0 / 5, r.eventsAt(1).get(0).jaccard(), 1e-12);
        assertEquals(Kind.GROW, r.eventsAt(1).get(1).kind());
        assertEquals(List.of(new Flow(1, 0, 0, 3), new Flow(1, 1, 1, 3)), r.flows(1));
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        CommunityTracking ct = new CommunityTracking();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ct.track(List.<String[]>of(new String[] {"a"}), List.of()));
        assertTrue(e.getMessage().contains("one of each per checkpoint"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ct.track(List.<String[]>of(new String[] {"a", "a"}), List.of(new int[] {0, 0})));
        assertTrue(e.getMessage().contains("a twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ct.track(List.<String[]>of(new String[] {"a", "b"}), List.of(new int[] {0})));
        assertTrue(e.getMessage().contains("2 nodes but 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CommunityTracking(1.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CommunityTracking(0.3, Double.NaN));
        assertEquals(0, ct.track(List.of(), List.of()).checkpoints());
        assertEquals(Arrays.asList(), ct.track(List.<String[]>of(new String[0]), List.of(new int[0])).events());
    }

    @Test
    void theTrackerGivesEachCheckpointsIdsAsItComesAndTheSameResultAsTrack() {
        Steps steps = new Steps().add("0:a b c d e f g h | 1:x y z").add("4:f g h | 0:a b c d e | 9:x y z")
                .add("2:a b c d e f g h | 1:x y z");
        CommunityTracking.Tracker tracker = new CommunityTracking().tracker();
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, tracker.next(steps.ids.get(0), steps.labels.get(0)));
        assertArrayEquals(new int[] {2, 2, 2, 0, 0, 0, 0, 0, 1, 1, 1}, tracker.next(steps.ids.get(1), steps.labels.get(1)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, tracker.next(steps.ids.get(2), steps.labels.get(2)));
        Result r = tracker.result();
        assertEquals(steps.track().events(), r.events());
        assertEquals(Kind.MERGE, only(r, 2, Kind.MERGE).kind());
        assertEquals(1, r.communities().get(2).lastCheckpoint());
    }
}
