package org.sockeye.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormatsTest {
    /** The definition: 9 significant digits of the exact binary value, no exponent, no trailing zeros. */
    private static String reference(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }

    @Test
    void fastPathMatchesTheNineDigitRuleExactly() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 5) {
                case 0 -> i * 1e-5; // simulation times
                case 1 -> Math.round(r.nextDouble() * 1e6) / 1000.0; // milliseconds
                case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(-8, 12));
                case 3 -> -r.nextDouble() * 1000;
                default -> 1448.0 * i / 7;
            };
            assertEquals(reference(d), Formats.number(d), "for " + d);
        }
        assertEquals("0.1", Formats.number(0.1));
        assertEquals("0.000012", Formats.number(1.2e-5));
        assertEquals("123456789", Formats.number(123456789.0));
        assertEquals("0.333333333", Formats.number(1.0 / 3));
        assertEquals("", Formats.number(Double.NaN));
    }
}
