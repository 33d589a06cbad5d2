package org.neuralgraph.core.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Communities followed over checkpoints, after Greene, Doyle and Cunningham (2010), "Tracking the evolution of
 * communities in dynamic social networks", ASONAM 2010.
 *
 * <p>Each checkpoint's community detection (Louvain in Gephi) numbers its communities afresh, so community 3 at one
 * checkpoint has nothing to do with community 3 at the next. This class gives every node at every checkpoint a
 * <em>persistent</em> community id and lists the events between consecutive checkpoints.
 *
 * <h2>What the paper does (its dynamic community model and matching strategy)</h2>
 * <ul>
 *   <li>The communities found at one time step are <em>step communities</em>; a <em>dynamic community</em> is a
 *       timeline of step communities, and its <em>front</em> is the step community most recently added to it.</li>
 *   <li>At the first step every step community starts a dynamic community.</li>
 *   <li>At every later step each step community C is compared with every front F by the Jaccard coefficient of their
 *       member sets, |C &cap; F| / |C &cup; F|; when it exceeds the matching threshold &theta;, C continues that
 *       dynamic community. Its experiments use a matching threshold of <b>&theta; = 0.3</b>, which is
 *       {@link #DEFAULT_THETA}. (The paper is not among the project's seeds; this summary was written from the
 *       published text, not checked against a copy here.)</li>
 *   <li>A step community that matches no front is the <em>birth</em> of a new dynamic community; one that matches
 *       several fronts is a <em>merge</em>; a front that several step communities match <em>splits</em>; a dynamic
 *       community that nothing matches has, for that step, no member (the paper lets it come back after a gap of up to
 *       d steps, and calls it dead afterwards).</li>
 * </ul>
 *
 * <h2>What this class chooses where the paper is vague or where it keeps things simple</h2>
 * <ul>
 *   <li><b>No gaps</b> (d = 0): a dynamic community that no step community matches dies at that checkpoint, and its
 *       id is never used again. Checkpoints of a training run are few and far apart, and a community that comes back
 *       two checkpoints later is reported as a death and a birth.</li>
 *   <li><b>One id per node.</b> In the paper a merged step community is added to the timelines of all the dynamic
 *       communities it matches (they then share a front), and communities may overlap. Here every node has exactly one
 *       persistent id per checkpoint, so the pairs (step community, front) above &theta; are taken greedily by falling
 *       Jaccard (ties: the smaller front id, then the earlier step community): a pair whose step community and front
 *       are both still free gives the step community the front's id. Hence in a plain split the largest-Jaccard part
 *       keeps the id, and in a plain merge the part with the largest Jaccard names the merged community; the other
 *       merged dynamic communities end there (a {@link Kind#MERGE}, not a {@link Kind#DEATH}).</li>
 *   <li>A step community that matches some front but got no id from the greedy pass receives a new id whose
 *       {@link Community#parents() parents} are the fronts it matched (the split's or merge's origin).</li>
 *   <li>The comparison is "exceeds", strictly greater than &theta;, as the paper writes it.</li>
 *   <li>Members are node ids (strings), so nodes that appear or vanish between checkpoints simply count in the union
 *       and not in the intersection; a node with a negative community (none) belongs to no step community and gets
 *       persistent id -1.</li>
 *   <li>Events (the paper names birth, death, merging, splitting, expansion and contraction): between each pair of
 *       consecutive checkpoints, a one-to-one continuation is {@link Kind#GROW} or {@link Kind#SHRINK} when its size
 *       changed by more than the size tolerance (default {@link #DEFAULT_SIZE_TOLERANCE} = 10 % of the earlier size),
 *       otherwise {@link Kind#CONTINUE}. A front matched by several step communities is one {@link Kind#SPLIT}; a
 *       step community matching several fronts is one {@link Kind#MERGE}; both may happen in one transition.</li>
 *   <li>Persistent ids are 0, 1, 2, ... in order of birth; the communities born at one checkpoint are numbered by
 *       falling size, then by their checkpoint label, so the numbering does not depend on the detector's labels.</li>
 * </ul>
 */
public final class CommunityTracking {

    /** The paper's matching threshold for the Jaccard coefficient. */
    public static final double DEFAULT_THETA = 0.3;
    /** A continuation whose size changed by more than this fraction of its earlier size grows or shrinks. */
    public static final double DEFAULT_SIZE_TOLERANCE = 0.10;

    /** What happened to a community between checkpoint {@code checkpoint - 1} and {@code checkpoint}. */
    public enum Kind {
        CONTINUE, GROW, SHRINK, SPLIT, MERGE, BIRTH, DEATH;

        /** Lower case, as the reports write it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One event. {@code from} are persistent ids at {@code checkpoint - 1} (empty for a birth), {@code to} persistent
     * ids at {@code checkpoint} (empty for a death), the sizes are their member counts in the same order, and
     * {@code jaccard} is the largest Jaccard coefficient among the matched pairs of the event (NaN for a birth or a
     * death).
     */
    public static final class Event {
        private final int checkpoint;
        private final Kind kind;
        private final int[] from;
        private final int[] to;
        private final int[] fromSizes;
        private final int[] toSizes;
        private final double jaccard;

        public Event(int checkpoint, Kind kind, int[] from, int[] to, int[] fromSizes, int[] toSizes,
                     double jaccard) {
            this.checkpoint = checkpoint;
            this.kind = kind;
            this.from = from.clone();
            this.to = to.clone();
            this.fromSizes = fromSizes.clone();
            this.toSizes = toSizes.clone();
            this.jaccard = jaccard;
        }

        public int checkpoint() {
            return checkpoint;
        }

        public Kind kind() {
            return kind;
        }

        public int[] from() {
            return from.clone();
        }

        public int[] to() {
            return to.clone();
        }

        public int[] fromSizes() {
            return fromSizes.clone();
        }

        public int[] toSizes() {
            return toSizes.clone();
        }

        public double jaccard() {
            return jaccard;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d %s %s -> %s (%s -> %s) J=%.3f", checkpoint, kind.label(),
                    Arrays.toString(from), Arrays.toString(to), Arrays.toString(fromSizes),
                    Arrays.toString(toSizes), jaccard);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Event)) {
                return false;
            }
            Event e = (Event) o;
            return e.checkpoint == checkpoint && e.kind == kind && Arrays.equals(e.from, from)
                    && Arrays.equals(e.to, to) && Arrays.equals(e.fromSizes, fromSizes)
                    && Arrays.equals(e.toSizes, toSizes) && Double.compare(e.jaccard, jaccard) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * checkpoint + kind.hashCode()) + Arrays.hashCode(from) + 7 * Arrays.hashCode(to);
        }
    }

    /**
     * A dynamic community: its persistent id, the first and last checkpoints it has members at, and the persistent ids
     * it came from when it was born of a split or a merge (empty for a plain birth).
     */
    public static final class Community {
        private final int id;
        private final int firstCheckpoint;
        private final int lastCheckpoint;
        private final int[] parents;

        Community(int id, int firstCheckpoint, int lastCheckpoint, int[] parents) {
            this.id = id;
            this.firstCheckpoint = firstCheckpoint;
            this.lastCheckpoint = lastCheckpoint;
            this.parents = parents.clone();
        }

        public int id() {
            return id;
        }

        public int firstCheckpoint() {
            return firstCheckpoint;
        }

        public int lastCheckpoint() {
            return lastCheckpoint;
        }

        public int[] parents() {
            return parents.clone();
        }

        @Override
        public String toString() {
            return id + " " + firstCheckpoint + ".." + lastCheckpoint + " from " + Arrays.toString(parents);
        }
    }

    /** Nodes that go from persistent community {@code from} at {@code checkpoint - 1} to {@code to} at {@code checkpoint}. */
    public static final class Flow {
        private final int checkpoint;
        private final int from;
        private final int to;
        private final int nodes;

        public Flow(int checkpoint, int from, int to, int nodes) {
            this.checkpoint = checkpoint;
            this.from = from;
            this.to = to;
            this.nodes = nodes;
        }

        public int checkpoint() {
            return checkpoint;
        }

        public int from() {
            return from;
        }

        public int to() {
            return to;
        }

        public int nodes() {
            return nodes;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Flow)) {
                return false;
            }
            Flow f = (Flow) o;
            return f.checkpoint == checkpoint && f.from == from && f.to == to && f.nodes == nodes;
        }

        @Override
        public int hashCode() {
            return ((checkpoint * 31 + from) * 31 + to) * 31 + nodes;
        }

        @Override
        public String toString() {
            return checkpoint + ": " + from + " -> " + to + " x" + nodes;
        }
    }

    /**
     * The outcome: {@code persistent[t][i]} is the persistent id of node {@code i} of checkpoint {@code t} (in the
     * order of that checkpoint's node ids; -1 for no community), the events in checkpoint order, and every dynamic
     * community by id.
     */
    public static final class Result {
        private final int[][] persistent;
        private final List<Event> events;
        private final List<Community> communities;
        private final List<String[]> nodeIds;

        Result(int[][] persistent, List<Event> events, List<Community> communities, List<String[]> nodeIds) {
            this.persistent = persistent;
            this.events = events;
            this.communities = communities;
            this.nodeIds = nodeIds;
        }

        /** {@code persistent()[t][i]}: the persistent id of node i of checkpoint t, -1 for none (do not modify). */
        public int[][] persistent() {
            return persistent;
        }

        /** All events, in checkpoint order. */
        public List<Event> events() {
            return events;
        }

        /** Every dynamic community, by persistent id. */
        public List<Community> communities() {
            return communities;
        }

        /** The node ids of each checkpoint, as given. */
        public List<String[]> nodeIds() {
            return nodeIds;
        }

        /** The number of checkpoints. */
        public int checkpoints() {
            return persistent.length;
        }

        /** The events between checkpoint {@code t - 1} and {@code t}. */
        public List<Event> eventsAt(int t) {
            List<Event> out = new ArrayList<>();
            for (Event e : events) {
                if (e.checkpoint() == t) {
                    out.add(e);
                }
            }
            return out;
        }

        /**
         * The node flows from checkpoint {@code t - 1} to {@code t} between persistent communities, over the nodes
         * present (with a community) at both, ordered by from id then to id.
         */
        public List<Flow> flows(int t) {
            if (t < 1 || t >= persistent.length) {
                throw new IllegalArgumentException("no transition into checkpoint " + t);
            }
            Map<String, Integer> before = new HashMap<>();
            String[] ids0 = nodeIds.get(t - 1);
            for (int i = 0; i < ids0.length; i++) {
                before.put(ids0[i], persistent[t - 1][i]);
            }
            Map<Long, Integer> counts = new HashMap<>();
            String[] ids1 = nodeIds.get(t);
            for (int i = 0; i < ids1.length; i++) {
                Integer a = before.get(ids1[i]);
                int b = persistent[t][i];
                if (a != null && a >= 0 && b >= 0) {
                    counts.merge(((long) a << 32) | b, 1, Integer::sum);
                }
            }
            List<Flow> out = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : counts.entrySet()) {
                out.add(new Flow(t, (int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue()));
            }
            out.sort((x, y) -> x.from() != y.from() ? Integer.compare(x.from(), y.from())
                    : Integer.compare(x.to(), y.to()));
            return out;
        }

        /** How many nodes of checkpoint {@code t} have persistent id {@code id}. */
        public int size(int t, int id) {
            int n = 0;
            for (int p : persistent[t]) {
                if (p == id) {
                    n++;
                }
            }
            return n;
        }
    }

    private final double theta;
    private final double sizeTolerance;

    /** With the paper's &theta; = 0.3 and a 10 % size tolerance. */
    public CommunityTracking() {
        this(DEFAULT_THETA, DEFAULT_SIZE_TOLERANCE);
    }

    /**
     * @param theta         the Jaccard matching threshold, in [0, 1); a pair matches when its Jaccard exceeds it
     * @param sizeTolerance the fraction of a community's earlier size beyond which a continuation grows or shrinks
     */
    public CommunityTracking(double theta, double sizeTolerance) {
        if (!(theta >= 0 && theta < 1)) {
            throw new IllegalArgumentException("The matching threshold theta must be in [0, 1), not " + theta);
        }
        if (!(sizeTolerance >= 0) || Double.isInfinite(sizeTolerance)) {
            throw new IllegalArgumentException("The size tolerance must be 0 or more, not " + sizeTolerance);
        }
        this.theta = theta;
        this.sizeTolerance = sizeTolerance;
    }

    /**
     * Follows the communities over the checkpoints.
     *
     * @param nodeIds     for each checkpoint, its node ids (distinct within a checkpoint)
     * @param communities for each checkpoint, the community of each of its nodes, same order; negative = none
     */
    public Result track(List<String[]> nodeIds, List<int[]> communities) {
        if (nodeIds.size() != communities.size()) {
            throw new IllegalArgumentException(nodeIds.size() + " node id lists but " + communities.size()
                    + " community lists: one of each per checkpoint");
        }
        Tracker tracker = tracker();
        for (int t = 0; t < nodeIds.size(); t++) {
            tracker.next(nodeIds.get(t), communities.get(t));
        }
        return tracker.result();
    }

    /**
     * A tracker fed one checkpoint at a time: the matching only looks back, so a checkpoint's persistent ids are known
     * as soon as it is analysed (a study can write them before it goes on to the next checkpoint).
     */
    public Tracker tracker() {
        return new Tracker();
    }

    /** Follows communities one checkpoint at a time; see {@link #tracker()}. */
    public final class Tracker {
        private final List<int[]> persistent = new ArrayList<>();
        private final List<String[]> nodeIds = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private final List<int[]> parents = new ArrayList<>();    // by persistent id
        private final List<Integer> firstSeen = new ArrayList<>();
        private int[] lastSeen = new int[0];
        /** persistent id -> member ids of its step community at the last checkpoint. */
        private Map<Integer, Set<String>> fronts = new LinkedHashMap<>();

        private Tracker() { }

        /**
         * The next checkpoint: its node ids and each node's community (negative = none).
         *
         * @return the persistent id of each node, in the same order (-1 for none)
         */
        public int[] next(String[] ids, int[] labels) {
            int t = persistent.size();
            if (ids.length != labels.length) {
                throw new IllegalArgumentException("Checkpoint " + t + " has " + ids.length + " nodes but "
                        + labels.length + " community labels");
            }
            List<StepCommunity> step = stepCommunities(t, ids, labels);
            int[] idOf = new int[step.size()];
            Arrays.fill(idOf, -1);
            List<List<Match>> byStep = new ArrayList<>();
            Map<Integer, List<Match>> byFront = new LinkedHashMap<>();
            List<Match> all = new ArrayList<>();
            for (int a = 0; a < step.size(); a++) {
                List<Match> ms = new ArrayList<>();
                for (Map.Entry<Integer, Set<String>> f : fronts.entrySet()) {
                    double j = jaccard(step.get(a).members, f.getValue());
                    if (j > theta) {
                        Match m = new Match(a, f.getKey(), j);
                        ms.add(m);
                        all.add(m);
                        byFront.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(m);
                    }
                }
                byStep.add(ms);
            }
            // greedy: by falling Jaccard, then smaller front id, then earlier step community
            all.sort((x, y) -> x.jaccard != y.jaccard ? Double.compare(y.jaccard, x.jaccard)
                    : x.front != y.front ? Integer.compare(x.front, y.front) : Integer.compare(x.step, y.step));
            Set<Integer> takenFronts = new HashSet<>();
            for (Match m : all) {
                if (idOf[m.step] < 0 && !takenFronts.contains(m.front)) {
                    idOf[m.step] = m.front;
                    takenFronts.add(m.front);
                }
            }
            // new ids: births and the extra parts of splits and merges, already in falling size order
            for (int a = 0; a < step.size(); a++) {
                if (idOf[a] < 0) {
                    idOf[a] = parents.size();
                    parents.add(byStep.get(a).stream().mapToInt(m -> m.front).sorted().toArray());
                    firstSeen.add(t);
                }
            }
            lastSeen = Arrays.copyOf(lastSeen, parents.size());
            int[] out = new int[ids.length];
            Arrays.fill(out, -1);
            for (int a = 0; a < step.size(); a++) {
                for (int i : step.get(a).nodes) {
                    out[i] = idOf[a];
                }
                lastSeen[idOf[a]] = t;
            }
            if (t > 0) {
                events(t, step, idOf, fronts, byStep, byFront, events);
            }
            fronts = new LinkedHashMap<>();
            for (int a = 0; a < step.size(); a++) {
                fronts.put(idOf[a], step.get(a).members);
            }
            persistent.add(out);
            nodeIds.add(ids.clone());
            return out.clone();
        }

        /** The checkpoints so far. */
        public Result result() {
            List<Community> list = new ArrayList<>();
            for (int id = 0; id < parents.size(); id++) {
                list.add(new Community(id, firstSeen.get(id), lastSeen[id], parents.get(id)));
            }
            int[][] p = new int[persistent.size()][];
            for (int t = 0; t < p.length; t++) {
                p[t] = persistent.get(t).clone();
            }
            return new Result(p, Collections.unmodifiableList(new ArrayList<>(events)),
                    Collections.unmodifiableList(list), List.copyOf(nodeIds));
        }
    }

    private void events(int t, List<StepCommunity> step, int[] idOf, Map<Integer, Set<String>> fronts,
                        List<List<Match>> byStep, Map<Integer, List<Match>> byFront, List<Event> events) {
        List<Event> here = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> f : fronts.entrySet()) {
            List<Match> ms = byFront.getOrDefault(f.getKey(), List.of());
            int fromSize = f.getValue().size();
            if (ms.isEmpty()) {
                here.add(new Event(t, Kind.DEATH, new int[] {f.getKey()}, new int[0], new int[] {fromSize},
                        new int[0], Double.NaN));
            } else if (ms.size() > 1) {
                List<Match> sorted = new ArrayList<>(ms);
                sorted.sort((x, y) -> Integer.compare(idOf[x.step], idOf[y.step]));
                here.add(new Event(t, Kind.SPLIT, new int[] {f.getKey()},
                        sorted.stream().mapToInt(m -> idOf[m.step]).toArray(), new int[] {fromSize},
                        sorted.stream().mapToInt(m -> step.get(m.step).members.size()).toArray(), maxJaccard(ms)));
            }
        }
        for (int a = 0; a < step.size(); a++) {
            List<Match> ms = byStep.get(a);
            int size = step.get(a).members.size();
            if (ms.isEmpty()) {
                here.add(new Event(t, Kind.BIRTH, new int[0], new int[] {idOf[a]}, new int[0], new int[] {size},
                        Double.NaN));
            } else if (ms.size() > 1) {
                int[] from = ms.stream().mapToInt(m -> m.front).sorted().toArray();
                int[] fromSizes = Arrays.stream(from).map(f -> fronts.get(f).size()).toArray();
                here.add(new Event(t, Kind.MERGE, from, new int[] {idOf[a]}, fromSizes, new int[] {size},
                        maxJaccard(ms)));
            } else {
                Match m = ms.get(0);
                if (byFront.get(m.front).size() == 1) {
                    int before = fronts.get(m.front).size();
                    Kind kind = size > before * (1 + sizeTolerance) ? Kind.GROW
                            : size < before * (1 - sizeTolerance) ? Kind.SHRINK : Kind.CONTINUE;
                    here.add(new Event(t, kind, new int[] {m.front}, new int[] {idOf[a]}, new int[] {before},
                            new int[] {size}, m.jaccard));
                }
            }
        }
        here.sort((x, y) -> {
            int kx = firstId(x);
            int ky = firstId(y);
            return kx != ky ? Integer.compare(kx, ky) : x.kind().compareTo(y.kind());
        });
        events.addAll(here);
    }

    private static int firstId(Event e) {
        return e.from().length > 0 ? e.from()[0] : e.to()[0];
    }

    private static double maxJaccard(List<Match> ms) {
        double j = 0;
        for (Match m : ms) {
            j = Math.max(j, m.jaccard);
        }
        return j;
    }

    /** |a &cap; b| / |a &cup; b|; 0 when both are empty. */
    public static double jaccard(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }

    private static List<StepCommunity> stepCommunities(int t, String[] ids, int[] labels) {
        Map<Integer, StepCommunity> byLabel = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || !seen.add(ids[i])) {
                throw new IllegalArgumentException("Checkpoint " + t + " has node id " + ids[i]
                        + (ids[i] == null ? "" : " twice"));
            }
            if (labels[i] >= 0) {
                StepCommunity c = byLabel.computeIfAbsent(labels[i], StepCommunity::new);
                c.members.add(ids[i]);
                c.nodeList.add(i);
            }
        }
        List<StepCommunity> out = new ArrayList<>(byLabel.values());
        for (StepCommunity c : out) {
            c.nodes = c.nodeList.stream().mapToInt(Integer::intValue).toArray();
        }
        out.sort((x, y) -> x.members.size() != y.members.size() ? Integer.compare(y.members.size(), x.members.size())
                : Integer.compare(x.label, y.label));
        return out;
    }

    private static final class StepCommunity {
        final int label;
        final Set<String> members = new HashSet<>();
        final List<Integer> nodeList = new ArrayList<>();
        int[] nodes;

        StepCommunity(int label) {
            this.label = label;
        }
    }

    private static final class Match {
        final int step;
        final int front;
        final double jaccard;

        Match(int step, int front, double jaccard) {
            this.step = step;
            this.front = front;
            this.jaccard = jaccard;
        }
    }
}
