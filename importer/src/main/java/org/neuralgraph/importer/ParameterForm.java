package org.neuralgraph.importer;

import org.neuralgraph.pipeline.kind.Parameter;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a graph kind's {@link Parameter}s, made from the parameters themselves: a spinner for a number (its
 * range as bounds), a list for a choice, a tick box for a flag, a text field for text. The label is the parameter's, the
 * tooltip its description and the paper it comes from. Values are checked by the parameters, not here.
 */
final class ParameterForm extends JPanel {

    private final List<Parameter> parameters;
    private final Map<String, JComponent> fields = new LinkedHashMap<>();

    ParameterForm(List<Parameter> parameters) {
        super(new GridBagLayout());
        this.parameters = parameters;
        int row = 0;
        for (Parameter p : parameters) {
            JComponent field = field(p);
            String tip = "<html>" + p.description() + (p.reference().isEmpty() ? "" : "<br><i>" + p.reference() + "</i>") + "</html>";
            field.setToolTipText(tip);
            fields.put(p.name(), field);
            GridBagConstraints c = new GridBagConstraints();
            c.insets = new Insets(3, 4, 3, 4);
            c.anchor = GridBagConstraints.WEST;
            c.gridy = row++;
            c.gridx = 0;
            if (p.type() != Parameter.Type.FLAG) {
                JLabel label = new JLabel(p.label() + ":");
                label.setToolTipText(tip);
                add(label, c);
            }
            c.gridx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            c.weightx = 1;
            add(field, c);
        }
        GridBagConstraints rest = new GridBagConstraints(); // the fields stay at the top of a taller card
        rest.gridy = row;
        rest.weighty = 1;
        add(javax.swing.Box.createVerticalGlue(), rest);
    }

    private static JComponent field(Parameter p) {
        switch (p.type()) {
            case INTEGER: {
                int min = (int) Math.max(Integer.MIN_VALUE, p.min()), max = (int) Math.min(Integer.MAX_VALUE, p.max());
                return new JSpinner(new SpinnerNumberModel((int) (Integer) p.defaultValue(), min, max, 1));
            }
            case DECIMAL: {
                double d = (Double) p.defaultValue();
                double step = d == 0 ? 0.1 : Math.pow(10, Math.floor(Math.log10(Math.abs(d))));
                Double max = Double.isInfinite(p.max()) || p.max() >= Double.MAX_VALUE ? null : p.max();
                JSpinner s = new JSpinner(new SpinnerNumberModel(Double.valueOf(d), Double.valueOf(p.min()), max, Double.valueOf(step)));
                s.setEditor(new JSpinner.NumberEditor(s, "0.######"));
                return s;
            }
            case CHOICE:
                return new JComboBox<>(p.choices().toArray(new String[0]));
            case FLAG:
                return new JCheckBox(p.label());
            default:
                return new JTextField(String.valueOf(p.defaultValue()), 14);
        }
    }

    /** Shows {@code values} (by name; the defaults for the others). */
    void show(Map<String, Object> values) {
        for (Parameter p : parameters) {
            Object v = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            JComponent f = fields.get(p.name());
            if (f instanceof JSpinner) ((JSpinner) f).setValue(v);
            else if (f instanceof JComboBox) ((JComboBox<?>) f).setSelectedItem(v);
            else if (f instanceof JCheckBox) ((JCheckBox) f).setSelected(Boolean.TRUE.equals(v));
            else ((JTextField) f).setText(String.valueOf(v));
        }
    }

    /** The values in the fields, by parameter name (not yet checked). */
    Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            JComponent f = fields.get(p.name());
            if (f instanceof JSpinner) {
                try {
                    ((JSpinner) f).commitEdit();
                } catch (java.text.ParseException typedNonsense) {
                    // the spinner keeps its last valid value
                }
                out.put(p.name(), ((JSpinner) f).getValue());
            } else if (f instanceof JComboBox) {
                out.put(p.name(), ((JComboBox<?>) f).getSelectedItem());
            } else if (f instanceof JCheckBox) {
                out.put(p.name(), ((JCheckBox) f).isSelected());
            } else {
                out.put(p.name(), ((JTextField) f).getText().trim());
            }
        }
        return out;
    }

    /** The field of one parameter, for tests. */
    JComponent field(String name) {
        return fields.get(name);
    }
}
