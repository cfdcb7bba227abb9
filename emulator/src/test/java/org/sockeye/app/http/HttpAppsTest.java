package org.sockeye.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sockeye.app.AppStats;
import org.sockeye.os.Kernel;
import org.sockeye.os.Process;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.reports.CsvIO;
import org.sockeye.run.ResultTables;
import org.sockeye.sim.Time;

/** http-server and http-client: connection reuse, who closes, limits, timeouts, parsing on the wire. */
class HttpAppsTest {
    private static String server(String extra) {
        return """
                  - name: web
                    type: http-server
                    node: s
                    port: 80
                """ + extra;
    }

    private static String client(String extra) {
        return """
                  - name: ua
                    type: http-client
                    node: c
                    to: s:80
                """ + extra;
    }

    private static HttpRuns run(String duration, String nodes, String apps) {
        return HttpRuns.yaml(HttpRuns.pair(duration, nodes, apps));
    }

    @Test
    void keepAliveReusesEachConnectionAndCloseOpensOnePerRequest() {
        HttpRuns ka = run("2s", "", server("") + client("    concurrency: 4\n    requests: 100\n"));
        assertEquals(100, ka.stats("ua").operations());
        assertEquals(4, ka.stats("ua").connections());
        assertEquals(4, ka.stats("web").connections());
        assertEquals(4, ka.stats("ua/connect").operations(), "one connect per connection");
        HttpRuns close = run("2s", "", server("") + client("    mode: close\n    concurrency: 4\n    requests: 100\n"));
        assertEquals(100, close.stats("ua").operations());
        assertEquals(100, close.stats("ua").connections());
        assertEquals(100, close.stats("web").connections());
        // A new connection costs a round trip (2 ms) more: connect, then the request.
        double extra = close.stats("ua").latencyPercentilePs(0.5) - ka.stats("ua").latencyPercentilePs(0.5);
        assertEquals(2 * Time.MS, extra, 0.1 * Time.MS);
    }

    @Test
    void whoeverClosesFirstHoldsTheTimeWaitAndItsPort() {
        String tenPorts = "    ephemeral-ports: 40000-40009\n";
        // The client closes first: each request leaves a port in TIME_WAIT for 60 s.
        HttpRuns clientCloses = run("2s", tenPorts, server("") + client("    mode: close\n    requests: 30\n"));
        assertEquals(10, clientCloses.stats("ua").operations());
        assertEquals(20, clientCloses.stats("ua").errors("EADDRNOTAVAIL"));
        assertEquals(20, clientCloses.stats("ua").errors());
        // The server closes first (keep-alive off, "Connection: close"): the client's ports are free at once.
        HttpRuns serverCloses = run("2s", tenPorts, server("    keep-alive: off\n") + client("    requests: 30\n"));
        assertEquals(30, serverCloses.stats("ua").operations(), serverCloses.stats("ua").errorDetail());
        assertEquals(0, serverCloses.stats("ua").errors());
        assertEquals(30, serverCloses.stats("ua").connections());
    }

    @Test
    void aPoolBoundsTheConnectionsAndRequestsWaitForOne() {
        HttpRuns r = run("5s", "", server("    service-time: 1ms\n")
                + client("    mode: pool\n    pool: 3\n    concurrency: 10\n    requests: 300\n"));
        assertEquals(300, r.stats("ua").operations());
        assertEquals(3, r.stats("ua").connections());
        assertEquals(3, r.stats("web").connections());
        // 10 users share 3 connections: each request waits for about 10/3 turns of 3 ms (2 ms RTT + 1 ms).
        double p50 = r.stats("ua").latencyPercentilePs(0.5);
        assertTrue(p50 > 8 * Time.MS && p50 < 12 * Time.MS, "p50 " + p50 / Time.MS + " ms");
    }

    @Test
    void connectionsTheServerClosedWhileIdleAreRetriedOnANewOne() {
        HttpRuns r = run("4s", "", server("    idle-timeout: 50ms\n")
                + client("    rate: 5/s\n    concurrency: 1\n"));
        AppStats ua = r.stats("ua");
        assertEquals(0, ua.errors(), ua.errorDetail());
        assertTrue(ua.operations() >= 12, "ops " + ua.operations());
        // Gaps average 200 ms, so most requests find their connection closed and open another.
        assertTrue(ua.connections() > ua.operations() / 2, ua.connections() + " connections");
        assertEquals(0, r.stats("web").errors());
    }

    @Test
    void atMaxConnectionsTheServerStopsAcceptingAndTheRestWait() {
        HttpRuns r = run("2s", "", server("    max-connections: 2\n")
                + client("    concurrency: 5\n    timeout: 500ms\n"));
        assertEquals(2, r.stats("web").connections(), "never more than 2 accepted");
        AppStats ua = r.stats("ua");
        assertTrue(ua.operations() > 500, "the two accepted connections are served: " + ua.operations());
        assertTrue(ua.errors("timeout") >= 3 * 3, "the other users time out again and again: " + ua.errorDetail());
        assertEquals(ua.errors(), ua.errors("timeout"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"select", "poll", "epoll"})
    void everyReadinessMechanismServes(String io) {
        HttpRuns r = run("2s", "", server("    io: " + io + "\n    response-size: uniform(1KiB, 64KiB)\n")
                + client("    concurrency: 8\n    requests: 200\n"));
        assertEquals(200, r.stats("ua").operations());
        assertEquals(r.stats("web").bytes(), r.stats("ua").bytes(), "every response byte arrives");
        double perResponse = r.stats("ua").bytes() / 200.0;
        assertEquals(32.5 * 1024, perResponse, 3 * 1024, "uniform(1KiB, 64KiB) plus a small head");
    }

    @Test
    void workersSharingOnePassedListenerAllAccept() {
        HttpRuns r = run("2s", "", server("    workers: 3\n    service-time: 1ms\n")
                + client("    mode: close\n    concurrency: 8\n    requests: 300\n"));
        HttpServer web = r.app("web");
        long[] accepted = web.acceptedPerWorker();
        assertEquals(300, Arrays.stream(accepted).sum());
        assertTrue(Arrays.stream(accepted).allMatch(a -> a > 30), Arrays.toString(accepted));
        assertEquals(300, r.stats("ua").operations());
        assertEquals(0, r.stats("web").errors(), "a worker losing the race for a connection gets EAGAIN: no error");
    }

    /** A raw process's calls, one after another: each step makes one call and is resumed with its result. */
    private static void steps(Process p, List<java.util.function.Consumer<org.sockeye.os.Resume>> steps, int i) {
        if (i < steps.size()) {
            steps.get(i).accept(r -> steps(p, steps, i + 1));
        }
    }

    @Test
    void requestsArrivingInPiecesOrPipelinedAreEachAnswered() {
        HttpRuns r = HttpRuns.prepare(HttpRuns.pair("1s", "", server("    response-size: 100B\n")));
        Process p = Kernel.of(r.sim().network().host("c")).spawn("raw");
        List<String> got = new ArrayList<>();
        byte[] buf = new byte[4096];
        byte[] one = "GET /a HTTP/1.1\r\nHost: s\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] two = new byte[2 * one.length];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        int fd = p.socket(Sys.AF_INET, Sys.SOCK_STREAM);
        SockAddr web = SockAddr.inet(r.sim().network().host("s").address(), 80);
        List<java.util.function.Consumer<org.sockeye.os.Resume>> calls = List.of(
                k -> p.connect(fd, web, k),
                k -> p.send(fd, one, 5, 0, k), // the head in three pieces, 10 ms apart
                k -> p.sleep(10 * Time.MS, k),
                k -> p.send(fd, Arrays.copyOfRange(one, 5, 20), 15, 0, k),
                k -> p.sleep(10 * Time.MS, k),
                k -> p.send(fd, Arrays.copyOfRange(one, 20, one.length), one.length - 20, 0, k),
                k -> p.sleep(50 * Time.MS, k),
                k -> p.recv(fd, buf, buf.length, 0, n -> {
                    got.add(new String(buf, 0, (int) n, StandardCharsets.ISO_8859_1));
                    k.resume(n);
                }),
                k -> p.send(fd, two, two.length, 0, k), // two requests in one segment
                k -> p.sleep(50 * Time.MS, k),
                k -> p.recv(fd, buf, buf.length, 0, n -> got.add(new String(buf, 0, (int) n,
                        StandardCharsets.ISO_8859_1))));
        r.sim().scheduler().schedule(10 * Time.MS, () -> steps(p, calls, 0));
        r.run();
        assertEquals(3, r.stats("web").operations(), "one request in three pieces, then two pipelined");
        assertEquals(2, got.size());
        HttpHead h = new HttpHead(4096);
        byte[] first = got.get(0).getBytes(StandardCharsets.ISO_8859_1);
        int used = h.feed(first, 0, first.length);
        assertEquals(200, h.status());
        assertEquals(100, h.contentLength());
        assertEquals(first.length, used + 100, "the head, then a body of zeros (virtual bytes)");
        assertEquals(2 * first.length, got.get(1).length(), "two responses, back to back");
    }

    @Test
    void refusedAndUnansweredConnectsAreCountedByCause() {
        HttpRuns refused = run("1s", "", client("    requests: 5\n").replace("s:80", "s:81"));
        assertEquals(5, refused.stats("ua").errors("ECONNREFUSED"));
        String lossy = HttpRuns.pair("2s", "", server("") + client("    connect-timeout: 300ms\n    requests: 3\n"))
                .replace("    queue: 1000\n", "    queue: 1000\n    loss: 1\n");
        HttpRuns lost = HttpRuns.yaml(lossy);
        assertEquals(3, lost.stats("ua").errors("connect-timeout"), lost.stats("ua").errorDetail());
        assertEquals(0, lost.stats("ua").operations());
    }

    @Test
    void theSameSeedGivesTheSameResults() throws Exception {
        String yaml = HttpRuns.pair("2s", "", server("    response-size: exp(8KiB)\n    workers: 2\n    reuseport: on\n")
                + client("    mode: pool\n    pool: 4\n    rate: 500/s\n"));
        String[] tables = new String[2];
        for (int i = 0; i < 2; i++) {
            HttpRuns r = HttpRuns.yaml(yaml);
            java.io.StringWriter w = new java.io.StringWriter();
            CsvIO.write(ResultTables.apps(r.sim().appStats(), 2 * Time.S), w);
            tables[i] = w.toString();
        }
        assertEquals(tables[0], tables[1]);
        assertTrue(tables[0].contains("ua/connect,http-connect"), tables[0]);
    }
}
