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

    /** The command as it was given: {@code neuralgraph weights --out x}. */
    static String whole() {
        return "neuralgraph" + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }
}
