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
    void editDistanceCountsEditsAndSwaps() {
        assertEquals(3, DidYouMean.editDistance("kitten", "sitting"));
        assertEquals(0, DidYouMean.editDistance("", ""));
        assertEquals(4, DidYouMean.editDistance("", "rate"));
        assertEquals(1, DidYouMean.editDistance("prot", "port"));
    }

    @Test
    void shortWordsAllowOnlyOneEdit() {
        assertNull(DidYouMean.closest("rate", List.of("name", "port")));
        assertEquals("port", DidYouMean.closest("prot", List.of("name", "port")));
    }
}
