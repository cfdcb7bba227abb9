package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.os.Sys.AF_UNIX;
import static org.sockeye.os.Sys.SOCK_DGRAM;
import static org.sockeye.os.Sys.SOCK_STREAM;

import org.junit.jupiter.api.Test;

/**
 * send(2) on an AF_UNIX socket copies the bytes into the kernel (an skb on the peer's queue):
 * once it returns, the sender may overwrite its buffer without changing what the peer reads.
 */
class UnixSendCopiesTest {
    private final TestBed bed = TestBed.lone(null);

    @Test
    void aStreamPeerReadsWhatWasSentNotWhatTheBufferHoldsLater() {
        readsWhatWasSent(SOCK_STREAM);
    }

    @Test
    void aDatagramPeerReadsWhatWasSentNotWhatTheBufferHoldsLater() {
        readsWhatWasSent(SOCK_DGRAM);
    }

    private void readsWhatWasSent(int type) {
        Process p = bed.process("h");
        int[] sv = new int[2];
        assertEquals(0, p.socketpair(AF_UNIX, type, sv));
        byte[] buf = {1, 2, 3, 4};
        byte[] got = new byte[8];
        p.send(sv[0], buf, 4, 0, sent -> {
            java.util.Arrays.fill(buf, (byte) 9); // reused for the next message
            p.recv(sv[1], got, 8, 0, bed.record());
        });
        bed.runAll();
        assertEquals(java.util.List.of(4L), bed.results);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 0, 0, 0}, got);
    }
}
