package org.sockeye.pktdrill;

import java.util.List;

/** One step of a script with its time, source line number and text. */
public sealed interface ScriptEvent {
    TimeSpec time();

    int line();

    String text();

    /** {@code <} (inbound: the test's remote side sends) or {@code >} (the host must send). */
    record Packet(TimeSpec time, int line, String text, boolean inbound, PacketSpec packet) implements ScriptEvent {
    }

    /**
     * A system call: {@code name(args) = result [ERRNO (text)]}. {@code args} are the top-level
     * comma-separated argument texts, trimmed.
     */
    record Syscall(TimeSpec time, int line, String text, String name, List<String> args, long result,
            String errno) implements ScriptEvent {
    }

    /** A {@code %{ ... }%} block: its {@code assert} expressions (other Python is refused when parsed). */
    record Assert(TimeSpec time, int line, String text, List<String> expressions) implements ScriptEvent {
    }

    /** A backtick command: interpreted for sysctls, never run. */
    record Command(TimeSpec time, int line, String text, String command) implements ScriptEvent {
    }
}
