package org.sockeye.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TimeTest {
    @Test
    void fullSizeFrameAtOneGigabitTakesExactlyTwelveMicroseconds() {
        assertEquals(12 * Time.US, Time.serialisation(1500, 1_000_000_000L));
    }

    @Test
    void fullSizeFrameAtFourHundredGigabitTakesExactlyThirtyNanoseconds() {
        assertEquals(30 * Time.NS, Time.serialisation(1500, 400_000_000_000L));
    }

    @Test
    void usualRatesAreExact() {
        assertEquals(120 * Time.US, Time.serialisation(1500, 100_000_000L));
        assertEquals(1200 * Time.NS, Time.serialisation(1500, 10_000_000_000L));
        assertEquals(480 * Time.NS, Time.serialisation(1500, 25_000_000_000L));
        assertEquals(Time.S, Time.serialisation(125_000_000, 1_000_000_000L));
    }

    @Test
    void awkwardRateRoundsUpSoTransmissionNeverEndsEarly() {
        // 12000 bits at 7 Mb/s = 1714285714.28... ps.
        assertEquals(1_714_285_715L, Time.serialisation(1500, 7_000_000L));
    }

    @Test
    void resultIsTheCeilingForManyAwkwardRates() {
        BigInteger psPerSecond = BigInteger.valueOf(Time.S);
        long[] rates = {3, 7, 999_999_937L, 1_234_567_891L, 56_000, 2_488_320_000L, 99_999_999_977L};
        long[] sizes = {1, 40, 64, 576, 1500, 9000, 65_535};
        for (long rate : rates) {
            for (long bytes : sizes) {
                BigInteger bits = BigInteger.valueOf(bytes * 8).multiply(psPerSecond);
                BigInteger[] qr = bits.divideAndRemainder(BigInteger.valueOf(rate));
                long expected = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
                assertEquals(expected, Time.serialisation(bytes, rate), bytes + " B at " + rate + " b/s");
            }
        }
    }

    @Test
    void zeroBytesTakeNoTime() {
        assertEquals(0, Time.serialisation(0, 1_000_000_000L));
    }

    @Test
    void hugeProductIsRejectedNotWrapped() {
        assertThrows(ArithmeticException.class, () -> Time.serialisation(Long.MAX_VALUE / 1000, 1));
    }

    @Test
    void secondsConversionRoundTrips() {
        assertEquals(1.5, Time.toSeconds(Time.fromSeconds(1.5)));
        assertEquals(2 * Time.MS, Time.fromSeconds(0.002));
        assertTrue(Time.NS * 1000 == Time.US && Time.US * 1000 == Time.MS && Time.MS * 1000 == Time.S);
    }
}
