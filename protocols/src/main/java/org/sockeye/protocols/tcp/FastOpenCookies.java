package org.sockeye.protocols.tcp;

/**
 * Server-side TCP Fast Open cookies (RFC 7413 §4.1.2): an 8-byte MAC of the client's IP address
 * under a server key. Deterministic, so equal seeds give equal runs. The mixing function is
 * SplitMix64's finalizer, not a real MAC: good enough in a simulator.
 */
public final class FastOpenCookies {
    public static final int COOKIE_LENGTH = 8;

    private FastOpenCookies() {
    }

    public static byte[] forClient(long serverKey, int clientAddr) {
        long v = mix(serverKey ^ mix(clientAddr * 0x9E3779B97F4A7C15L));
        byte[] cookie = new byte[COOKIE_LENGTH];
        for (int i = 0; i < COOKIE_LENGTH; i++) {
            cookie[i] = (byte) (v >>> (56 - 8 * i));
        }
        return cookie;
    }

    public static boolean isValid(long serverKey, int clientAddr, byte[] cookie) {
        return cookie != null && cookie.length == COOKIE_LENGTH
                && java.util.Arrays.equals(cookie, forClient(serverKey, clientAddr));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
