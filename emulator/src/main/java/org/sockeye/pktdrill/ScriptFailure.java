package org.sockeye.pktdrill;

/** A script line whose expectation the host did not meet. */
final class ScriptFailure extends Exception {
    private final ScriptEvent event;
    private final long time;

    ScriptFailure(ScriptEvent event, long time, String message) {
        super(message);
        this.event = event;
        this.time = time;
    }

    String format(String file) {
        String where = event == null ? file : file + ":" + event.line();
        String text = event == null ? "" : System.lineSeparator() + "    " + event.text().strip();
        return where + ": " + getMessage() + text + System.lineSeparator() + "    at simulated time "
                + ScriptRunner.seconds(time) + " s";
    }
}
