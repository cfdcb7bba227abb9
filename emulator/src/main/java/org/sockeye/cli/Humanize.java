package org.sockeye.cli;

/** Numbers for people: rates, sizes and times with units. */
final class Humanize {
    private Humanize() {
    }

    static String bitRate(double bps) {
        if (bps >= 1e9) {
            return String.format("%.3f Gb/s", bps / 1e9);
        }
        if (bps >= 1e6) {
            return String.format("%.3f Mb/s", bps / 1e6);
        }
        if (bps >= 1e3) {
            return String.format("%.3f kb/s", bps / 1e3);
        }
        return String.format("%.0f b/s", bps);
    }

    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        if (s >= 1) {
            return String.format("%.3f s", s);
        }
        if (s >= 1e-3) {
            return String.format("%.3f ms", s * 1e3);
        }
        return String.format("%.3f us", s * 1e6);
    }

    static String bytes(double b) {
        if (b >= 1 << 30) {
            return String.format("%.2f GiB", b / (1 << 30));
        }
        if (b >= 1 << 20) {
            return String.format("%.2f MiB", b / (1 << 20));
        }
        if (b >= 1 << 10) {
            return String.format("%.1f KiB", b / (1 << 10));
        }
        return String.format("%.0f B", b);
    }

    static String count(double n) {
        if (n >= 1e9) {
            return String.format("%.2f G", n / 1e9);
        }
        if (n >= 1e6) {
            return String.format("%.2f M", n / 1e6);
        }
        if (n >= 1e3) {
            return String.format("%.1f k", n / 1e3);
        }
        return String.format("%.0f", n);
    }
}
