package org.neuralgraph.importer;

import org.gephi.preview.spi.Renderer;
import org.neuralgraph.gephi.PieNodeRenderer;
import org.openide.util.lookup.ServiceProvider;

/**
 * Registers {@link PieNodeRenderer} with Gephi's Preview: nodes as pies of their classes, so that the overlapping
 * classes of an activation pattern graph's neurons (Mostafa and Mondal, Eq. 3-4) show. Position 350: after Gephi's
 * node renderer (300), which draws the border the pie sits in, and before the node labels (400).
 */
@ServiceProvider(service = Renderer.class, position = 350)
public final class PieNodes extends PieNodeRenderer {
}
