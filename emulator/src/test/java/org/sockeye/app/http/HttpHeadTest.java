package org.sockeye.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Incremental parsing of request and response heads, whatever pieces recv(2) returns them in. */
class HttpHeadTest {
    private static final String REQUEST = "GET /obj HTTP/1.1\r\nHost: s:80\r\nconnection: Close\r\n"
            + "X-Long: a\r\nX-Long: b\r\n\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertRequest(HttpHead h) {
        assertTrue(h.complete());
        assertTrue(h.isRequest());
        assertEquals("GET /obj HTTP/1.1", h.startLine());
        assertEquals("s:80", h.field("HOST"));
        assertEquals("a, b", h.field("x-long"), "repeated fields combine (RFC 9110 §5.3)");
        assertFalse(h.keepAlive(), "Connection: close, in any case");
        assertEquals(REQUEST.length(), h.length());
    }

    @Test
    void aHeadSplitAtEveryPointParsesTheSame() {
        byte[] b = bytes(REQUEST);
        for (int cut = 0; cut <= b.length; cut++) {
            HttpHead h = new HttpHead(1024);
            assertEquals(cut, h.feed(b, 0, cut));
            assertEquals(cut == b.length, h.complete(), "cut " + cut);
            assertEquals(b.length - cut, h.feed(b, cut, b.length - cut));
            assertRequest(h);
        }
    }

    @Test
    void aHeadFedByteByByteIsCompleteExactlyAtItsEmptyLine() {
        byte[] b = bytes(REQUEST);
        HttpHead h = new HttpHead(1024);
        for (int i = 0; i < b.length; i++) {
            assertFalse(h.complete(), "complete before byte " + i);
            assertEquals(1, h.feed(b, i, 1));
        }
        assertRequest(h);
        assertEquals(0, h.feed(b, 0, 1), "a complete head takes nothing more");
    }

    @Test
    void feedingStopsAtTheEndOfTheHeadSoThePipelinedRestStaysWithTheCaller() {
        byte[] two = bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        HttpHead h = new HttpHead(1024);
        int used = h.feed(two, 0, two.length);
        assertEquals("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".length(), used);
        assertTrue(h.keepAlive(), "HTTP/1.1 persists by default (RFC 9112 §9.3)");
        h.reset();
        assertEquals(two.length - used, h.feed(two, used, two.length - used));
        assertEquals("GET /b HTTP/1.1", h.startLine());
    }

    @Test
    void crAndLfSplitAcrossReadsAreStillRecognised() {
        HttpHead h = new HttpHead(1024);
        for (String piece : new String[] {"HTTP/1.1 200 OK\r", "\nContent-Length: 12", "\r\n\r", "\nbody"}) {
            h.feed(bytes(piece), 0, piece.length());
        }
        assertTrue(h.complete());
        assertEquals(200, h.status());
        assertEquals(12, h.contentLength());
        assertFalse(h.isRequest());
    }

    @Test
    void keepAliveFollowsTheVersionAndTheConnectionOption() {
        assertFalse(parse("GET / HTTP/1.0\r\n\r\n").keepAlive(), "HTTP/1.0 closes by default");
        assertTrue(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive());
        assertFalse(parse("HTTP/1.1 200 OK\r\nConnection: foo, close\r\n\r\n").keepAlive());
        assertTrue(parse("HTTP/1.1 200 OK\r\n\r\n").keepAlive());
    }

    @Test
    void malformedAndOversizedHeadsAreRecognised() {
        assertFalse(parse("hello\r\n\r\n").isRequest());
        assertEquals(-1, parse("HTTP/1.1 abc\r\n\r\n").status());
        assertEquals(-1, parse("HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n").contentLength());
        HttpHead small = new HttpHead(16);
        byte[] b = bytes(REQUEST);
        assertEquals(16, small.feed(b, 0, b.length));
        assertTrue(small.tooLarge());
        assertFalse(small.complete());
    }

    @Test
    void theMessagesBuiltAreWhatTheParserReads() {
        HttpHead req = parse(new String(HttpHead.request("GET", "/", "s:80", true), StandardCharsets.ISO_8859_1));
        assertTrue(req.isRequest() && req.keepAlive());
        HttpHead res = parse(new String(HttpHead.response(4096, false), StandardCharsets.ISO_8859_1));
        assertEquals(200, res.status());
        assertEquals(4096, res.contentLength());
        assertFalse(res.keepAlive());
    }

    private static HttpHead parse(String s) {
        HttpHead h = new HttpHead(4096);
        h.feed(bytes(s), 0, s.length());
        assertTrue(h.complete(), s);
        return h;
    }
}
