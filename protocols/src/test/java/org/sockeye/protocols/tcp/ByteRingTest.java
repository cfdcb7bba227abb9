package org.sockeye.protocols.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteRingTest {
    @Test
    void virtualModeCountsWithoutStorage() {
        ByteRing r = new ByteRing(1 << 20);
        r.append(null, 0, 1000);
        r.discard(400);
        assertEquals(600, r.size());
        assertFalse(r.storesBytes());
    }

    @Test
    void wrapsAroundAndKeepsOutOfOrderBytesUntilCommitted() {
        ByteRing r = new ByteRing(8);
        r.append(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6);
        r.discard(5);
        r.writeAt(3, new byte[] {9, 10}, 0, 2); // ahead of the tail, across the wrap
        r.append(new byte[] {7, 8}, 0, 2);
        r.commit(2);
        assertTrue(r.storesBytes());
        byte[] out = new byte[5];
        r.copyOut(0, out, 0, 5);
        assertArrayEquals(new byte[] {6, 7, 8, 9, 10}, out);
        assertThrows(IllegalArgumentException.class, () -> r.discard(6));
    }
}
