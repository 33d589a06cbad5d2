package org.neuralgraph.cli;

import org.neuralgraph.pipeline.kind.Parameter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph kind's {@link Parameter}s as options of a command: one option per parameter, named as it is
 * ({@code --neurons-per-class}), with its description, the paper it comes from and its default. The values given are
 * checked by the parameter itself, so the command line and the Gephi generator refuse the same values in the same words.
 */
final class KindOptions {

    private KindOptions() { }

    /** Adds an option for each of {@code parameters} to {@code spec}. */
    static CommandSpec add(CommandSpec spec, List<Parameter> parameters) {
        for (Parameter p : parameters) {
            List<String> text = new ArrayList<>();
            String d = p.description().isEmpty() ? p.label() + "." : p.description();
            if (!p.reference().isEmpty()) d += " (" + p.reference() + ")";
            if (p.type() != Parameter.Type.FLAG) d += " (default: " + p.defaultValue() + ")";
            text.add(d.replace("%", "%%")); // picocli formats descriptions: a bare % ("10 %") is read as a format and warned about
            OptionSpec.Builder o = OptionSpec.builder("--" + p.name()).description(text.toArray(new String[0]));
            if (p.type() == Parameter.Type.FLAG) {
                o.type(boolean.class).arity("0");
            } else {
                o.type(String.class).arity("1").paramLabel(p.type() == Parameter.Type.CHOICE ? String.join("|", p.choices()) : p.name().toUpperCase(java.util.Locale.ROOT));
            }
            spec.addOption(o.build());
        }
        return spec;
    }

    /**
     * The values given on the command line for {@code parameters}, by parameter name, each checked.
     *
     * @throws org.neuralgraph.pipeline.kind.ParameterException naming the option when a value is refused
     */
    static Map<String, Object> given(CommandSpec spec, List<Parameter> parameters) {
        Map<String, Object> given = new LinkedHashMap<>();
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (Parameter p : parameters) {
            if (!parsed.hasMatchedOption("--" + p.name())) continue;
            Object v = parsed.matchedOptionValue("--" + p.name(), null);
            given.put(p.name(), p.type() == Parameter.Type.FLAG ? Boolean.TRUE : p.parse(String.valueOf(v)));
        }
        return given;
    }
}
