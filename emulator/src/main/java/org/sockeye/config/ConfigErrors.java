package org.sockeye.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects errors while loading one file, so the user sees all of them at once. */
final class ConfigErrors {
    private static final Comparator<ConfigError> FILE_ORDER =
            Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column);

    private final String file;
    // A set: an error inside a `count:` element is found once per copy, but reported once.
    private final LinkedHashSet<ConfigError> errors = new LinkedHashSet<>();

    // Positions of values already known to be wrong (e.g. an unknown ${parameter}): later errors
    // there would only be consequences of the first, so they are dropped.
    private final Set<Long> spoilt = new HashSet<>();

    ConfigErrors(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /**
     * An error at a node; nodes created by {@code --set} have line 0 and report the command line.
     * Ignored if the node's value was {@linkplain #spoil spoilt} by an earlier error.
     */
    void at(YamlNode node, String message) {
        if (node.line() > 0 && spoilt.contains(position(node))) {
            return;
        }
        if (node.line() <= 0) {
            errors.add(ConfigError.commandLine(message));
        } else {
            errors.add(new ConfigError(file, node.line(), node.column(), message));
        }
    }

    /** Reports an error at {@code node} and drops any later error at the same position. */
    void spoil(YamlNode node, String message) {
        at(node, message);
        if (node.line() > 0) {
            spoilt.add(position(node));
        }
    }

    private static long position(YamlNode node) {
        return (long) node.line() << 32 | node.column();
    }

    void at(int line, int column, String message) {
        errors.add(new ConfigError(file, line, column, message));
    }

    void commandLine(String message) {
        errors.add(ConfigError.commandLine(message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    /** Errors sorted by position; command-line errors (line 0) first. The sort is stable. */
    List<ConfigError> sorted() {
        List<ConfigError> list = new ArrayList<>(errors);
        list.sort(FILE_ORDER);
        return list;
    }

    void throwIfAny() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(sorted());
        }
    }
}
