package org.sockeye.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> KEYS = List.of("rate", "delay", "endpoints", "queue", "framing");

    @Test
    void suggestsWithinEditDistanceTwo() {
        assertEquals("rate", DidYouMean.closest("rat", KEYS));
        assertEquals("delay", DidYouMean.closest("dealy", KEYS));
        assertEquals("queue", DidYouMean.closest("Queue", KEYS));
    }

    @Test
    void suggestsByCommonPrefixWhenFarApart() {
        assertEquals("endpoints", DidYouMean.closest("endpoint-names", KEYS));
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertNull(DidYouMean.closest("colour", KEYS));
        assertEquals("", DidYouMean.suffix("colour", KEYS));
    }

    @Test
    void suffixIsParenthesised() {
        assertEquals(" (did you mean 'rate'?)", DidYouMean.suffix("rat", KEYS));
    }

    @Test
    void levenshteinCountsEdits() {
        assertEquals(3, DidYouMean.levenshtein("kitten", "sitting"));
        assertEquals(0, DidYouMean.levenshtein("", ""));
        assertEquals(4, DidYouMean.levenshtein("", "rate"));
    }
}
