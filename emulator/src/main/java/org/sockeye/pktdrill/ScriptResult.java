package org.sockeye.pktdrill;

import java.util.List;

/**
 * The outcome of one script: passed, failed (with the report: file:line, the line, expected vs
 * actual, simulated time) or malformed (file:line: message and the line). Warnings list backtick
 * commands and settings that were not modelled; the log holds every event when verbose.
 */
public record ScriptResult(Status status, String message, List<String> warnings, List<String> log) {
    public enum Status {
        PASSED, FAILED, MALFORMED
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
