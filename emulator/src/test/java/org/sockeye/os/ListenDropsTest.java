package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.os.Sys.AF_INET;
import static org.sockeye.os.Sys.SOCK_NONBLOCK;
import static org.sockeye.os.Sys.SOCK_STREAM;

import org.junit.jupiter.api.Test;
import org.sockeye.reports.Table;
import org.sockeye.run.ResultTables;
import org.sockeye.sim.Time;

/** A host's listen drops (Linux TcpExtListenDrops) count what full listen queues dropped, in hosts.csv. */
class ListenDropsTest {
    @Test
    void synsBeyondAFullAcceptQueueAreDroppedAndCounted() {
        TestBed bed = TestBed.pair();
        Process s = bed.process("b");
        int l = s.socket(AF_INET, SOCK_STREAM);
        s.bind(l, SockAddr.inet(0, 80));
        s.listen(l, 1); // never accepted from: the accept queue holds backlog + 1 = 2
        Process c = bed.process("a");
        for (int i = 0; i < 5; i++) {
            c.connect(c.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK), bed.at("b", 80), r -> { });
            bed.runFor(10 * Time.MS); // one at a time, each handshake done before the next SYN
        }
        // Two connections queue; each of the other three SYNs is dropped, and again when retried
        // after 1 s (RFC 6298 initial RTO), and the run ends before the retry at 3 s.
        bed.runFor(1500 * Time.MS);
        assertEquals(6, bed.host("b").tcp().listenDrops());
        Table hosts = ResultTables.hosts(bed.net, 2 * Time.S);
        int col = hosts.columnIndex("listen_drops");
        assertEquals(6L, ((Number) hosts.rows().get(1).get(col)).longValue(), "host b's row");
        s.close(l);
        assertEquals(6, bed.host("b").tcp().listenDrops(), "a closed listener's drops still count");
    }
}
