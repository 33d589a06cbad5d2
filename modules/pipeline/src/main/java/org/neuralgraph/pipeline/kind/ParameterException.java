package org.neuralgraph.pipeline.kind;

/**
 * A parameter value that is refused. Its message names the parameter as the command line does ({@code --layer must be
 * >= 1, got 0}); {@link #labelled()} names it as Gephi's dialog does ({@code Layer: must be >= 1, got 0}).
 */
public final class ParameterException extends IllegalArgumentException {

    private final transient Parameter parameter;
    private final String problem;

    public ParameterException(Parameter parameter, String problem) {
        super("--" + parameter.name() + " " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    public Parameter parameter() { return parameter; }

    /** What is wrong, without the parameter's name: "must be >= 1, got 0". */
    public String problem() { return problem; }

    /** The message as the dialog's field label says it. */
    public String labelled() {
        return parameter.label() + ": " + problem;
    }
}
