package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpInfo;
import org.sockeye.protocols.tcp.TcpProfiles;
import org.sockeye.protocols.tcp.TcpSegment;

/**
 * Runs one packetdrill-format script against a fresh {@link SimulatedHost} with the {@code linux}
 * profile. Inbound lines and system calls happen at their time; a {@code >} line waits for the host's
 * next packet and checks its time (within the tolerance) and fields. Relative times count from the
 * actual time of the previous line, as in packetdrill. Every packet the host sends must be matched by
 * a {@code >} line: one still unmatched a tolerance after it was sent, or at the end, fails the script.
 * A blocking call that cannot complete lets the script go on and is retried after every step.
 */
public final class ScriptRunner {
    /** packetdrill's default timing tolerance. */
    public static final long DEFAULT_TOLERANCE_US = 4000;
    private static final long PS_PER_US = 1_000_000L;
    /** How far a {@code * >} line may wait for a packet. */
    private static final long ANY_TIME_LIMIT = 3600L * 1_000_000_000_000L;

    private final long tolerance;
    private final boolean verbose;

    private SimulatedHost host;
    private SocketCalls calls;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private PendingCall pending;
    private ScriptFailure deferred;
    private boolean retrying;
    private ScriptEvent currentEvent;
    private String scriptName;

    private record PendingCall(ScriptEvent.Syscall event, Supplier<CallResult> attempt, long wantEnd) {
    }

    public ScriptRunner(long toleranceUs, boolean verbose) {
        this.tolerance = toleranceUs * PS_PER_US;
        this.verbose = verbose;
    }

    /** Parses and runs {@code source}; {@code name} labels messages (the file path). */
    public ScriptResult run(String name, String source) {
        warnings.clear();
        log.clear();
        scriptName = name;
        List<ScriptEvent> events;
        try {
            events = ScriptParser.parse(source);
        } catch (ScriptException e) {
            return new ScriptResult(ScriptResult.Status.MALFORMED, e.format(name), List.copyOf(warnings), List.copyOf(log));
        }
        host = new SimulatedHost();
        calls = new SocketCalls(host, initialConfig(), w -> warn(lineOf(), w));
        host.afterEveryStep(this::retryPending);
        pending = null;
        deferred = null;
        try {
            long base = 0;
            for (ScriptEvent e : events) {
                currentEvent = e;
                base = e instanceof ScriptEvent.Packet p && !p.inbound() ? expectOutbound(p, base) : runAt(e, base);
                throwDeferred();
            }
            finish(events.isEmpty() ? null : events.get(events.size() - 1));
            return new ScriptResult(ScriptResult.Status.PASSED, name + ": ok", List.copyOf(warnings), List.copyOf(log));
        } catch (ScriptFailure f) {
            return new ScriptResult(ScriptResult.Status.FAILED, f.format(name), List.copyOf(warnings), List.copyOf(log));
        } catch (ScriptException e) {
            return new ScriptResult(ScriptResult.Status.MALFORMED, e.format(name), List.copyOf(warnings), List.copyOf(log));
        } catch (IllegalArgumentException | ArithmeticException e) {
            ScriptEvent at = currentEvent;
            String msg = name + ":" + (at == null ? 0 : at.line()) + ": " + e.getMessage()
                    + (at == null ? "" : System.lineSeparator() + "    " + at.text().strip());
            return new ScriptResult(ScriptResult.Status.MALFORMED, msg, List.copyOf(warnings), List.copyOf(log));
        }
    }

    private void warn(int line, String what) {
        warnings.add(scriptName + ":" + line + ": warning: " + what);
    }

    private int lineOf() {
        return currentEvent == null ? 0 : currentEvent.line();
    }

    // ------------------------------------------------------------------ outbound

    private long expectOutbound(ScriptEvent.Packet p, long base) throws ScriptFailure {
        TimeSpec t = p.time();
        long lo = t.any() ? Long.MIN_VALUE : t.startAfter(base) - tolerance;
        long hi = t.any() ? host.now() + ANY_TIME_LIMIT : t.endAfter(base) + tolerance;
        if (!host.runUntilSent(hi)) {
            host.advanceTo(hi);
            throwDeferred();
            throw new ScriptFailure(p, host.now(), "expected packet was not sent" + System.lineSeparator()
                    + "    expected: " + p.text().strip().replaceFirst("^\\S+\\s+", "") + " at " + window(t, base));
        }
        throwDeferred();
        SentPacket got = host.outbound().poll();
        log(got.time(), PacketFormat.format(got));
        if (got.time() < lo) {
            throw new ScriptFailure(p, got.time(), "packet sent too early: at " + seconds(got.time()) + " s, expected "
                    + window(t, base) + System.lineSeparator() + "    actual: " + PacketFormat.format(got));
        }
        List<String> diffs = PacketMatcher.differences(p.packet(), got);
        if (!diffs.isEmpty()) {
            throw new ScriptFailure(p, got.time(), "bad outbound packet: " + String.join("; ", diffs)
                    + System.lineSeparator() + "    expected: " + p.text().strip().replaceFirst("^\\S+\\s+", "")
                    + System.lineSeparator() + "    actual:   " + PacketFormat.format(got));
        }
        return got.time();
    }

    private String window(TimeSpec t, long base) {
        if (t.any()) {
            return "any time";
        }
        return seconds(t.startAfter(base)) + (t.hasEnd() ? "~" + seconds(t.endAfter(base)) : "") + " s (±"
                + tolerance / PS_PER_US + " us)";
    }

    // ------------------------------------------------------------------ everything else

    private long runAt(ScriptEvent e, long base) throws ScriptFailure, ScriptException {
        long at = e.time().any() ? host.now() : Math.max(e.time().startAfter(base), host.now());
        host.advanceTo(at);
        throwDeferred();
        checkNothingUnexpected(e, at);
        if (e instanceof ScriptEvent.Packet p) {
            inbound(p);
        } else if (e instanceof ScriptEvent.Syscall s) {
            syscall(s, e.time().endAfter(base));
        } else if (e instanceof ScriptEvent.Assert a) {
            asserts(a);
        } else if (e instanceof ScriptEvent.Command c) {
            command(c);
        }
        return at;
    }

    /** A packet still unmatched a tolerance after it was sent has no {@code >} line: a failure. */
    private void checkNothingUnexpected(ScriptEvent e, long at) throws ScriptFailure {
        SentPacket first = host.outbound().peek();
        if (first != null && first.time() < at - tolerance) {
            throw new ScriptFailure(e, first.time(), "unexpected outbound packet before this line"
                    + System.lineSeparator() + "    actual: " + PacketFormat.format(first));
        }
    }

    private void inbound(ScriptEvent.Packet p) {
        log(host.now(), p.text().strip().replaceFirst("^\\S+\\s+", ""));
        PacketSpec spec = p.packet();
        if (spec.udp()) {
            if (!calls.deliverUdp(spec.length())) {
                warn(p.line(), "no UDP socket; datagram dropped");
            }
            return;
        }
        host.inject(segment(spec));
    }

    /** The segment a {@code <} line describes; a missing window is 65535, unknown fields zero. */
    private static TcpSegment segment(PacketSpec spec) {
        TcpSegment s = new TcpSegment();
        s.flags = spec.flags();
        s.seq = spec.seqStart() == null ? 0 : (int) (long) spec.seqStart();
        s.payloadLength = spec.length() == null ? 0 : spec.length();
        s.ack = spec.ack() == null ? 0 : (int) (long) spec.ack();
        s.window = spec.window() == null ? 65535 : spec.window();
        if (spec.options() != null) {
            for (OptionSpec o : spec.options()) {
                switch (o.kind()) {
                    case MSS -> s.mss = (int) o.values()[0];
                    case WSCALE -> s.windowScale = (int) o.values()[0];
                    case SACK_OK -> s.sackPermitted = true;
                    case TIMESTAMP -> {
                        s.hasTimestamps = true;
                        s.tsVal = (int) o.values()[0];
                        s.tsEcr = (int) o.values()[1];
                    }
                    case SACK -> {
                        for (int i = 0; i + 1 < o.values().length && s.sackCount < TcpSegment.MAX_SACK_BLOCKS; i += 2) {
                            s.addSackBlock((int) o.values()[i], (int) o.values()[i + 1]);
                        }
                    }
                    case FAST_OPEN -> s.fastOpenCookie = o.cookie();
                    case NOP, EOL -> {
                    }
                }
            }
        }
        return s;
    }

    private void syscall(ScriptEvent.Syscall s, long wantEnd) throws ScriptFailure, ScriptException {
        if (pending != null) {
            throw new ScriptFailure(s, host.now(), "system call while the blocking call on line "
                    + pending.event().line() + " has not returned");
        }
        log(host.now(), s.text().strip().replaceFirst("^\\S+\\s+", ""));
        Supplier<CallResult> attempt = calls.start(s);
        retrying = true;
        CallResult r;
        try {
            r = attempt.get();
        } finally {
            retrying = false;
        }
        if (r.blocked()) {
            pending = new PendingCall(s, attempt, wantEnd);
            return;
        }
        check(s, r, wantEnd, host.now());
    }

    /** Retries the blocked call after an engine step; a failure waits until the step is over. */
    private void retryPending() {
        if (pending == null || retrying || deferred != null) {
            return;
        }
        retrying = true;
        try {
            CallResult r = pending.attempt().get();
            if (!r.blocked()) {
                PendingCall p = pending;
                pending = null;
                check(p.event(), r, p.wantEnd(), host.now());
            }
        } catch (ScriptFailure f) {
            deferred = f;
        } finally {
            retrying = false;
        }
    }

    private void throwDeferred() throws ScriptFailure {
        if (deferred != null) {
            ScriptFailure f = deferred;
            deferred = null;
            throw f;
        }
    }

    private void check(ScriptEvent.Syscall s, CallResult r, long wantEnd, long end) throws ScriptFailure {
        String expected = s.errno() == null ? Long.toString(s.result()) : "-1 " + s.errno();
        if (!expected.equals(r.describe())) {
            throw new ScriptFailure(s, end, s.name() + " returned " + r.describe() + ", expected " + expected);
        }
        if (r.mismatch() != null) {
            throw new ScriptFailure(s, end, s.name() + ": " + r.mismatch());
        }
        if (s.time().blocking() && Math.abs(end - wantEnd) > tolerance) {
            throw new ScriptFailure(s, end, s.name() + " returned at " + seconds(end) + " s, expected at "
                    + seconds(wantEnd) + " s (±" + tolerance / PS_PER_US + " us)");
        }
    }

    private void asserts(ScriptEvent.Assert a) throws ScriptFailure {
        SimulatedHost.Conn c = host.current();
        if (c == null) {
            throw new ScriptFailure(a, host.now(), "no TCP connection to read tcp_info from");
        }
        TcpInfo info = c.tcp.info();
        for (String expr : a.expressions()) {
            AssertExpression.Parsed p = AssertExpression.parse(expr);
            if (!p.holds(n -> TcpInfoVariables.value(n, info))) {
                StringBuilder values = new StringBuilder();
                for (String n : p.names()) {
                    if (!TcpInfoVariables.isConstant(n)) {
                        values.append(values.length() == 0 ? "" : ", ").append(n).append(" = ")
                                .append(TcpInfoVariables.value(n, info));
                    }
                }
                throw new ScriptFailure(a, host.now(), "assertion failed: " + expr + System.lineSeparator()
                        + "    values: " + values);
            }
        }
        log(host.now(), "%{ " + String.join("; ", a.expressions()) + " }% holds");
    }

    private void command(ScriptEvent.Command c) {
        Sysctls.Effect fx = Sysctls.apply(c.command(), calls.stackConfig());
        calls.setStackConfig(fx.config());
        for (String w : fx.warnings()) {
            warn(c.line(), w);
        }
        log(host.now(), "`" + c.command() + "`");
    }

    private void finish(ScriptEvent last) throws ScriptFailure {
        if (pending != null) {
            throw new ScriptFailure(pending.event(), host.now(), "blocking " + pending.event().name()
                    + " never returned");
        }
        SentPacket extra = host.outbound().peek();
        if (extra != null) {
            throw new ScriptFailure(last, extra.time(), "unexpected outbound packet at the end of the script"
                    + System.lineSeparator() + "    actual: " + PacketFormat.format(extra));
        }
    }

    private void log(long time, String what) {
        if (verbose) {
            log.add(String.format(Locale.ROOT, "%s %s", seconds(time), what));
        }
    }

    /** Picoseconds as seconds with microsecond precision. */
    static String seconds(long ps) {
        return String.format(Locale.ROOT, "%.6f", ps / 1e12);
    }

    /** The stack configuration a script starts from. */
    static TcpConfig initialConfig() {
        return TcpProfiles.linux();
    }
}
