package org.sockeye.reports;

import java.util.Locale;

/** Image formats a chart is written in. */
public enum ImageFormat {
    PNG, SVG;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown image format '" + s + "'; known: png, svg");
        }
    }
}
