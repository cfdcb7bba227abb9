package org.sockeye.config;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the expanded, substituted tree to an {@link ExperimentSpec}, collecting every error.
 * Values that fail to convert are replaced by harmless fallbacks so checking can go on; the
 * loader discards the result if any error was reported.
 */
final class ExperimentBinder {
    /** Top-level keys holding lists of named elements (also what {@code count} expands). */
    static final List<String> LIST_KEYS = List.of("nodes", "links", "applications");

    static final Set<String> TOP_KEYS = ImmutableSet.of("name", "description", "duration", "seed", Parameters.KEY,
            "nodes", "links", "applications", "record", "tcp");
    private static final Set<String> NODE_KEYS = ImmutableSet.of("name", "kind", "tcp", "cpu", "nic",
            "ephemeral-ports", "down", CountExpansion.KEY);
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})\\s*-\\s*(\\d{1,5})");
    private static final Map<String, NodeSpec.Kind> KINDS = ImmutableMap.of(
            "host", NodeSpec.Kind.HOST, "router", NodeSpec.Kind.ROUTER, "switch", NodeSpec.Kind.ROUTER);

    private final ConfigErrors errors;
    private final ValueReader values;

    ExperimentBinder(ConfigErrors errors) {
        this.errors = errors;
        this.values = new ValueReader(errors);
    }

    ExperimentSpec bind(YamlMap root, Map<String, String> parameters, String source) {
        MapFields top = new MapFields(root, "experiment", TOP_KEYS, errors);
        String name = values.name(top.requiredScalar("name"), "experiment", "experiment");
        YamlScalar description = top.scalar("description");
        long duration = values.positiveTime(top.requiredScalar("duration"), "duration", 1);
        long seed = values.integer(top.scalar("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);

        Map<String, String> tcp = TcpSettings.bind(top.node("tcp"), Map.of(), values);
        NodeTable nodes = bindNodes(top, tcp, duration);
        LinkBinder.Result links = new LinkBinder(values, nodes).bind(elements(top, "links", false));
        if (!links.endpointErrors()) {
            // Unknown endpoints already produce errors; connectivity on a broken graph would only add noise.
            nodes.reportUnreachable(links.graph(), errors);
        }
        ApplicationBinder.Result apps = new ApplicationBinder(values, nodes, duration, seed)
                .bind(elements(top, "applications", false));
        RecordSpec record = new RecordBinder(values, links.names(), apps.names(), hostNames(nodes),
                captureSubjects(links, nodes)).bind(top.node("record"));

        return new ExperimentSpec(name, description == null ? "" : description.text(), duration, seed,
                Collections.unmodifiableMap(new LinkedHashMap<>(parameters)), nodes.specs(), links.specs(),
                apps.specs(), record, source);
    }

    /**
     * What {@code record: pcap} can name: a link (both directions), a node's interface on a link
     * ({@code node:link}, as that node sees it) or a host's loopback ({@code host:lo}).
     */
    private static Set<String> captureSubjects(LinkBinder.Result links, NodeTable nodes) {
        Set<String> s = new java.util.LinkedHashSet<>(links.names());
        for (LinkSpec l : links.specs()) {
            s.add(l.a() + ":" + l.name());
            s.add(l.b() + ":" + l.name());
        }
        for (String h : hostNames(nodes)) {
            s.add(h + ":" + RecordSpec.LOOPBACK);
        }
        return s;
    }

    private NodeTable bindNodes(MapFields top, Map<String, String> tcp, long durationPs) {
        NodeTable table = new NodeTable();
        List<YamlMap> elements = elements(top, "nodes", true);
        for (YamlMap m : elements) {
            MapFields f = new MapFields(m, "node", NODE_KEYS, errors);
            YamlScalar nameNode = f.requiredScalar("name");
            String name = values.name(nameNode, "node", null);
            NodeSpec.Kind kind = values.choice(f.scalar("kind"), "node kind", KINDS, NodeSpec.Kind.HOST);
            Map<String, String> nodeTcp = TcpSettings.bind(f.node("tcp"), tcp, values);
            if (f.has("tcp") && kind != NodeSpec.Kind.HOST) {
                errors.at(f.node("tcp"), "tcp settings belong on hosts; '" + name + "' is a router");
            }
            MachineBinder machine = new MachineBinder(values);
            CpuSpec cpu = machine.cpu(f.node("cpu"));
            NicSpec nic = machine.nic(f.node("nic"));
            NodeSpec.PortRange ephemeral = portRange(f.scalar("ephemeral-ports"));
            for (String key : List.of("cpu", "nic", "ephemeral-ports")) {
                if (f.has(key) && kind != NodeSpec.Kind.HOST) {
                    errors.at(f.node(key), key + " settings belong on hosts; '" + name + "' is a router");
                }
            }
            long down = downTime(f.scalar("down"), durationPs);
            if (name != null) {
                boolean host = kind == NodeSpec.Kind.HOST;
                table.add(new NodeSpec(name, kind, host ? Map.copyOf(nodeTcp) : Map.of(), host ? cpu : null,
                        host ? nic : null, host ? ephemeral : null, down), nameNode, errors);
            }
        }
        if (top.node("nodes") instanceof YamlList list && list.items().isEmpty()) {
            errors.at(list, "nodes must not be empty");
        }
        return table;
    }

    /** {@code down: 5s}: when the node goes down, before the end of the run; NEVER if absent or wrong. */
    private long downTime(YamlScalar s, long durationPs) {
        long t = values.time(s, NodeSpec.NEVER);
        if (s != null && t >= durationPs) {
            errors.at(s, "down '" + s.text() + "' must be before the end of the experiment");
            return NodeSpec.NEVER;
        }
        return t;
    }

    /** {@code ephemeral-ports: 32768-60999} (ip_local_port_range), or null if absent or wrong. */
    private NodeSpec.PortRange portRange(YamlScalar s) {
        if (s == null) {
            return null;
        }
        Matcher m = PORT_RANGE.matcher(s.text().strip());
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = Integer.parseInt(m.group(2));
            if (first >= 1 && first <= last && last <= 65_535) {
                return new NodeSpec.PortRange(first, last);
            }
        }
        errors.at(s, "ephemeral-ports must be a range first-last with 1 <= first <= last <= 65535 (Linux's default "
                + "is 32768-60999), got '" + s.text() + "'");
        return null;
    }

    private static Set<String> hostNames(NodeTable nodes) {
        Set<String> hosts = new java.util.LinkedHashSet<>();
        for (NodeSpec n : nodes.specs()) {
            if (n.kind() == NodeSpec.Kind.HOST) {
                hosts.add(n.name());
            }
        }
        return hosts;
    }

    /** The maps of a top-level list; non-map elements are reported and skipped. */
    private List<YamlMap> elements(MapFields top, String key, boolean required) {
        List<YamlMap> out = new ArrayList<>();
        if (required && top.requiredNode(key) == null) {
            return out;
        }
        YamlList list = top.list(key);
        if (list == null) {
            return out;
        }
        String what = key.substring(0, key.length() - 1);
        for (YamlNode item : list.items()) {
            YamlMap m = values.map(item, what);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }
}
