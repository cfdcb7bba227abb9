package org.sockeye.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 message (RFC 9112 §2.1: start line, header fields, empty line), read
 * incrementally: {@link #feed} takes bytes as recv(2) returns them, in pieces of any size, and
 * stops right after the empty line, so what follows (a body, a pipelined request) stays with the
 * caller. Reusable: {@link #reset} before the next message.
 */
public final class HttpHead {
    private final int max;
    private byte[] bytes = new byte[256];
    private int length;
    /** How much of CR LF CR LF the last bytes matched (4: the head is complete). */
    private int matched;
    private boolean tooLarge;
    private String startLine;
    private final Map<String, String> fields = new LinkedHashMap<>();

    /** A head of at most {@code max} bytes; a longer one is {@link #tooLarge()}. */
    public HttpHead(int max) {
        this.max = max;
    }

    public void reset() {
        length = 0;
        matched = 0;
        tooLarge = false;
        startLine = null;
        fields.clear();
    }

    /**
     * Takes bytes from {@code src[off, off + n)} up to the end of the head and returns how many it
     * took ({@code n} unless the head ended, or grew too large, inside them; 0 once complete).
     */
    public int feed(byte[] src, int off, int n) {
        if (complete() || tooLarge) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            byte b = src[off + i];
            if (length == max) {
                tooLarge = true;
                return i;
            }
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(max, length * 2));
            }
            bytes[length++] = b;
            matched = switch (b) {
                case '\r' -> matched == 2 ? 3 : 1;
                case '\n' -> matched == 1 ? 2 : matched == 3 ? 4 : 0;
                default -> 0;
            };
            if (matched == 4) {
                parse();
                return i + 1;
            }
        }
        return n;
    }

    /** Whether the empty line ending the head has been read. */
    public boolean complete() {
        return matched == 4;
    }

    /** Whether the head outgrew its limit before it ended. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** Bytes of the head taken so far. */
    public int length() {
        return length;
    }

    private void parse() {
        String text = new String(bytes, 0, length - 4, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        startLine = lines[0];
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                // RFC 9110 §5.1: field names are case-insensitive; repeated fields combine with commas.
                fields.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
    }

    /** The request line or status line, once complete. */
    public String startLine() {
        return startLine;
    }

    /** A field's value (name in any case), or null. */
    public String field(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the Connection field lists {@code option} (RFC 9110 §7.6.1). */
    public boolean connectionHas(String option) {
        String c = field("connection");
        if (c == null) {
            return false;
        }
        for (String o : c.split(",")) {
            if (o.strip().equalsIgnoreCase(option)) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP version of the start line: "HTTP/1.1" (a request's third word, a response's first). */
    private String version() {
        if (startLine == null) {
            return "";
        }
        String[] w = startLine.split(" ", 3);
        return w[0].startsWith("HTTP/") ? w[0] : w.length == 3 ? w[2] : "";
    }

    /**
     * Whether the connection persists after this message (RFC 9112 §9.3): HTTP/1.1 unless
     * "Connection: close"; HTTP/1.0 only with "Connection: keep-alive".
     */
    public boolean keepAlive() {
        if (connectionHas("close")) {
            return false;
        }
        return version().equals("HTTP/1.1") || connectionHas("keep-alive");
    }

    /** Whether the start line is a request line "METHOD target HTTP/1.x" (RFC 9112 §3). */
    public boolean isRequest() {
        if (startLine == null) {
            return false;
        }
        String[] w = startLine.split(" ", -1);
        return w.length == 3 && !w[0].isEmpty() && !w[1].isEmpty() && w[2].startsWith("HTTP/1.");
    }

    /** The status code of a status line "HTTP/1.1 200 OK", or -1. */
    public int status() {
        if (startLine == null || !startLine.startsWith("HTTP/1.")) {
            return -1;
        }
        String[] w = startLine.split(" ", 3);
        try {
            return w.length >= 2 ? Integer.parseInt(w[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Content-Length, or -1 if absent or malformed. */
    public long contentLength() {
        String v = field("content-length");
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n >= 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A request head as a client sends it. */
    public static byte[] request(String method, String target, String host, boolean keepAlive) {
        return (method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: sockeye\r\nConnection: "
                + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 200 response head announcing {@code bodyBytes}. */
    public static byte[] response(long bodyBytes, boolean keepAlive) {
        return ("HTTP/1.1 200 OK\r\nServer: sockeye\r\nContent-Length: " + bodyBytes + "\r\nConnection: "
                + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
