package org.sockeye.pktdrill;

/** A malformed script: reported as {@code file:line: message} followed by the offending line. */
public final class ScriptException extends Exception {
    private final int line;
    private final String text;

    public ScriptException(int line, String text, String message) {
        super(message);
        this.line = line;
        this.text = text;
    }

    public int line() {
        return line;
    }

    public String text() {
        return text;
    }

    /** The two-line report for {@code file}. */
    public String format(String file) {
        return file + ":" + line + ": " + getMessage() + System.lineSeparator() + "    " + text.strip();
    }
}
