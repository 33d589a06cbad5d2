package org.neuralgraph.cli;

import org.neuralgraph.core.progress.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The {@code neuralgraph} command line. Every subcommand ends bad input with one line on standard error and
 * a non-zero exit code: 2 for a wrong option, 1 for a failed job (unreadable file, bad model, ...), 130 when
 * cancelled with Ctrl-C.
 */
@Command(name = "neuralgraph",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Neural networks as networks: train or load a model, turn it into graphs, "
                + "analyse them with Gephi and export GEXF, PDF and SVG. The papers' studies: weights, activations, featuremaps, "
                + "netfragments, mapper, capacitance; any graph kind: graph KIND.",
        subcommands = {WeightsCommand.class, ActivationsCommand.class, FeatureMapsCommand.class, NetFragmentsCommand.class, MapperCommand.class, CapacitanceCommand.class, TrainCommand.class, StatsCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the log lines of Gephi, NetBeans and DL4J, and a stack trace with an unexpected error.")
    boolean verbose;

    /** Runs the command line and returns its exit code (used by tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLineText.set(args);
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose"); // before anything logs
        QuietLogging.configure(verbose);
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("graph", GraphCommand.withKinds());
        ModelOptions.describeDefaults(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            if (t instanceof UncheckedIOException && t.getCause() != null) t = t.getCause();
            if (t instanceof CancelledException) {
                CancelOnInterrupt.sayCancelled(err);
                return 130;
            }
            if (t instanceof IllegalArgumentException) {
                err.println("neuralgraph: " + t.getMessage());
                return 2;
            }
            if (t instanceof IOException) {
                err.println("neuralgraph: " + t.getMessage());
                return 1;
            }
            err.println("neuralgraph: unexpected error: " + t + (verbose ? "" : " (run again with --verbose for the stack trace)"));
            if (verbose) t.printStackTrace(err);
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("neuralgraph: " + ex.getMessage());
            err.println("Try 'neuralgraph " + ex.getCommandLine().getCommandName() + " --help'.");
            return 2;
        });
        return cl.execute(args);
    }

    /** Prints the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"neuralgraph " + (v == null ? "(development build)" : v)};
        }
    }
}
