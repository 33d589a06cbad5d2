package org.neuralgraph.cli;

import org.neuralgraph.gephi.CommunityAlgorithm;
import picocli.CommandLine.Option;

/** The {@code --communities} option of the studies that find a graph's communities by modularity. */
final class CommunitiesOption {

    @Option(names = "--communities", defaultValue = "auto", paramLabel = "louvain|leiden|auto",
            description = "Modularity optimiser: Gephi's Louvain, Leiden (Traag et al. 2019, seeded by --seed), or auto: Leiden "
                    + "above " + CommunityAlgorithm.AUTO_LEIDEN_ABOVE_EDGES + " edges, Louvain otherwise (default: ${DEFAULT-VALUE}).")
    String value;

    /** @throws IllegalArgumentException naming --communities */
    CommunityAlgorithm algorithm() {
        return CommunityAlgorithm.parse(value);
    }
}
