package org.neuralgraph.pipeline.kind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked values of a list of {@link Parameter}s, every parameter present (its default where none was given).
 * Immutable; {@link #with} gives a copy with one value changed.
 */
public final class ParameterValues {

    private final List<Parameter> parameters;
    private final Map<String, Object> values;

    private ParameterValues(List<Parameter> parameters, Map<String, Object> values) {
        this.parameters = parameters;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The values {@code given} (by parameter name), each checked, and the defaults of the others.
     *
     * @throws ParameterException for a value that is refused
     * @throws IllegalArgumentException for a name that is not a parameter
     */
    public static ParameterValues of(List<Parameter> parameters, Map<String, ?> given) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Parameter p : parameters) v.put(p.name(), given.containsKey(p.name()) ? p.check(given.get(p.name())) : p.defaultValue());
        for (String name : given.keySet()) {
            if (!v.containsKey(name)) {
                StringBuilder known = new StringBuilder();
                for (Parameter p : parameters) known.append(known.length() == 0 ? "" : ", ").append(p.name());
                throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are: " + (known.length() == 0 ? "none" : known));
            }
        }
        return new ParameterValues(parameters, v);
    }

    /** Every parameter at its default. */
    public static ParameterValues defaults(List<Parameter> parameters) {
        return of(parameters, Collections.emptyMap());
    }

    /** A copy with {@code name} set to {@code value} (checked). */
    public ParameterValues with(String name, Object value) {
        Map<String, Object> given = new LinkedHashMap<>(values);
        given.put(name, value);
        return of(parameters, given);
    }

    public int integer(String name) { return (Integer) get(name); }
    public double decimal(String name) { return (Double) get(name); }
    public String text(String name) { return (String) get(name); }
    public boolean flag(String name) { return (Boolean) get(name); }

    public Object get(String name) {
        if (!values.containsKey(name)) throw new IllegalArgumentException("no parameter '" + name + "'");
        return values.get(name);
    }

    public List<Parameter> parameters() { return parameters; }

    /** The parameter called {@code name}, to name it in an error ({@link ParameterException}). */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("no parameter " + name);
    }

    /** Name to value, in the parameters' order. */
    public Map<String, Object> asMap() { return values; }

    @Override
    public String toString() {
        return values.toString();
    }
}
