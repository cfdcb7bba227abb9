package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
    @ParameterizedTest
    @CsvSource({
        "100Mbps, 100000000", "1Gbps, 1000000000", "2.5Gbps, 2500000000", "64kbps, 64000", "1bps, 1",
        "10Tbps, 10000000000000", "100Mbit/s, 100000000", "1Gbit/s, 1000000000", "'100 Mbps', 100000000",
        "0.5kbps, 500"})
    void parsesRatesInBitsPerSecondDecimal(String text, long expected) {
        assertEquals(expected, Units.rateBps(text));
    }

    @ParameterizedTest
    @CsvSource({
        "10ms, 10000000000", "250us, 250000000", "1.5s, 1500000000000", "100ns, 100000", "5ps, 5",
        "2min, 120000000000000", "0s, 0", "0.000000000001s, 1", "1.000001ms, 1000001000"})
    void parsesTimesExactlyInPicoseconds(String text, long expected) {
        assertEquals(expected, Units.timePs(text));
    }

    @ParameterizedTest
    @CsvSource({
        "1500B, 1500", "64KiB, 65536", "1MiB, 1048576", "1GiB, 1073741824", "64KB, 64000", "1MB, 1000000",
        "1.5KiB, 1536"})
    void parsesSizesInBytes(String text, long expected) {
        assertEquals(expected, Units.sizeBytes(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100Mbs|malformed rate '100Mbs' (expected e.g. 100Mbps, 1Gbps)",
        "100|missing unit in rate '100' (expected e.g. 100Mbps, 1Gbps)",
        "fast|malformed rate 'fast' (expected e.g. 100Mbps, 1Gbps)",
        "0Mbps|rate must be positive, got '0Mbps'",
        "-5Mbps|rate must be positive, got '-5Mbps'",
        "1.5bps|rate '1.5bps' is not a whole number of bits/s",
        "100MBps|malformed rate '100MBps' (expected e.g. 100Mbps, 1Gbps)"})
    void rejectsBadRates(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Units.rateBps(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1ms|time must not be negative, got '-1ms'",
        "10|missing unit in time '10' (expected e.g. 10ms, 1.5s)",
        "10sec|malformed time '10sec' (expected e.g. 10ms, 1.5s)",
        "1.5ps|time '1.5ps' is not a whole number of picoseconds",
        "99999999h|time '99999999h' is too large"})
    void rejectsBadTimes(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Units.timePs(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1500|missing unit in size '1500' (expected e.g. 1500B, 64KiB)",
        "1500b|malformed size '1500b' (expected e.g. 1500B, 64KiB)",
        "0.5B|size '0.5B' is not a whole number of bytes",
        "-1B|size must not be negative, got '-1B'"})
    void rejectsBadSizes(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes(text)).getMessage());
    }
}
