package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sockeye.protocols.tcp.TcpSegment;

/**
 * Parses packetdrill-format scripts (the subset {@code topologies/PKTDRILL.md} documents) into
 * {@link ScriptEvent}s. Comments are {@code //} to the end of a line and {@code /* ... *}{@code /}; a
 * system call may continue over lines while its parentheses are open.
 */
public final class ScriptParser {
    private static final Pattern NUMBER = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SEQ = Pattern.compile("(\\d+|\\.\\.\\.):(\\d+|\\.\\.\\.)\\((\\d+|\\.\\.\\.)\\)");
    private static final Pattern UDP = Pattern.compile("udp\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern SYSCALL = Pattern.compile("([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern RESULT = Pattern.compile("(-?(?:0x[0-9a-fA-F]+|\\d+))(?:\\s+([A-Z][A-Z0-9_]*))?\\s*(\\(.*\\))?");
    private static final long PS_PER_S = 1_000_000_000_000L;

    private ScriptParser() {
    }

    /** Parses a whole script. */
    public static List<ScriptEvent> parse(String source) throws ScriptException {
        String[] lines = stripComments(source).split("\n", -1);
        List<ScriptEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (line.contains("%{")) {
                StringBuilder block = new StringBuilder(line);
                while (!block.toString().contains("}%")) {
                    if (++i >= lines.length) {
                        throw new ScriptException(lineNo, raw, "'%{' block is never closed with '}%'");
                    }
                    block.append('\n').append(lines[i]);
                }
                events.add(parseAssertBlock(lineNo, block.toString()));
                continue;
            }
            while (depth(line) > 0 && i + 1 < lines.length) {
                line = line + " " + lines[++i].strip();
            }
            events.add(parseLine(lineNo, line));
        }
        return events;
    }

    /** Replaces comments by spaces, keeping line breaks so line numbers stay right. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(s.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString().replace("\r", "");
    }

    private static int depth(String s) {
        int d = 0;
        for (char c : s.toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                d++;
            } else if (c == ')' || c == ']' || c == '}') {
                d--;
            }
        }
        return d;
    }

    private static ScriptEvent parseLine(int lineNo, String line) throws ScriptException {
        TimeSpec time = TimeSpec.IMMEDIATE;
        String rest = line;
        if (!line.startsWith("`")) {
            int sp = indexOfWhitespace(line);
            if (sp < 0) {
                throw new ScriptException(lineNo, line, "expected a time followed by an event");
            }
            time = parseTime(lineNo, line, line.substring(0, sp));
            rest = line.substring(sp).strip();
        }
        if (rest.startsWith("`")) {
            int end = rest.lastIndexOf('`');
            if (end <= 0) {
                throw new ScriptException(lineNo, line, "unterminated backtick command");
            }
            return new ScriptEvent.Command(time, lineNo, line, rest.substring(1, end).strip());
        }
        if (rest.startsWith("<") || rest.startsWith(">")) {
            if (time.blocking()) {
                throw new ScriptException(lineNo, line, "'...' time spans are only for system calls");
            }
            return new ScriptEvent.Packet(time, lineNo, line, rest.charAt(0) == '<',
                    parsePacket(lineNo, line, rest.substring(1).strip()));
        }
        Matcher m = SYSCALL.matcher(rest);
        if (m.lookingAt()) {
            return parseSyscall(lineNo, line, time, rest, m);
        }
        throw new ScriptException(lineNo, line, "expected a packet ('<' or '>'), a system call, a `command` or %{ }%");
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static TimeSpec parseTime(int lineNo, String line, String tok) throws ScriptException {
        if (tok.equals("*")) {
            return new TimeSpec(true, true, 0, TimeSpec.NONE, false, false);
        }
        boolean blocking = tok.contains("...");
        String[] parts = blocking ? tok.split("\\.\\.\\.", -1) : tok.split("~", -1);
        if (parts.length > 2) {
            throw new ScriptException(lineNo, line, "bad time '" + tok + "'");
        }
        boolean rel = parts[0].startsWith("+");
        long start = seconds(lineNo, line, parts[0]);
        if (parts.length == 1) {
            return new TimeSpec(false, rel, start, TimeSpec.NONE, false, false);
        }
        boolean endRel = parts[1].startsWith("+");
        long end = seconds(lineNo, line, parts[1]);
        if (rel == endRel && end < start) {
            throw new ScriptException(lineNo, line, "time range ends before it starts: '" + tok + "'");
        }
        return new TimeSpec(false, rel, start, end, endRel, blocking);
    }

    private static long seconds(int lineNo, String line, String s) throws ScriptException {
        if (!NUMBER.matcher(s).matches()) {
            throw new ScriptException(lineNo, line, "bad time '" + s + "': expected seconds like 0.100 or +0.1");
        }
        return new java.math.BigDecimal(s.startsWith("+") ? s.substring(1) : s)
                .multiply(java.math.BigDecimal.valueOf(PS_PER_S)).longValue();
    }

    // ------------------------------------------------------------------ packets

    static PacketSpec parsePacket(int lineNo, String line, String body) throws ScriptException {
        Matcher udp = UDP.matcher(body);
        if (udp.matches()) {
            return PacketSpec.udp(Integer.parseInt(udp.group(1)));
        }
        List<OptionSpec> options = null;
        int lt = body.indexOf('<');
        if (lt >= 0) {
            int gt = body.lastIndexOf('>');
            if (gt < lt) {
                throw new ScriptException(lineNo, line, "TCP option list '<' is not closed with '>'");
            }
            if (!body.substring(gt + 1).isBlank()) {
                throw new ScriptException(lineNo, line, "unexpected text after the option list");
            }
            String list = body.substring(lt + 1, gt).strip();
            options = list.equals("...") ? null : parseOptions(lineNo, line, list);
            body = body.substring(0, lt).strip();
        }
        String[] tok = body.split("\\s+");
        if (tok.length < 2) {
            throw new ScriptException(lineNo, line, "expected TCP flags and start:end(length)");
        }
        int flags = parseFlags(lineNo, line, tok[0]);
        Matcher seq = SEQ.matcher(tok[1]);
        if (!seq.matches()) {
            throw new ScriptException(lineNo, line, "expected start:end(length), got '" + tok[1] + "'");
        }
        Long start = number(seq.group(1));
        Long end = number(seq.group(2));
        Long len = number(seq.group(3));
        if (start != null && end != null && len != null && end - start != len) {
            throw new ScriptException(lineNo, line, "sequence range " + tok[1] + " does not match its length");
        }
        Long ack = null;
        Integer win = null;
        for (int i = 2; i < tok.length; i++) {
            switch (tok[i]) {
                case "..." -> {
                }
                case "ack" -> ack = value(lineNo, line, tok, ++i);
                case "win" -> {
                    Long w = value(lineNo, line, tok, ++i);
                    win = w == null ? null : Math.toIntExact(w);
                }
                default -> throw new ScriptException(lineNo, line, "unknown packet field '" + tok[i] + "'");
            }
        }
        if (ack != null && (flags & TcpSegment.ACK) == 0) {
            throw new ScriptException(lineNo, line, "'ack' given but the '.' (ACK) flag is not set");
        }
        return new PacketSpec(false, flags, start, end, len == null ? null : Math.toIntExact(len), ack, win, options);
    }

    private static Long number(String s) {
        return s.equals("...") ? null : Long.parseLong(s);
    }

    private static Long value(int lineNo, String line, String[] tok, int i) throws ScriptException {
        if (i >= tok.length) {
            throw new ScriptException(lineNo, line, "'" + tok[i - 1] + "' needs a value");
        }
        if (tok[i].equals("...")) {
            return null;
        }
        try {
            return Long.parseLong(tok[i]);
        } catch (NumberFormatException e) {
            throw new ScriptException(lineNo, line, "'" + tok[i - 1] + "' needs a number, got '" + tok[i] + "'");
        }
    }

    static int parseFlags(int lineNo, String line, String s) throws ScriptException {
        int flags = 0;
        for (char c : s.toCharArray()) {
            int f = switch (c) {
                case 'S' -> TcpSegment.SYN;
                case 'F' -> TcpSegment.FIN;
                case 'R' -> TcpSegment.RST;
                case 'P' -> TcpSegment.PSH;
                case '.' -> TcpSegment.ACK;
                case 'U' -> TcpSegment.URG;
                case 'E' -> TcpSegment.ECE;
                case 'W' -> TcpSegment.CWR;
                default -> throw new ScriptException(lineNo, line, "unknown TCP flag '" + c + "' in '" + s
                        + "' (known: S F R P . U E W)");
            };
            flags |= f;
        }
        return flags;
    }

    static List<OptionSpec> parseOptions(int lineNo, String line, String list) throws ScriptException {
        List<OptionSpec> out = new ArrayList<>();
        if (list.isEmpty()) {
            return out;
        }
        for (String item : list.split(",")) {
            String[] t = item.strip().split("\\s+");
            try {
                out.add(switch (t[0]) {
                    case "nop" -> OptionSpec.of(OptionSpec.Kind.NOP);
                    case "eol" -> OptionSpec.of(OptionSpec.Kind.EOL);
                    case "sackOK" -> OptionSpec.of(OptionSpec.Kind.SACK_OK);
                    case "mss" -> OptionSpec.of(OptionSpec.Kind.MSS, Long.parseLong(t[1]));
                    case "wscale" -> OptionSpec.of(OptionSpec.Kind.WSCALE, Long.parseLong(t[1]));
                    case "TS" -> {
                        if (t.length != 5 || !t[1].equals("val") || !t[3].equals("ecr")) {
                            throw new IllegalArgumentException("expected 'TS val V ecr E'");
                        }
                        yield OptionSpec.of(OptionSpec.Kind.TIMESTAMP, Long.parseLong(t[2]), Long.parseLong(t[4]));
                    }
                    case "sack" -> {
                        long[] edges = new long[2 * (t.length - 1)];
                        for (int k = 1; k < t.length; k++) {
                            String[] lr = t[k].split(":");
                            edges[2 * k - 2] = Long.parseLong(lr[0]);
                            edges[2 * k - 1] = Long.parseLong(lr[1]);
                        }
                        if (edges.length == 0) {
                            throw new IllegalArgumentException("'sack' needs at least one L:R block");
                        }
                        yield OptionSpec.of(OptionSpec.Kind.SACK, edges);
                    }
                    case "FO", "FOEXP" -> new OptionSpec(OptionSpec.Kind.FAST_OPEN, new long[0],
                            t.length > 1 ? HexFormat.of().parseHex(t[1]) : new byte[0]);
                    default -> throw new IllegalArgumentException("unknown TCP option '" + t[0] + "'");
                });
            } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                String why = e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)
                        ? e.getMessage() : "bad option '" + item.strip() + "'";
                throw new ScriptException(lineNo, line, why);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ system calls

    private static ScriptEvent parseSyscall(int lineNo, String line, TimeSpec time, String rest, Matcher m)
            throws ScriptException {
        String name = m.group(1);
        int open = m.end() - 1;
        int close = matchingParen(rest, open);
        if (close < 0) {
            throw new ScriptException(lineNo, line, "unbalanced parentheses in system call");
        }
        List<String> args = splitTopLevel(rest.substring(open + 1, close));
        String after = rest.substring(close + 1).strip();
        if (!after.startsWith("=")) {
            throw new ScriptException(lineNo, line, "expected '= result' after " + name + "(...)");
        }
        Matcher r = RESULT.matcher(after.substring(1).strip());
        if (!r.matches()) {
            throw new ScriptException(lineNo, line, "expected a result like '= 0' or '= -1 EAGAIN (...)'");
        }
        String num = r.group(1);
        boolean neg = num.startsWith("-");
        String digits = neg ? num.substring(1) : num;
        long result = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
        result = neg ? -result : result;
        String errno = r.group(2);
        if (errno != null && result != -1) {
            throw new ScriptException(lineNo, line, "an errno name only follows a result of -1");
        }
        if (result == -1 && errno == null) {
            throw new ScriptException(lineNo, line, "a result of -1 needs an errno name, e.g. '-1 EAGAIN'");
        }
        return new ScriptEvent.Syscall(time, lineNo, line, name, args, result, errno);
    }

    private static int matchingParen(String s, int open) {
        int d = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                d++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                if (--d == 0) {
                    return c == ')' ? i : -1;
                }
            }
        }
        return -1;
    }

    /** Splits on commas outside brackets, braces, parentheses and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int d = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                d++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                d--;
            } else if (!quoted && d == 0 && c == ',') {
                out.add(s.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (!s.isBlank()) {
            out.add(s.substring(from).strip());
        }
        return out;
    }

    // ------------------------------------------------------------------ %{ }% blocks

    private static ScriptEvent parseAssertBlock(int lineNo, String block) throws ScriptException {
        int open = block.indexOf("%{");
        int close = block.indexOf("}%");
        String before = block.substring(0, open).strip();
        TimeSpec time = before.isEmpty() ? TimeSpec.IMMEDIATE : parseTime(lineNo, block, before);
        if (!block.substring(close + 2).isBlank()) {
            throw new ScriptException(lineNo, block, "unexpected text after '}%'");
        }
        List<String> exprs = new ArrayList<>();
        String[] body = block.substring(open + 2, close).split("[\n;]");
        for (String stmt : body) {
            String s = stmt.strip();
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash).strip();
            }
            if (s.isEmpty()) {
                continue;
            }
            if (!s.startsWith("assert ") && !s.startsWith("assert(")) {
                throw new ScriptException(lineNo, block.lines().findFirst().orElse(block),
                        "only 'assert EXPR' statements are supported in %{ }% blocks, got: " + s);
            }
            String expr = splitTopLevel(s.substring("assert".length()).strip()).get(0); // drop ", message"
            try {
                AssertExpression.parse(expr);
            } catch (IllegalArgumentException e) {
                throw new ScriptException(lineNo, block.lines().findFirst().orElse(block),
                        "bad assert expression '" + expr + "': " + e.getMessage());
            }
            exprs.add(expr);
        }
        return new ScriptEvent.Assert(time, lineNo, block, exprs);
    }
}
