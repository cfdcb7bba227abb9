package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The interval set behind the out-of-order queue and the SACK scoreboard (RFC 2018, RFC 6675 §3). */
class SeqIntervalsTest {
    @Test
    void mergesOverlappingAndAdjacentRangesAcrossWraparound() {
        SeqIntervals s = new SeqIntervals();
        s.add(-100, -50);
        s.add(10, 20);
        s.add(-50, 0); // adjacent
        assertEquals(2, s.count());
        assertEquals(-100, s.start(0));
        assertEquals(0, s.end(0));
        s.add(-10, 15); // bridges both
        assertEquals(1, s.count());
        assertEquals(-100, s.start(0));
        assertEquals(20, s.end(0));
        assertTrue(s.covers(-80, 20));
        assertFalse(s.covers(-80, 21));
    }

    @Test
    void countsBytesAndRangesAboveASequenceNumber() {
        SeqIntervals s = new SeqIntervals();
        for (int i = 0; i < 20; i++) {
            s.add(i * 100, i * 100 + 50); // grows past the initial capacity
        }
        assertEquals(20, s.count());
        assertEquals(50 + 50 + 25, s.bytesFrom(1725));
        assertEquals(2, s.rangesFrom(1725));
        s.removeBefore(1725);
        assertEquals(3, s.count());
        assertEquals(1725, s.start(0));
        assertEquals(1950, s.highestEnd(0));
    }
}
