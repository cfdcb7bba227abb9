package org.sockeye.reports;

import java.math.BigDecimal;

/** How numbers are spelled in CSV and JSON outputs, in one place so every file agrees. */
public final class Formats {
    private Formats() {
    }

    /**
     * A table cell as text: integers as they are, floating point with up to 9 significant
     * digits and no exponent for ordinary magnitudes, so outputs are stable and diff-friendly.
     */
    public static Object cell(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f);
        }
        return v;
    }

    /**
     * A time given in integer picoseconds, as exact decimal seconds ("0.35", "12", "0.000001"):
     * integer arithmetic only, so simulated times print without binary-fraction noise.
     */
    public static String seconds(long ps) {
        final long perSecond = 1_000_000_000_000L;
        long whole = ps / perSecond;
        long frac = Math.abs(ps % perSecond);
        String sign = ps < 0 && whole == 0 ? "-" : "";
        if (frac == 0) {
            return sign + whole;
        }
        int digits = 12;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        String f = Long.toString(frac);
        return sign + whole + "." + "0".repeat(digits - f.length()) + f;
    }

    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String shortest = Double.toString(d);
        if (hasAtMostNineDigits(shortest)) {
            // Same text as the rounding below, about 20x faster: the shortest representation is
            // within half an ulp of d, so rounding d to 9 digits gives back exactly these digits.
            return shortest;
        }
        BigDecimal b = new BigDecimal(d).round(NINE_DIGITS);
        return b.stripTrailingZeros().toPlainString();
    }

    private static final java.math.MathContext NINE_DIGITS = new java.math.MathContext(9);

    /** True for plain (no exponent) decimal text with at most 9 significant digits and no trailing zero. */
    private static boolean hasAtMostNineDigits(String s) {
        int digits = 0;
        boolean leading = true;
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'E') {
                return false;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    leading = false;
                }
                if (!leading) {
                    digits++;
                }
                last = c;
            }
        }
        return digits <= 9 && last != '0' && s.indexOf('.') >= 0;
    }
}
