package org.sockeye.config;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses human quantities into Sockeye's base units: rates in bits/s, times in picoseconds, sizes
 * in bytes. Decimal numbers are exact (BigDecimal): {@code 1.5s} is exactly 1 500 000 000 000 ps;
 * a value that is not a whole number of base units, or does not fit a long, is an error.
 * Every method throws {@link IllegalArgumentException} with a user-facing message.
 */
public final class Units {
    /** A decimal number, an optional blank, and a unit. The sign is accepted here to give a better message. */
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)) ?(\\S*)");

    // Rates are SI decimal, in bits (RFC 2330-style conventions: 1 Mbps = 10^6 bit/s).
    private static final Map<String, Long> RATE_UNITS = Map.ofEntries(
            Map.entry("bps", 1L), Map.entry("bit/s", 1L),
            Map.entry("kbps", 1_000L), Map.entry("Kbps", 1_000L), Map.entry("kbit/s", 1_000L),
            Map.entry("Kbit/s", 1_000L),
            Map.entry("Mbps", 1_000_000L), Map.entry("Mbit/s", 1_000_000L),
            Map.entry("Gbps", 1_000_000_000L), Map.entry("Gbit/s", 1_000_000_000L),
            Map.entry("Tbps", 1_000_000_000_000L), Map.entry("Tbit/s", 1_000_000_000_000L));

    private static final Map<String, Long> TIME_UNITS = Map.of(
            "ps", 1L, "ns", 1_000L, "us", 1_000_000L, "µs", 1_000_000L, "ms", 1_000_000_000L,
            "s", 1_000_000_000_000L, "min", 60_000_000_000_000L, "h", 3_600_000_000_000_000L);

    // KB/MB/GB are decimal (as disk and network vendors use them); KiB/MiB/GiB are binary.
    private static final Map<String, Long> SIZE_UNITS = Map.of(
            "B", 1L, "KB", 1_000L, "kB", 1_000L, "MB", 1_000_000L, "GB", 1_000_000_000L,
            "KiB", 1L << 10, "MiB", 1L << 20, "GiB", 1L << 30);

    private static final String RATE_EXAMPLE = "100Mbps, 1Gbps";
    private static final String TIME_EXAMPLE = "10ms, 1.5s";
    private static final String SIZE_EXAMPLE = "1500B, 64KiB";

    private Units() {
    }

    /** A rate such as {@code 100Mbps}, {@code 2.5Gbit/s}; must be &gt; 0. */
    public static long rateBps(String text) {
        long bps = parse(text, "rate", RATE_EXAMPLE, RATE_UNITS, "bits/s");
        if (bps <= 0) {
            throw new IllegalArgumentException("rate must be positive, got '" + text + "'");
        }
        return bps;
    }

    /** A time such as {@code 10ms}, {@code 250us}, {@code 1.5s}, {@code 2min}; must be &ge; 0. */
    public static long timePs(String text) {
        long ps = parse(text, "time", TIME_EXAMPLE, TIME_UNITS, "picoseconds");
        if (ps < 0) {
            throw new IllegalArgumentException("time must not be negative, got '" + text + "'");
        }
        return ps;
    }

    /** A size such as {@code 1500B}, {@code 64KiB} (65536), {@code 64KB} (64000); must be &ge; 0. */
    public static long sizeBytes(String text) {
        long bytes = parse(text, "size", SIZE_EXAMPLE, SIZE_UNITS, "bytes");
        if (bytes < 0) {
            throw new IllegalArgumentException("size must not be negative, got '" + text + "'");
        }
        return bytes;
    }

    /** Whether {@code text} is a number followed by a size unit (queue limits are packets or sizes). */
    static boolean looksLikeSize(String text) {
        Matcher m = QUANTITY.matcher(text.strip());
        return m.matches() && SIZE_UNITS.containsKey(m.group(2));
    }

    private static long parse(String text, String what, String example, Map<String, Long> units, String base) {
        Matcher m = QUANTITY.matcher(text.strip());
        if (!m.matches() || (!m.group(2).isEmpty() && !units.containsKey(m.group(2)))) {
            throw new IllegalArgumentException("malformed " + what + " '" + text + "' (expected e.g. " + example + ")");
        }
        if (m.group(2).isEmpty()) {
            throw new IllegalArgumentException(
                    "missing unit in " + what + " '" + text + "' (expected e.g. " + example + ")");
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(units.get(m.group(2))));
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number of " + base);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is too large");
        }
    }
}
