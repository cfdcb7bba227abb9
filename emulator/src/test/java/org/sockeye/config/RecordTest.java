package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sockeye.config.LoaderTestSupport.VALID;
import static org.sockeye.config.LoaderTestSupport.assertError;
import static org.sockeye.config.LoaderTestSupport.load;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The record block starts on line 27 of these documents. */
class RecordTest {
    private static String record(String body) {
        return VALID + "record:\n" + body;
    }

    @Test
    void seriesWithAllOrNames() {
        RecordSpec r = load(record("  interval: 5ms\n  queue: [l1]\n  throughput: all\n  goodput: sink\n"
                + "  cwnd: all\n")).record();
        assertEquals(5_000_000_000L, r.intervalPs());
        assertEquals(List.of("queue", "throughput", "goodput", "cwnd"), List.copyOf(r.series().keySet()));
        assertTrue(r.wants("queue", "l1"));
        assertFalse(r.wants("queue", "l2"));
        assertTrue(r.wants("throughput", "l2"));
        assertEquals(List.of("sink"), r.series().get("goodput"));
        assertFalse(r.wants("drops"));
    }

    @Test
    void unknownSeriesSuggestsOne() {
        assertError(record("  troughput: all\n"), 28, 3, "unknown record series 'troughput' (did you mean 'throughput'?)");
    }

    @Test
    void subjectsMustExist() {
        assertError(record("  queue: [l1, l3]\n"), 28, 15, "unknown link 'l3' in record series 'queue' (did you mean 'l1'?)");
        assertError(record("  goodput: [snk]\n"), 28, 13,
                "unknown application 'snk' in record series 'goodput' (did you mean 'sink'?)");
        // link series take link names, not application names
        assertError(record("  drops: [cbr]\n"), 28, 11, "unknown link 'cbr' in record series 'drops'");
    }

    @Test
    void emptySubjectListAndBadIntervalAreErrors() {
        assertError(record("  queue: []\n"), 28, 10, "record series 'queue' has no subjects (use 'all' for every link)");
        assertError(record("  interval: 0ms\n"), 28, 13, "interval must be positive, got '0ms'");
    }
}
