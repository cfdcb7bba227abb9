package org.sockeye.net;

import java.util.Map;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpProfiles;

/** Turns a host's {@code tcp:} block (a profile name and per-key overrides) into a {@link TcpConfig}. */
public final class TcpSettings {
    public static final String PROFILE = "profile";

    private TcpSettings() {
    }

    /** @throws IllegalArgumentException naming the unknown profile, key or bad value */
    public static TcpConfig config(Map<String, String> settings) {
        TcpConfig c = TcpProfiles.byName(settings.getOrDefault(PROFILE, "linux"));
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (!e.getKey().equals(PROFILE)) {
                c = c.with(e.getKey(), e.getValue());
            }
        }
        return c;
    }
}
