package org.sockeye.config;

/**
 * One problem found in an experiment file, at a 1-based line and column. Errors caused by a
 * {@code --set} override carry {@link #COMMAND_LINE} as file and line/column 0, and print
 * without them.
 */
public record ConfigError(String file, int line, int column, String message) {
    public static final String COMMAND_LINE = "<command line>";

    public static ConfigError commandLine(String message) {
        return new ConfigError(COMMAND_LINE, 0, 0, message);
    }

    /** {@code file:line:column: message}, the form editors and IDEs jump to. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
