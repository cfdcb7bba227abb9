package org.sockeye.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsSecondsTest {
    @Test
    void picosecondsPrintAsExactDecimalSeconds() {
        assertEquals("0", Formats.seconds(0));
        assertEquals("12", Formats.seconds(12_000_000_000_000L));
        assertEquals("0.35", Formats.seconds(350_000_000_000L));
        assertEquals("0.000000000001", Formats.seconds(1));
        assertEquals("1.000001", Formats.seconds(1_000_001_000_000L));
        assertEquals("-0.5", Formats.seconds(-500_000_000_000L));
        assertEquals("-2.25", Formats.seconds(-2_250_000_000_000L));
    }
}
