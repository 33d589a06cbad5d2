package org.neuralgraph.importer;

import org.gephi.io.generator.spi.Generator;
import org.gephi.io.generator.spi.GeneratorUI;
import org.openide.util.lookup.ServiceProvider;

import javax.swing.JPanel;

/** The settings dialog of {@link NeuralNetworkGenerator}. */
@ServiceProvider(service = NeuralNetworkGeneratorUI.class)
public final class NeuralNetworkGeneratorUI implements GeneratorUI {

    private GeneratorPanel panel;
    private NeuralNetworkGenerator generator;
    /** The fields held values that {@link GeneratorPanel#read} refused: shown again as they were, not as saved. */
    private boolean keepFields;

    @Override
    public JPanel getPanel() {
        if (panel == null) panel = new GeneratorPanel();
        return panel;
    }

    @Override
    public void setup(Generator g) {
        generator = (NeuralNetworkGenerator) g;
        if (!keepFields) ((GeneratorPanel) getPanel()).show(generator.getRequest());
        keepFields = false;
    }

    /**
     * Gephi calls this after OK, on Swing's thread, and then runs the generator: values the panel refuses (checkpoints
     * above epochs + 1, a seed that is no number) are handed to the generator to refuse as a message, after which the
     * dialog opens again with them ({@link GeneratorEnd}); an exception here would close the dialog with only a SEVERE
     * line in Gephi's log.
     */
    @Override
    public void unsetup() {
        if (generator != null && panel != null) {
            try {
                generator.setRequest(panel.read());
            } catch (IllegalArgumentException e) {
                generator.refuseNextRun(e.getMessage());
                keepFields = true;
            }
        }
        generator = null;
    }
}
