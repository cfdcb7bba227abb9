package org.sockeye.cli;

/** Bad input that is not a YAML problem (a missing file, a bad option value): exit 2, no trace. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
