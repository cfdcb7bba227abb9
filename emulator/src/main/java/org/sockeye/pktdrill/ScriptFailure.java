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
        String nl = System.lineSeparator();
        String where = event == null ? file : file + ":" + event.line();
        String text = event == null ? "" : nl + "    " + event.text().strip();
        String msg = getMessage();
        int cut = msg.indexOf(nl);
        String headline = cut < 0 ? msg : msg.substring(0, cut);
        String details = cut < 0 ? "" : msg.substring(cut);
        return where + ": " + headline + text + details + nl + "    at simulated time " + ScriptRunner.seconds(time) + " s";
    }
}
