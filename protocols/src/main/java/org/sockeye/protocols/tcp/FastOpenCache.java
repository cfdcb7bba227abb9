package org.sockeye.protocols.tcp;

import java.util.HashMap;
import java.util.Map;

/** Client-side Fast Open cookie cache (RFC 7413 §4.1.3), one per host, keyed by server address. */
public final class FastOpenCache {
    private final Map<Integer, byte[]> cookies = new HashMap<>();

    /** The cookie learned from {@code serverAddr}, or null. */
    public byte[] get(int serverAddr) {
        return cookies.get(serverAddr);
    }

    public void put(int serverAddr, byte[] cookie) {
        cookies.put(serverAddr, cookie.clone());
    }

    public void remove(int serverAddr) {
        cookies.remove(serverAddr);
    }

    public int size() {
        return cookies.size();
    }
}
