package org.sockeye.config;

import java.util.function.Function;

/**
 * A YAML value with the 1-based line and column it starts at. Line 0 marks a value that came
 * from the command line ({@code --set}).
 */
abstract sealed class YamlNode permits YamlMap, YamlList, YamlScalar {
    private final int line;
    private final int column;

    YamlNode(int line, int column) {
        this.line = line;
        this.column = column;
    }

    final int line() {
        return line;
    }

    final int column() {
        return column;
    }

    /** "a map", "a list" or "a scalar", for type errors. */
    abstract String kindName();

    /** Deep copy keeping positions, with every scalar value (not map keys) rewritten. */
    abstract YamlNode rewriteScalars(Function<YamlScalar, String> rewrite);
}
