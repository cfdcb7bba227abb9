package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Lost-retransmission detection (Linux tcp_mark_lost_retrans; RFC 8985 §6.2 reasons the same way). */
class LostRetransmissionsTest {
    @Test
    void aRetransmissionIsLostOnceDataSentAfterItIsSacked() {
        LostRetransmissions r = new LostRetransmissions();
        SeqIntervals sacked = new SeqIntervals();
        sacked.add(2000, 5000); // what made 1000..2000 count as lost
        r.add(1000, 2000, 5000); // retransmitted while SND.MAX was 5000
        r.update(1000, sacked);
        assertEquals(-1, r.firstLost(), "nothing sent after the retransmission has arrived yet");
        sacked.add(5000, 6000); // new data, sent after the retransmission, got through
        r.update(1000, sacked);
        assertEquals(0, r.firstLost());
        assertEquals(1000, r.lostBytes());
        r.resent(0, 6000);
        r.update(1000, sacked);
        assertEquals(-1, r.firstLost(), "the new copy is judged against data sent after it");
        assertEquals(0, r.lostBytes());
    }

    @Test
    void deliveredRetransmissionsAreForgotten() {
        LostRetransmissions r = new LostRetransmissions();
        SeqIntervals sacked = new SeqIntervals();
        r.add(1000, 2000, 9000);
        r.add(3000, 4000, 9000);
        r.add(5000, 6000, 9000);
        sacked.add(3000, 4000); // the second copy arrived
        sacked.add(9000, 9500); // and data sent after all three
        r.update(2000, sacked); // the first was cumulatively acknowledged
        assertEquals(1000, r.lostBytes(), "only 5000..6000 is still missing");
        assertEquals(5000, r.start(r.firstLost()));
    }
}
