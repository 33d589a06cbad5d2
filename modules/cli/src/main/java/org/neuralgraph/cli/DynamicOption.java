package org.neuralgraph.cli;

import picocli.CommandLine.Option;

/** The {@code --dynamic} option every study that builds graphs over checkpoints shares (the pipeline's TimelineOutput). */
final class DynamicOption {

    @Option(names = "--dynamic", description = "Also write the training as one dynamic graph per graph kind: a workspace in "
            + "neuralgraph.gephi and graphs/<kind>-timeline.gexf whose timeline plays in Gephi.")
    boolean enabled;
}
