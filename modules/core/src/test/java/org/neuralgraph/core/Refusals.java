package org.neuralgraph.core;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that bad input is refused with a message naming what is wrong. */
public final class Refusals {

    private Refusals() { }

    /** {@code call} throws an IllegalArgumentException whose message contains {@code part}. */
    public static void assertMessage(String part, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should name '" + part + "'");
    }
}
