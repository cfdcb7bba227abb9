package org.sockeye.reports.html;

import java.util.Locale;

/**
 * Numbers as people read them in the report tables: binary units for bytes, decimal for bit rates,
 * the nearest of s/ms/µs for durations, percentages for ratios. Column names decide which applies.
 */
public final class Humanize {
    private Humanize() {
    }

    /** Formats one table cell from its column name; non-numbers come back unchanged. */
    public static String cell(String column, String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return raw;
        }
        String c = column.toLowerCase(Locale.ROOT);
        if (c.endsWith("_bps")) {
            return bitRate(v);
        }
        if (c.equals("bytes") || c.startsWith("bytes_") || c.endsWith("_bytes")) {
            return bytes(v);
        }
        if (c.equals("loss_rate") || c.equals("utilisation") || c.equals("utilization") || c.endsWith("_ratio")) {
            return percent(v);
        }
        if (c.endsWith("_s") && !c.equals("events_per_s")) {
            return seconds(v);
        }
        return number(v);
    }

    public static String bytes(double v) {
        double a = Math.abs(v);
        if (a < 1024) {
            return number(v) + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double x = v / 1024;
        int u = 0;
        while (Math.abs(x) >= 1024 && u < units.length - 1) {
            x /= 1024;
            u++;
        }
        return sig3(x) + " " + units[u];
    }

    public static String bitRate(double v) {
        double a = Math.abs(v);
        if (a < 1e3) {
            return number(v) + " bit/s";
        }
        if (a < 1e6) {
            return sig3(v / 1e3) + " kbit/s";
        }
        if (a < 1e9) {
            return sig3(v / 1e6) + " Mbit/s";
        }
        return sig3(v / 1e9) + " Gbit/s";
    }

    public static String seconds(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-3) {
            return sig3(v * 1e6) + " µs";
        }
        if (a < 1) {
            return sig3(v * 1e3) + " ms";
        }
        return sig3(v) + " s";
    }

    public static String percent(double v) {
        return sig3(v * 100) + " %";
    }

    /** Integers and numbers of 1000 or more as whole numbers with thousands separators; others to 4 significant digits. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (Math.abs(v) >= 1000 && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
    }

    /** Three significant digits, without trailing zeros: 1.5, 12.3, 123. */
    static String sig3(double v) {
        double a = Math.abs(v);
        String s;
        if (a >= 100) {
            s = String.format(Locale.ROOT, "%,.0f", v);
        } else if (a >= 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else {
            s = String.format(Locale.ROOT, "%.2f", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
