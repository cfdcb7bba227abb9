package org.sockeye.reports.series;

/** What the values of a series measure; decides axis labels and scaling. */
public enum SeriesUnit {
    PACKETS("packets"),
    BYTES("bytes"),
    BITS_PER_SECOND("bit/s"),
    SECONDS("s"),
    COUNT("count"),
    /** A share of capacity, 0..1 (CPU utilisation). */
    FRACTION(""),
    /** A relative TCP sequence or ACK number, in bytes. */
    SEQUENCE("bytes"),
    /** An event marker whose value carries no magnitude (e.g. timeout = 1). */
    EVENT(""),
    UNKNOWN("");

    private final String symbol;

    SeriesUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
