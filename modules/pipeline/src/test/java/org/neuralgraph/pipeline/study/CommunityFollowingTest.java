package org.neuralgraph.pipeline.study;

import com.google.gson.JsonObject;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralgraph.core.community.CommunityTracking;
import org.neuralgraph.core.graph.Names;
import org.neuralgraph.core.graph.NeuralGraph;
import org.neuralgraph.core.progress.ProgressMonitor;
import org.neuralgraph.dl4j.Dl4jFixtures;
import org.neuralgraph.gephi.GephiProject;
import org.neuralgraph.gephi.GraphStyle;
import org.neuralgraph.gephi.ModularitySweep;
import org.neuralgraph.pipeline.report.Json;
import org.neuralgraph.pipeline.report.StrictJson;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Communities followed over three hand-made checkpoints through real Gephi: Louvain on each workspace, then the
 * persistent column, the colours, the chart, the table and the report parts.
 */
class CommunityFollowingTest {

    /** Cliques of the given node-id prefixes (5 nodes each), joined in a chain by one weak edge. */
    private static NeuralGraph cliques(String... groups) {
        NeuralGraph.Builder b = new NeuralGraph.Builder(false);
        int previous = -1;
        for (String group : groups) {
            int[] ids = new int[group.length() * 5];
            int k = 0;
            for (char c : group.toCharArray()) for (int i = 0; i < 5; i++) ids[k++] = b.addNode(c + "" + i, c + "" + i);
            for (int i = 0; i < ids.length; i++) for (int j = i + 1; j < ids.length; j++) b.addEdge(ids[i], ids[j], 1);
            if (previous >= 0) b.addEdge(previous, ids[0], 0.01);
            previous = ids[0];
        }
        return b.build();
    }

    @Test
    void louvainsFreshNumbersBecomeOnePersistentColumnAndColour(@TempDir Path dir) throws Exception {
        GephiProject project = GephiProject.fresh();
        CommunityFollowing following = new CommunityFollowing();
        TimelineOutput timeline = new TimelineOutput(true, project);
        // checkpoint 0: a, b, c apart; 1: the same (Louvain may number them otherwise); 2: a and b merged ("ab" is one
        // clique of 10), c left, d born
        List<NeuralGraph> graphs = List.of(cliques("a", "b", "c"), cliques("c", "b", "a"), cliques("ab", "d"));
        List<Map<String, Integer>> ids = new ArrayList<>();
        List<Map<String, Color>> colours = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            GraphModel gm = project.graphModel(project.importGraph(graphs.get(k), "cp " + k, ProgressMonitor.NONE));
            ModularitySweep.run(gm, new double[] {1.0}, 1.0, ProgressMonitor.NONE);
            following.follow("weights", "the weight graph", gm, Dl4jFixtures.checkpoint(5 * k, 0.5, 0.5), k);
            GraphStyle.colourBy(gm, Names.COMMUNITY);
            Column col = gm.getNodeTable().getColumn(Names.COMMUNITY);
            assertEquals(Names.COMMUNITY_TITLE, col.getTitle());
            Map<String, Integer> byNode = new HashMap<>();
            Map<String, Color> colourByNode = new HashMap<>();
            for (Node n : gm.getGraph().getNodes()) {
                byNode.put(n.getId().toString(), (Integer) n.getAttribute(col));
                colourByNode.put(n.getId().toString(), n.getColor());
            }
            ids.add(byNode);
            colours.add(colourByNode);
            timeline.add("weights", gm, 5 * k);
        }
        for (int k = 0; k < 2; k++) {
            assertEquals(0, ids.get(k).get("a0"), "first-seen order: " + ids.get(k));
            assertEquals(1, ids.get(k).get("b3"));
            assertEquals(2, ids.get(k).get("c4"));
            assertEquals(colours.get(0).get("b1"), colours.get(k).get("b1"), "a community keeps its colour");
        }
        assertNotEquals(colours.get(0).get("a0"), colours.get(0).get("b0"));
        assertEquals(0, ids.get(2).get("b2"), "a and b merged under a's id (Jaccard 1/2 each, a's front is smaller id)");
        assertEquals(3, ids.get(2).get("d0"), "d is born with a new id");
        assertEquals(colours.get(0).get("a0"), colours.get(2).get("b4"));

        CommunityTracking.Result r = following.results().get("weights");
        assertEquals(3, r.eventsAt(1).size());
        assertTrue(r.eventsAt(1).stream().allMatch(e -> e.kind() == CommunityTracking.Kind.CONTINUE), "" + r.eventsAt(1));
        List<String> kinds = new ArrayList<>();
        for (CommunityTracking.Event e : r.eventsAt(2)) kinds.add(e.kind().label());
        assertEquals(List.of("merge", "death", "birth"), kinds);

        following.write(dir);
        BufferedImage chart = ImageIO.read(dir.resolve("charts/weights-communities.png").toFile());
        assertEquals(0xFFFFFF, chart.getRGB(2, 2) & 0xFFFFFF);
        String csv = Files.readString(dir.resolve("tables/weights-community-events.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("5,10,merge,0 1,0,5 5,10,0.5000"), csv);
        assertTrue(csv.contains("5,10,death,2,,5,,"), csv);
        assertTrue(csv.contains("5,10,birth,,3,,5,"), csv);
        String md = following.markdown();
        assertTrue(md.contains("## Communities followed over checkpoints"), md);
        assertTrue(md.contains("| 0 → 5 | 3 → 3 | 3 | 0 | 0 | 0 | 0 | 0 | 0 |"), md);
        assertTrue(md.contains("| 5 → 10 | 3 → 2 | 0 | 0 | 0 | 0 | 1 | 1 | 1 |"), md);
        assertTrue(md.contains("| 5 → 10 | merge | 0 (5), 1 (5) | 0 (10) | 0.50 |"), md);
        assertTrue(md.contains("![communities over checkpoints](charts/weights-communities.png)"), md);
        JsonObject json = StrictJson.parse(Json.write(following.json())).getAsJsonObject();
        JsonObject weights = json.getAsJsonObject("series").getAsJsonObject("weights");
        assertEquals(6, weights.getAsJsonArray("events").size());
        assertEquals("birth", weights.getAsJsonArray("events").get(5).getAsJsonObject().get("event").getAsString());
        assertEquals(0.3, json.get("theta").getAsDouble());

        // the timeline keeps the column as a dynamic one and the animation's frames their checkpoint's colours
        List<String> files = timeline.write(dir, 10, ProgressMonitor.NONE, new ArrayList<>());
        assertTrue(files.contains("graphs/weights-timeline.gexf"), "" + files);
        String gexf = Files.readString(dir.resolve("graphs/weights-timeline.gexf"), StandardCharsets.UTF_8);
        assertTrue(gexf.contains("title=\"" + Names.COMMUNITY_TITLE + "\""), "the dynamic GEXF has the column");
    }
}
