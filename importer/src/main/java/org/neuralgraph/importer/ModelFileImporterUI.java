package org.neuralgraph.importer;

import org.gephi.io.importer.spi.Importer;
import org.gephi.io.importer.spi.ImporterUI;
import org.neuralgraph.pipeline.kind.GraphKind;
import org.neuralgraph.pipeline.kind.GraphKinds;
import org.neuralgraph.pipeline.kind.Parameter;
import org.neuralgraph.pipeline.kind.ParameterException;
import org.openide.util.NbPreferences;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * The settings Gephi shows before File &gt; Open of a model file: which graph kind to build (the registry's kinds) and
 * that kind's parameters, made from the kind as File &gt; Generate makes them; remembered between imports. The dialog
 * fits the chosen kind's fields and is at most {@link #MAX_WIDTH} wide.
 */
@ServiceProvider(service = ImporterUI.class)
public final class ModelFileImporterUI implements ImporterUI {

    /** Kept apart from File &gt; Generate's remembered request (same module node), hence the "open." keys. */
    private static final Preferences PREFS = NbPreferences.forModule(ModelFileImporterUI.class);
    /** Wider than any kind's fields need: the dialog stays compact whatever a field asks for. */
    static final int MAX_WIDTH = 560;

    private final List<GraphKind> kinds = GraphKinds.all();
    private final Map<String, ParameterForm> forms = new HashMap<>();

    private final JComboBox<String> kind = new JComboBox<>();
    /**
     * As wide as the widest kind's fields, so the dialog keeps its width, but only as tall as the shown kind's: a
     * CardLayout alone is as tall as the tallest kind's, which left the weight graph's one field in an empty dialog.
     */
    private final JPanel cards = new JPanel(new CardLayout()) {
        @Override
        public Dimension getPreferredSize() {
            Dimension d = super.getPreferredSize();
            for (java.awt.Component c : getComponents()) if (c.isVisible()) d.height = c.getPreferredSize().height;
            return d;
        }
    };
    private ModelFileImporter[] importers = new ModelFileImporter[0];

    public ModelFileImporterUI() {
        for (GraphKind k : kinds) {
            kind.addItem(k.title());
            ParameterForm f = new ParameterForm(k.parameters());
            forms.put(k.id(), f);
            cards.add(f, k.id());
        }
        kind.addActionListener(e -> showKind());
    }

    /** Shows the chosen kind's fields and fits the open dialog's height to them. */
    private void showKind() {
        ((CardLayout) cards.getLayout()).show(cards, chosen().id());
        java.awt.Window dialog = SwingUtilities.getWindowAncestor(cards);
        if (dialog != null && dialog.isShowing()) dialog.pack();
    }

    private GraphKind chosen() {
        return kinds.get(Math.max(0, kind.getSelectedIndex()));
    }

    @Override
    public void setup(Importer[] importers) {
        this.importers = java.util.Arrays.stream(importers).filter(i -> i instanceof ModelFileImporter).toArray(ModelFileImporter[]::new);
        String id = PREFS.get("open.kind", kinds.get(0).id());
        for (int i = 0; i < kinds.size(); i++) if (kinds.get(i).id().equals(id)) kind.setSelectedIndex(i);
        for (GraphKind k : kinds) {
            Map<String, Object> remembered = new LinkedHashMap<>();
            for (Parameter p : k.parameters()) {
                String text = PREFS.get("open." + k.id() + "." + p.name(), null);
                try {
                    if (text != null) remembered.put(p.name(), p.parse(text));
                } catch (ParameterException outdated) {
                    // the default instead
                }
            }
            forms.get(k.id()).show(remembered);
        }
        showKind();
    }

    @Override
    public JPanel getPanel() {
        JPanel top = new JPanel(new BorderLayout(6, 6));
        top.add(new JLabel("Graph kind:"), BorderLayout.WEST);
        top.add(kind, BorderLayout.CENTER);
        JPanel p = new JPanel(new BorderLayout(6, 6)) {
            @Override
            public Dimension getPreferredSize() {
                Dimension d = super.getPreferredSize();
                return new Dimension(Math.min(d.width, MAX_WIDTH), d.height);
            }
        };
        p.setBorder(BorderFactory.createEmptyBorder(8, 8, 4, 8));
        p.add(top, BorderLayout.NORTH);
        p.add(cards, BorderLayout.CENTER);
        return p;
    }

    @Override
    public void unsetup(boolean update) {
        if (!update) return;
        GraphKind k = chosen();
        Map<String, Object> values = forms.get(k.id()).read();
        for (ModelFileImporter i : importers) i.setKind(k.id(), values);
        PREFS.put("open.kind", k.id());
        for (Map.Entry<String, Object> v : values.entrySet()) PREFS.put("open." + k.id() + "." + v.getKey(), String.valueOf(v.getValue()));
    }

    /** The kind list and a kind's form, for tests. */
    JComboBox<String> kinds() { return kind; }
    ParameterForm form(String kindId) { return forms.get(kindId); }

    @Override
    public String getDisplayName() {
        return "Neural network model";
    }

    @Override
    public boolean isUIForImporter(Importer importer) {
        return importer instanceof ModelFileImporter;
    }
}
