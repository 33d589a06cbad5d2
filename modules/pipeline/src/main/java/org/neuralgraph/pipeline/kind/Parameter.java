package org.neuralgraph.pipeline.kind;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One setting of a graph kind: its name (the command line's option, without the dashes, and the key Gephi remembers it
 * under), the label Gephi's dialog shows, what it means, the paper it comes from, its type, default and allowed values.
 * The command line's options and the Gephi generator's fields are both made from these, and {@link #check} is the one
 * place a value is validated, so both front-ends refuse the same values with the same words.
 */
public final class Parameter {

    /** What kind of value a parameter takes. */
    public enum Type { INTEGER, DECIMAL, CHOICE, TEXT, FLAG }

    private final String name;
    private final String label;
    private final String description;
    private final String reference;
    private final Type type;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final boolean minOpen;
    private final boolean maxOpen;
    private final List<String> choices;
    private final Consumer<String> textRule;

    private Parameter(String name, String label, String description, String reference, Type type, Object defaultValue,
                      double min, boolean minOpen, double max, boolean maxOpen, List<String> choices, Consumer<String> textRule) {
        if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("parameter name '" + name + "': lower case, digits and '-'");
        this.name = name;
        this.label = Objects.requireNonNull(label, "label");
        this.description = description == null ? "" : description;
        this.reference = reference == null ? "" : reference;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.minOpen = minOpen;
        this.maxOpen = maxOpen;
        this.choices = choices;
        this.textRule = textRule;
    }

    /** A whole number in [min, max]. */
    public static Parameter integer(String name, String label, int defaultValue, int min, int max) {
        return new Parameter(name, label, null, null, Type.INTEGER, defaultValue, min, false, max, false, null, null).checkedDefault();
    }

    /** A number between min and max; {@code minOpen} / {@code maxOpen} leave the bound out. */
    public static Parameter decimal(String name, String label, double defaultValue, double min, boolean minOpen, double max, boolean maxOpen) {
        return new Parameter(name, label, null, null, Type.DECIMAL, defaultValue, min, minOpen, max, maxOpen, null, null).checkedDefault();
    }

    /** One of {@code choices} (the command line's words; the dialog shows them as they are). */
    public static Parameter choice(String name, String label, String defaultValue, String... choices) {
        return new Parameter(name, label, null, null, Type.CHOICE, defaultValue, 0, false, 0, false,
                Collections.unmodifiableList(Arrays.asList(choices)), null).checkedDefault();
    }

    /** Free text that {@code rule} checks (it throws IllegalArgumentException saying what is wrong). */
    public static Parameter text(String name, String label, String defaultValue, Consumer<String> rule) {
        return new Parameter(name, label, null, null, Type.TEXT, defaultValue, 0, false, 0, false, null, rule).checkedDefault();
    }

    /** On or off; off by default. */
    public static Parameter flag(String name, String label) {
        return new Parameter(name, label, null, null, Type.FLAG, false, 0, false, 0, false, null, null);
    }

    /** This parameter with what it means (help text, tooltip) and where it comes from ("Mostafa and Mondal, Eq. 7"). */
    public Parameter described(String description, String reference) {
        return new Parameter(name, label, description, reference, type, defaultValue, min, minOpen, max, maxOpen, choices, textRule);
    }

    /** This parameter with another default (checked). */
    public Parameter withDefault(Object value) {
        return new Parameter(name, label, description, reference, type, value, min, minOpen, max, maxOpen, choices, textRule).checkedDefault();
    }

    private Parameter checkedDefault() {
        check(defaultValue);
        return this;
    }

    public String name() { return name; }
    public String label() { return label; }
    public String description() { return description; }
    /** The paper and section the parameter comes from, or empty. */
    public String reference() { return reference; }
    public Type type() { return type; }
    public Object defaultValue() { return defaultValue; }
    public List<String> choices() { return choices == null ? Collections.emptyList() : choices; }
    public double min() { return min; }
    public double max() { return max; }
    public boolean minOpen() { return minOpen; }
    public boolean maxOpen() { return maxOpen; }

    /**
     * The value of {@code text} as the command line gives it.
     *
     * @throws ParameterException naming this parameter when the text is not a value of its type or out of range
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            switch (type) {
                case INTEGER: return check(Integer.parseInt(t));
                case DECIMAL: return check(Double.parseDouble(t));
                case FLAG:
                    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return Boolean.parseBoolean(t);
                    throw new ParameterException(this, "must be true or false, got '" + t + "'");
                default: return check(t);
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(this, "must be " + (type == Type.INTEGER ? "a whole number" : "a number") + ", got '" + t + "'");
        }
    }

    /**
     * {@code value} as this parameter's type (a whole number from any integral Number, a double from any Number).
     *
     * @throws ParameterException naming this parameter and what is allowed
     */
    public Object check(Object value) {
        if (value == null) throw new ParameterException(this, "has no value");
        switch (type) {
            case INTEGER: {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) throw wrongType(value, "a whole number");
                long v = ((Number) value).longValue();
                if (v < min || v > max) throw new ParameterException(this, "must be " + range() + ", got " + v);
                return (int) v;
            }
            case DECIMAL: {
                if (!(value instanceof Number)) throw wrongType(value, "a number");
                double v = ((Number) value).doubleValue();
                boolean below = minOpen ? !(v > min) : !(v >= min);
                boolean above = maxOpen ? !(v < max) : !(v <= max);
                if (below || above) throw new ParameterException(this, "must be " + range() + ", got " + format(v));
                return v;
            }
            case CHOICE: {
                String v = value.toString().trim();
                if (!choices.contains(v)) throw new ParameterException(this, "must be " + choicesInWords() + ", got '" + v + "'");
                return v;
            }
            case TEXT: {
                String v = value.toString().trim();
                try {
                    if (textRule != null) textRule.accept(v);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(this, e.getMessage());
                }
                return v;
            }
            case FLAG:
                if (!(value instanceof Boolean)) throw wrongType(value, "true or false");
                return value;
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private ParameterException wrongType(Object value, String what) {
        return new ParameterException(this, "must be " + what + ", got '" + value + "'");
    }

    /** The choices in words: "pca-2, pca-1, neighbourhood or density". */
    public String choicesInWords() {
        List<String> c = choices();
        if (c.size() < 2) return String.join("", c);
        return String.join(", ", c.subList(0, c.size() - 1)) + " or " + c.get(c.size() - 1);
    }

    /** The allowed range in words: "in [0, 1)", ">= 1", "between 1 and 100". */
    public String range() {
        boolean noMax = type == Type.INTEGER ? max >= Integer.MAX_VALUE : Double.isInfinite(max) || max == Double.MAX_VALUE;
        boolean noMin = type == Type.INTEGER ? min <= Integer.MIN_VALUE : Double.isInfinite(min);
        if (noMax && noMin) return "any number";
        if (noMax) return (minOpen ? "> " : ">= ") + format(min);
        if (noMin) return (maxOpen ? "< " : "<= ") + format(max);
        return "in " + (minOpen ? "(" : "[") + format(min) + ", " + format(max) + (maxOpen ? ")" : "]");
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    @Override
    public String toString() {
        return name;
    }
}
