package org.sockeye.pktdrill;

import java.util.HexFormat;

/**
 * One TCP option as written in a script ({@code mss 1460}, {@code sackOK}, {@code TS val 1 ecr 0},
 * {@code sack 1:1001}, {@code wscale 7}, {@code nop}, {@code eol}, {@code FO cookie}).
 * {@code values} holds the numbers (mss, wscale shift, TS val and ecr, SACK edges in pairs);
 * {@code cookie} the Fast Open cookie (empty for a cookie request).
 */
public record OptionSpec(Kind kind, long[] values, byte[] cookie) {
    public enum Kind {
        NOP, EOL, MSS, SACK_OK, SACK, TIMESTAMP, WSCALE, FAST_OPEN
    }

    public static OptionSpec of(Kind kind, long... values) {
        return new OptionSpec(kind, values, null);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NOP -> "nop";
            case EOL -> "eol";
            case MSS -> "mss " + values[0];
            case SACK_OK -> "sackOK";
            case WSCALE -> "wscale " + values[0];
            case TIMESTAMP -> "TS val " + values[0] + " ecr " + values[1];
            case SACK -> {
                StringBuilder sb = new StringBuilder("sack");
                for (int i = 0; i < values.length; i += 2) {
                    sb.append(' ').append(values[i]).append(':').append(values[i + 1]);
                }
                yield sb.toString();
            }
            case FAST_OPEN -> cookie.length == 0 ? "FO" : "FO " + HexFormat.of().formatHex(cookie);
        };
    }
}
