package org.sockeye.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sockeye.protocols.tcp.TcpConfig;
import org.sockeye.protocols.tcp.TcpProfiles;

/**
 * A host's TCP settings: a stack profile ({@code linux} or {@code rfc}) and per-key overrides of
 * it, as written in a {@code tcp:} block — at the top level for every host, and per node, where
 * the node's keys override the top level's.
 */
public final class TcpSettings {
    public static final String PROFILE = "profile";
    private static final Map<String, Boolean> PROFILES = Map.of("linux", true, "rfc", true);
    /** Keys whose values are sizes: written with units in YAML ({@code 4MiB}), bytes for the engine. */
    private static final Set<String> SIZE_KEYS = Set.of("mss", "sndbuf", "rcvbuf");

    private TcpSettings() {
    }

    /** The configuration these (already validated) settings describe. */
    public static TcpConfig config(Map<String, String> settings) {
        TcpConfig c = TcpProfiles.byName(settings.getOrDefault(PROFILE, "linux"));
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (!e.getKey().equals(PROFILE)) {
                c = c.with(e.getKey(), e.getValue());
            }
        }
        return c;
    }

    /** Every key a {@code tcp:} block accepts. */
    static Set<String> keys() {
        Set<String> keys = new TreeSet<>(TcpConfig.keys());
        keys.add(PROFILE);
        return keys;
    }

    /**
     * Reads a {@code tcp:} block on top of {@code inherited}, reporting unknown keys (with a
     * suggestion), unknown profiles and values the engine refuses, each at its position.
     */
    static Map<String, String> bind(YamlNode node, Map<String, String> inherited, ValueReader values) {
        Map<String, String> out = new LinkedHashMap<>(inherited);
        if (node == null) {
            return out;
        }
        YamlMap m = values.map(node, "tcp");
        if (m == null) {
            return out;
        }
        ConfigErrors errors = values.errors();
        MapFields f = new MapFields(m, "tcp settings", keys(), errors);
        YamlScalar profile = f.scalar(PROFILE);
        if (profile != null && values.choice(profile, "TCP profile", PROFILES, null) != null) {
            out.put(PROFILE, profile.text());
        }
        for (YamlMap.Entry e : m.entries()) {
            String key = e.key().text();
            if (key.equals(PROFILE) || !TcpConfig.keys().contains(key)) {
                continue;
            }
            YamlScalar v = f.scalar(key);
            if (v == null) {
                continue;
            }
            String value = v.text();
            try {
                if (SIZE_KEYS.contains(key) && !value.chars().allMatch(Character::isDigit)) {
                    value = Long.toString(Units.sizeBytes(value));
                }
                TcpProfiles.linux().with(key, value); // the engine's own check of the value
                out.put(key, value);
            } catch (IllegalArgumentException ex) {
                errors.at(v, "bad value '" + v.text() + "' for TCP setting '" + key + "'");
            }
        }
        return out;
    }
}
