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

    @Override
    public JPanel getPanel() {
        if (panel == null) panel = new GeneratorPanel();
        return panel;
    }

    @Override
    public void setup(Generator g) {
        generator = (NeuralNetworkGenerator) g;
        ((GeneratorPanel) getPanel()).show(generator.getRequest());
    }

    @Override
    public void unsetup() {
        if (generator != null && panel != null) generator.setRequest(panel.read());
        generator = null;
    }
}
