package org.sockeye.pktdrill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpProfiles;

/**
 * Interprets a script's backtick commands without running them: {@code sysctl [-q|-w] net.ipv4.tcp_X=V},
 * {@code set_sysctls.py /proc/sys/net/ipv4/tcp_X=V ...} and {@code .../defaults.sh} (the Linux
 * profile) become {@link TcpConfig} changes; anything else, and sysctls with no equivalent, only
 * produce warnings.
 */
public final class Sysctls {
    /** The configuration after a command and what could not be applied. */
    public record Effect(TcpConfig config, List<String> warnings) {
    }

    /** Linux sysctl name to a {@link TcpConfig} key and a value translation. */
    private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
            Map.entry("tcp_sack", new Mapping("sack", Sysctls::onOff)),
            Map.entry("tcp_timestamps", new Mapping("timestamps", Sysctls::onOff)),
            Map.entry("tcp_window_scaling", new Mapping("window-scaling", Sysctls::onOff)),
            Map.entry("tcp_congestion_control", new Mapping("congestion-control", Sysctls::congestionControl)),
            // Linux tcp_fastopen is a bit mask (1 client, 2 server); the engine has one switch for both.
            Map.entry("tcp_fastopen", new Mapping("fast-open", v -> Long.decode(v) != 0 ? "on" : "off")),
            Map.entry("tcp_rmem", new Mapping("rcvbuf", Sysctls::middle)),
            Map.entry("tcp_wmem", new Mapping("sndbuf", Sysctls::middle)),
            Map.entry("tcp_rto_min_us", new Mapping("min-rto", v -> v + "us")),
            Map.entry("tcp_syn_retries", new Mapping("syn-retries", v -> v)),
            Map.entry("tcp_synack_retries", new Mapping("syn-retries", v -> v)),
            Map.entry("tcp_retries2", new Mapping("retries", v -> v)),
            Map.entry("tcp_keepalive_time", new Mapping("keepalive-idle", v -> v + "s")),
            Map.entry("tcp_keepalive_intvl", new Mapping("keepalive-interval", v -> v + "s")),
            Map.entry("tcp_keepalive_probes", new Mapping("keepalive-count", v -> v)));

    private record Mapping(String key, Function<String, String> value) {
    }

    private Sysctls() {
    }

    /** Applies one backtick command to {@code config}. */
    public static Effect apply(String command, TcpConfig config) {
        List<String> warnings = new ArrayList<>();
        TcpConfig c = config;
        for (String part : command.split(";|&&|\n")) {
            c = applyOne(part.strip(), c, warnings);
        }
        return new Effect(c, warnings);
    }

    private static TcpConfig applyOne(String cmd, TcpConfig c, List<String> warnings) {
        if (cmd.isEmpty()) {
            return c;
        }
        List<String> words = words(cmd);
        String prog = words.get(0);
        if (prog.endsWith("defaults.sh")) {
            return TcpProfiles.linux(); // the standard Linux defaults (see PKTDRILL.md)
        }
        boolean sysctl = prog.equals("sysctl");
        if (!sysctl && !prog.endsWith("set_sysctls.py")) {
            warnings.add("not run: `" + cmd + "` (only sysctl, set_sysctls.py and defaults.sh are interpreted)");
            return c;
        }
        for (String w : words.subList(1, words.size())) {
            if (w.startsWith("-")) {
                continue;
            }
            int eq = w.indexOf('=');
            if (eq < 0) {
                warnings.add("ignored: '" + w + "' in `" + cmd + "` (no '=')");
                continue;
            }
            String name = w.substring(0, eq).replace('/', '.');
            String value = unquote(w.substring(eq + 1)).strip();
            String leaf = name.substring(name.lastIndexOf('.') + 1);
            Mapping m = name.contains("ipv4.") ? MAPPINGS.get(leaf) : null;
            if (m == null) {
                warnings.add("ignored: sysctl " + name + "=" + value + " has no Sockeye equivalent");
                continue;
            }
            try {
                c = c.with(m.key(), m.value().apply(value));
            } catch (IllegalArgumentException e) {
                warnings.add("ignored: sysctl " + name + "=" + value + ": " + e.getMessage());
            }
        }
        return c;
    }

    /**
     * Linux's "reno" module only sets ssthresh and growth; loss recovery lives in tcp_input.c and is
     * NewReno's (RFC 6582) with SACK off. The engine's "reno" is classic RFC 5681, so map to "newreno".
     */
    static String congestionControl(String v) {
        return v.equals("reno") ? "newreno" : v;
    }

    private static String onOff(String v) {
        return Long.decode(v) != 0 ? "on" : "off"; // Linux tcp_timestamps=2 etc. still mean on
    }

    /** tcp_rmem/tcp_wmem are "min default max": the default sizes new sockets. */
    private static String middle(String v) {
        String[] parts = v.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected three numbers 'min default max'");
        }
        return parts[1];
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Splits a command line on spaces, keeping quoted text (e.g. "4096 87380 6291456") in one word. */
    private static List<String> words(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char ch : cmd.toCharArray()) {
            if (quote != 0) {
                cur.append(ch);
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                cur.append(ch);
            } else if (Character.isWhitespace(ch)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        // "sysctl -q net.ipv4.tcp_rmem=\"4096 87380 6291456\"": the quote sits after '=', inside the word.
        List<String> fixed = new ArrayList<>();
        for (String w : out) {
            int eq = w.indexOf('=');
            fixed.add(eq < 0 ? w : w.substring(0, eq + 1) + unquote(w.substring(eq + 1)));
        }
        return fixed;
    }
}
