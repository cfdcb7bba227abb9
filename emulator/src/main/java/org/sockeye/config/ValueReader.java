package org.sockeye.config;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts scalars to typed values, reporting errors at the scalar's position. A null scalar (an
 * absent optional key, or one whose absence was already reported) yields the fallback silently.
 */
final class ValueReader {
    /** Names end up in file and directory names of the outputs. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");

    private final ConfigErrors errors;

    ValueReader(ConfigErrors errors) {
        this.errors = errors;
    }

    ConfigErrors errors() {
        return errors;
    }

    long rate(YamlScalar s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Units.rateBps(s.text());
        } catch (IllegalArgumentException e) {
            errors.at(s, e.getMessage());
            return fallback;
        }
    }

    long time(YamlScalar s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Units.timePs(s.text());
        } catch (IllegalArgumentException e) {
            errors.at(s, e.getMessage());
            return fallback;
        }
    }

    /** A time that must be strictly positive ({@code what} names it in the message). */
    long positiveTime(YamlScalar s, String what, long fallback) {
        long t = time(s, fallback);
        if (s != null && t == 0) {
            errors.at(s, what + " must be positive, got '" + s.text() + "'");
            return fallback;
        }
        return t;
    }

    long size(YamlScalar s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Units.sizeBytes(s.text());
        } catch (IllegalArgumentException e) {
            errors.at(s, e.getMessage());
            return fallback;
        }
    }

    long integer(YamlScalar s, String what, long min, long max, long fallback) {
        if (s == null) {
            return fallback;
        }
        String t = s.text().strip();
        if (INTEGER.matcher(t).matches()) {
            try {
                long v = Long.parseLong(t);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // beyond a long: reported below
            }
        }
        String range = max == Long.MAX_VALUE ? " >= " + min : " between " + min + " and " + max;
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            range = "";
        }
        errors.at(s, what + " must be an integer" + range + ", got '" + s.text() + "'");
        return fallback;
    }

    double probability(YamlScalar s, String what, double fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            double p = Double.parseDouble(s.text().strip());
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.at(s, what + " must be a probability between 0 and 1, got '" + s.text() + "'");
        return fallback;
    }

    /** A name for a {@code what} (node, link, ...): checked against {@link #NAME}. */
    String name(YamlScalar s, String what, String fallback) {
        if (s == null) {
            return fallback;
        }
        if (!NAME.matcher(s.text()).matches()) {
            errors.at(s, what + " name '" + s.text() + "' must match " + NAME.pattern());
            return fallback;
        }
        return s.text();
    }

    /** One of the keys of {@code choices}; an unknown word is reported with a suggestion. */
    <T> T choice(YamlScalar s, String what, Map<String, T> choices, T fallback) {
        if (s == null) {
            return fallback;
        }
        T value = choices.get(s.text());
        if (value != null) {
            return value;
        }
        String hint = DidYouMean.suffix(s.text(), choices.keySet());
        if (hint.isEmpty()) {
            hint = " (expected " + choices.keySet().stream().collect(Collectors.joining(", ")) + ")";
        }
        errors.at(s, "unknown " + what + " '" + s.text() + "'" + hint);
        return fallback;
    }

    /** A map value, or null after reporting a wrong shape. */
    YamlMap map(YamlNode node, String what) {
        if (node instanceof YamlMap m) {
            return m;
        }
        errors.at(node, what + " must be a map, got " + MapFields.describe(node));
        return null;
    }
}
