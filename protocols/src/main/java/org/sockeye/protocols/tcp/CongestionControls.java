package org.sockeye.protocols.tcp;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Registry of congestion-control algorithms by name: one entry per algorithm. */
public final class CongestionControls {
    private static final Map<String, Supplier<CongestionControl>> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put("reno", Reno::new);
        REGISTRY.put("newreno", NewReno::new);
        REGISTRY.put("cubic", Cubic::new);
    }

    private CongestionControls() {
    }

    /** A fresh instance for one connection; unknown names throw with the list of known ones. */
    public static CongestionControl byName(String name) {
        checkName(name);
        return REGISTRY.get(name).get();
    }

    public static java.util.Set<String> names() {
        return REGISTRY.keySet();
    }

    static void checkName(String name) {
        if (name == null || !REGISTRY.containsKey(name)) {
            throw new IllegalArgumentException("unknown congestion control '" + name + "'; known: " + names());
        }
    }
}
