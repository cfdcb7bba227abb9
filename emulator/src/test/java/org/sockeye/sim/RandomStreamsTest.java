package org.sockeye.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    private static long[] draws(RandomGenerator g, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = g.nextLong();
        }
        return out;
    }

    @Test
    void sameSeedAndNameGiveSameSequence() {
        assertArrayEquals(draws(new RandomStreams(7).stream("loss:a-b"), 100),
                draws(new RandomStreams(7).stream("loss:a-b"), 100));
    }

    @Test
    void differentNamesGiveDifferentSequences() {
        RandomStreams streams = new RandomStreams(7);
        assertFalse(Arrays.equals(draws(streams.stream("loss:a-b"), 100), draws(streams.stream("loss:b-a"), 100)));
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        assertFalse(Arrays.equals(draws(new RandomStreams(7).stream("x"), 100),
                draws(new RandomStreams(8).stream("x"), 100)));
    }

    @Test
    void creatingAndUsingAnotherStreamFirstDoesNotChangeAStreamsDraws() {
        long[] alone = draws(new RandomStreams(99).stream("target"), 50);
        RandomStreams busy = new RandomStreams(99);
        draws(busy.stream("other"), 1000);
        draws(busy.stream("yet-another"), 3);
        assertArrayEquals(alone, draws(busy.stream("target"), 50));
    }

    @Test
    void streamIsCreatedOnceAndContinues() {
        RandomStreams streams = new RandomStreams(1);
        RandomGenerator g = streams.stream("s");
        assertSame(g, streams.stream("s"));
        long[] first = draws(g, 10);
        long[] fresh = draws(new RandomStreams(1).stream("s"), 20);
        assertArrayEquals(Arrays.copyOfRange(fresh, 10, 20), draws(streams.stream("s"), 10));
        assertArrayEquals(Arrays.copyOf(fresh, 10), first);
    }
}
