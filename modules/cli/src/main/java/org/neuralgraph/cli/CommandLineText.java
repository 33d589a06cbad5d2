package org.neuralgraph.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The arguments the program was started with, for the reports ("how was this made"). */
final class CommandLineText {
    private static List<String> args = Collections.emptyList();

    private CommandLineText() { }

    static void set(String[] a) {
        args = Collections.unmodifiableList(new ArrayList<>(java.util.Arrays.asList(a)));
    }

    /** The arguments after the subcommand name. */
    static List<String> args() {
        return args.isEmpty() ? args : args.subList(1, args.size());
    }
}
