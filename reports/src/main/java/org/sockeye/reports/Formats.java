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

    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal b = new BigDecimal(d).round(new java.math.MathContext(9));
        return b.stripTrailingZeros().toPlainString();
    }
}
