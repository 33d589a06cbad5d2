package org.neuralgraph.importer;

import org.gephi.io.importer.spi.Importer;
import org.gephi.io.importer.spi.ImporterUI;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import java.awt.GridLayout;
import java.util.prefs.Preferences;

/**
 * The settings Gephi shows before File &gt; Open of a model file: which graph kind to build (File &gt; Generate's list)
 * and the layer for the kinds that have one; remembered between imports.
 */
@ServiceProvider(service = ImporterUI.class)
public final class ModelFileImporterUI implements ImporterUI {

    /** Shared with File &gt; Generate's remembered request (same module node), hence the "open." keys. */
    private static final Preferences PREFS = NbPreferences.forModule(ModelFileImporterUI.class);
    private ModelFileImporter[] importers = new ModelFileImporter[0];
    private final JComboBox<String> kind = new JComboBox<>(GeneratorPanel.GRAPH_KINDS);
    private final JSpinner layer = new JSpinner(new SpinnerNumberModel(1, 1, 100, 1));

    @Override
    public void setup(Importer[] importers) {
        this.importers = java.util.Arrays.stream(importers).filter(i -> i instanceof ModelFileImporter)
                .toArray(ModelFileImporter[]::new);
        kind.setSelectedIndex(Math.min(PREFS.getInt("open.kind", 0), GeneratorPanel.GRAPH_KINDS.length - 1));
        layer.setValue(PREFS.getInt("open.layer", 1));
    }

    @Override
    public JPanel getPanel() {
        JPanel p = new JPanel(new GridLayout(0, 2, 6, 6));
        p.add(new JLabel("Graph kind:"));
        p.add(kind);
        p.add(new JLabel("Layer (activations: hidden dense; feature map: convolution; 1 = first):"));
        p.add(layer);
        return p;
    }

    @Override
    public void unsetup(boolean update) {
        if (!update) return;
        GraphRequest.Kind k = GraphRequest.Kind.values()[kind.getSelectedIndex()];
        int l = (Integer) layer.getValue();
        for (ModelFileImporter i : importers) {
            i.setKind(k);
            i.setLayer(l);
        }
        PREFS.putInt("open.kind", k.ordinal());
        PREFS.putInt("open.layer", l);
    }

    @Override
    public String getDisplayName() {
        return "Neural network model";
    }

    @Override
    public boolean isUIForImporter(Importer importer) {
        return importer instanceof ModelFileImporter;
    }
}
