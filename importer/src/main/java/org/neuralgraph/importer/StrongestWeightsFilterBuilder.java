package org.neuralgraph.importer;

import org.gephi.filters.api.FilterLibrary;
import org.gephi.filters.spi.Category;
import org.gephi.filters.spi.Filter;
import org.gephi.filters.spi.FilterBuilder;
import org.gephi.project.api.Workspace;
import org.neuralgraph.gephi.FirstView;
import org.neuralgraph.gephi.StrongestWeightsFilter;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import java.awt.FlowLayout;

/**
 * Filters panel entry (Library &gt; Edges) for {@link StrongestWeightsFilter}: the strongest weights of each layer, the
 * view a large weight graph opens with. Its panel sets the percent kept.
 */
@ServiceProvider(service = FilterBuilder.class)
public final class StrongestWeightsFilterBuilder implements FilterBuilder {

    @Override public Category getCategory() { return FilterLibrary.EDGE; }
    @Override public String getName() { return StrongestWeightsFilter.NAME; }
    @Override public Icon getIcon() { return null; }

    @Override
    public String getDescription() {
        return "Of the edges into each layer, keeps the given percent with the largest |w| (the signed weight in the edge "
                + "column 'value', else the edge weight): the strongest connections of a weight graph, layer by layer.";
    }

    @Override
    public Filter getFilter(Workspace workspace) {
        return new StrongestWeightsFilter(FirstView.STRONGEST_PERCENT);
    }

    @Override
    public JPanel getPanel(Filter filter) {
        StrongestWeightsFilter f = (StrongestWeightsFilter) filter;
        JSpinner percent = new JSpinner(new SpinnerNumberModel(f.getPercent().doubleValue(), 0.1, 100.0, 0.5));
        percent.addChangeListener(e -> f.getProperties()[0].setValue(((Number) percent.getValue()).doubleValue()));
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT));
        panel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        panel.add(new JLabel("% of each layer's edges, largest |w|:"));
        panel.add(percent);
        return panel;
    }

    @Override public void destroy(Filter filter) { }
}
