package org.sockeye.config;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sockeye.config.LinkSpec.BernoulliLoss;
import org.sockeye.config.LinkSpec.CoDelSpec;
import org.sockeye.config.LinkSpec.FqCoDelSpec;
import org.sockeye.config.LinkSpec.Framing;
import org.sockeye.config.LinkSpec.GilbertElliottLoss;
import org.sockeye.config.LinkSpec.LossSpec;
import org.sockeye.config.LinkSpec.NoLoss;
import org.sockeye.config.LinkSpec.NoQdisc;
import org.sockeye.config.LinkSpec.QdiscSpec;
import org.sockeye.config.LinkSpec.QueueSpec;
import org.sockeye.config.LinkSpec.ReorderSpec;
import org.sockeye.protocols.Ipv4;

/** Binds the {@code links:} list and checks endpoints, names and addresses. */
final class LinkBinder {
    static final Set<String> LINK_KEYS = ImmutableSet.of("name", "endpoints", "addresses", "rate", "delay", "mtu",
            "framing", "queue", "loss", "jitter", "reorder", "qdisc", CountExpansion.KEY);
    private static final Set<String> REORDER_KEYS = ImmutableSet.of("probability", "delay");
    private static final Set<String> BERNOULLI_KEYS = ImmutableSet.of("model", "rate");
    private static final Set<String> GILBERT_KEYS = ImmutableSet.of("model", "p", "r", "loss-good", "loss-bad");
    private static final Set<String> NONE_KEYS = ImmutableSet.of("model");
    private static final Map<String, String> LOSS_MODELS = ImmutableMap.of(
            "none", "none", "bernoulli", "bernoulli", "gilbert-elliott", "gilbert-elliott");
    private static final Map<String, Framing> FRAMINGS = ImmutableMap.of(
            "ethernet", Framing.ETHERNET, "ethernet-phy", Framing.ETHERNET_PHY, "ppp", Framing.PPP);

    static final long DEFAULT_MTU = 1500;
    /** RFC 791: every internet module must be able to forward a datagram of 68 octets. */
    static final long MIN_MTU = 68;
    /** RFC 791: the total length field is 16 bits. */
    static final long MAX_MTU = 65_535;
    static final int DEFAULT_QUEUE_PACKETS = 100;
    private static final Set<String> NONE_QDISC_KEYS = ImmutableSet.of("kind");
    private static final Set<String> CODEL_KEYS = ImmutableSet.of("kind", "target", "interval", "limit");
    private static final Set<String> FQ_CODEL_KEYS = ImmutableSet.of("kind", "target", "interval", "limit", "flows",
            "quantum", "drop-batch");
    private static final Map<String, String> QDISC_KINDS = ImmutableMap.of(
            "none", "none", "codel", "codel", "fq-codel", "fq-codel");
    // Defaults of RFC 8289 §4.2-4.3 / RFC 8290 §5.2 as ns-3.37 sets them (CoDelQueueDisc, FqCoDelQueueDisc).
    static final long CODEL_TARGET_PS = 5_000_000_000L;
    static final long CODEL_INTERVAL_PS = 100_000_000_000L;
    static final int CODEL_LIMIT = 1500;
    static final int FQ_CODEL_LIMIT = 10240;
    static final int FQ_CODEL_FLOWS = 1024;
    static final int FQ_CODEL_DROP_BATCH = 64;
    /** ns-3 and Linux default quantum: the MTU plus a 14-byte Ethernet header. */
    static final int QUANTUM_OVER_MTU = 14;
    private static final String AUTO_ADDRESS = "auto";

    record Result(List<LinkSpec> specs, Set<String> names, Map<String, List<String>> graph,
            boolean endpointErrors) {
    }

    private final ValueReader values;
    private final ConfigErrors errors;
    private final NodeTable nodes;
    private final Map<String, YamlScalar> names = new LinkedHashMap<>();
    private final Map<Integer, YamlScalar> addresses = new HashMap<>();
    private final Map<String, List<String>> graph = new HashMap<>();
    private boolean endpointErrors;

    LinkBinder(ValueReader values, NodeTable nodes) {
        this.values = values;
        this.errors = values.errors();
        this.nodes = nodes;
    }

    Result bind(List<YamlMap> elements) {
        List<LinkSpec> specs = new ArrayList<>();
        for (YamlMap m : elements) {
            LinkSpec spec = bindOne(new MapFields(m, "link", LINK_KEYS, errors));
            if (spec != null) {
                specs.add(spec);
            }
        }
        return new Result(List.copyOf(specs), new LinkedHashSet<>(names.keySet()), graph, endpointErrors);
    }

    private LinkSpec bindOne(MapFields f) {
        String[] ends = endpoints(f);
        YamlScalar nameNode = f.scalar("name");
        String name = nameNode != null ? values.name(nameNode, "link", null)
                : ends != null ? ends[0] + "-" + ends[1] : null;
        if (name != null) {
            YamlNode where = nameNode != null ? nameNode : f.map();
            YamlScalar first = names.get(name);
            if (first != null) {
                errors.at(where, "duplicate link name '" + name + "'" + NodeTable.firstAt(first)
                        + (nameNode == null ? "; give the links distinct names" : ""));
            } else {
                names.put(name, nameNode != null ? nameNode : new YamlScalar(name, where.line(), where.column()));
            }
        }
        Optional<String>[] addr = addresses(f);
        long rate = values.rate(f.requiredScalar("rate"), 1);
        long delay = values.time(f.requiredScalar("delay"), 0);
        long mtu = mtu(f.scalar("mtu"));
        Framing framing = values.choice(f.scalar("framing"), "framing", FRAMINGS, Framing.ETHERNET);
        QueueSpec queue = queue(f.scalar("queue"));
        LossSpec loss = loss(f.node("loss"));
        long jitter = values.time(f.scalar("jitter"), 0);
        ReorderSpec reorder = reorder(f.node("reorder"));
        QdiscSpec qdisc = qdisc(f.node("qdisc"), (int) mtu);
        if (ends == null || name == null) {
            return null;
        }
        graph.computeIfAbsent(ends[0], k -> new ArrayList<>()).add(ends[1]);
        graph.computeIfAbsent(ends[1], k -> new ArrayList<>()).add(ends[0]);
        return new LinkSpec(name, ends[0], ends[1], addr[0], addr[1], rate, delay, (int) mtu, framing, queue,
                loss, jitter, reorder, qdisc);
    }

    /** The two endpoint names, or null after reporting why they are unusable. */
    private String[] endpoints(MapFields f) {
        YamlNode node = f.requiredNode("endpoints");
        if (node == null) {
            endpointErrors = true;
            return null;
        }
        if (!(node instanceof YamlList list) || list.items().size() != 2
                || !list.items().stream().allMatch(YamlScalar.class::isInstance)) {
            errors.at(node, "endpoints must be a list of two node names, e.g. [a, b]");
            endpointErrors = true;
            return null;
        }
        YamlScalar a = (YamlScalar) list.items().get(0);
        YamlScalar b = (YamlScalar) list.items().get(1);
        boolean ok = knownNode(a) & knownNode(b);
        if (a.text().equals(b.text())) {
            errors.at(b, "link endpoints must be two different nodes, got '" + a.text() + "' twice");
            ok = false;
        }
        if (!ok) {
            endpointErrors = true;
            return null;
        }
        return new String[] {a.text(), b.text()};
    }

    private boolean knownNode(YamlScalar s) {
        if (nodes.get(s.text()) != null) {
            return true;
        }
        errors.at(s, "unknown node '" + s.text() + "'" + DidYouMean.suffix(s.text(), nodes.names()));
        return false;
    }

    @SuppressWarnings("unchecked")
    private Optional<String>[] addresses(MapFields f) {
        Optional<String>[] out = new Optional[] {Optional.empty(), Optional.empty()};
        YamlNode node = f.node("addresses");
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlList list) || list.items().size() != 2
                || !list.items().stream().allMatch(YamlScalar.class::isInstance)) {
            errors.at(node, "addresses must be a list of two IPv4 addresses (or 'auto'), e.g. [10.0.0.1, 10.0.0.2]");
            return out;
        }
        for (int i = 0; i < 2; i++) {
            YamlScalar s = (YamlScalar) list.items().get(i);
            if (s.text().equals(AUTO_ADDRESS)) {
                continue;
            }
            int addr;
            try {
                addr = Ipv4.parse(s.text());
            } catch (IllegalArgumentException e) {
                errors.at(s, "invalid IPv4 address '" + s.text() + "'");
                continue;
            }
            YamlScalar first = addresses.putIfAbsent(addr, s);
            if (first != null) {
                errors.at(s, "duplicate address " + Ipv4.format(addr) + NodeTable.firstAt(first));
                continue;
            }
            out[i] = Optional.of(Ipv4.format(addr));
        }
        return out;
    }

    private long mtu(YamlScalar s) {
        long mtu = values.size(s, DEFAULT_MTU);
        if (s != null && (mtu < MIN_MTU || mtu > MAX_MTU)) {
            errors.at(s, "mtu must be between " + MIN_MTU + "B and " + MAX_MTU + "B, got '" + s.text() + "'");
            return DEFAULT_MTU;
        }
        return mtu;
    }

    /** An integer is a limit in packets; a size with a unit is a limit in bytes. */
    private QueueSpec queue(YamlScalar s) {
        if (s == null) {
            return QueueSpec.packets(DEFAULT_QUEUE_PACKETS);
        }
        String t = s.text().strip();
        if (Units.looksLikeSize(t)) {
            long bytes = values.size(s, 1);
            if (bytes > 0) {
                return QueueSpec.bytes(bytes);
            }
        } else if (t.matches("\\d{1,9}") && Integer.parseInt(t) > 0) {
            return QueueSpec.packets(Integer.parseInt(t));
        }
        errors.at(s, "malformed queue limit '" + s.text()
                + "' (expected a positive number of packets, e.g. 100, or a size, e.g. 150KiB)");
        return QueueSpec.packets(DEFAULT_QUEUE_PACKETS);
    }

    private LossSpec loss(YamlNode node) {
        if (node == null) {
            return new NoLoss();
        }
        if (node instanceof YamlScalar s) {
            double rate = values.probability(s, "loss", 0);
            return rate == 0 ? new NoLoss() : new BernoulliLoss(rate);
        }
        YamlMap map = values.map(node, "loss");
        if (map == null) {
            return new NoLoss();
        }
        // The model decides which other keys are allowed, so keys are checked once it is known.
        YamlNode modelValue = map.get("model");
        if (modelValue == null) {
            errors.at(map, "missing required key 'model' in loss (one of " + String.join(", ", LOSS_MODELS.keySet())
                    + ")");
        } else if (!(modelValue instanceof YamlScalar)) {
            errors.at(modelValue, "model must be a single value, got " + modelValue.kindName());
        }
        String model = values.choice(modelValue instanceof YamlScalar s ? s : null, "loss model", LOSS_MODELS, null);
        if (model == null) {
            return new NoLoss();
        }
        switch (model) {
            case "bernoulli": {
                MapFields f = new MapFields(map, "bernoulli loss", BERNOULLI_KEYS, errors);
                double rate = values.probability(f.requiredScalar("rate"), "loss rate", 0);
                return rate == 0 ? new NoLoss() : new BernoulliLoss(rate);
            }
            case "gilbert-elliott": {
                MapFields f = new MapFields(map, "gilbert-elliott loss", GILBERT_KEYS, errors);
                double p = values.probability(f.requiredScalar("p"), "p", 0);
                double r = values.probability(f.requiredScalar("r"), "r", 1);
                double lossGood = values.probability(f.scalar("loss-good"), "loss-good", 0);
                double lossBad = values.probability(f.scalar("loss-bad"), "loss-bad", 1);
                return new GilbertElliottLoss(p, r, lossGood, lossBad);
            }
            default: // none
                new MapFields(map, "loss", NONE_KEYS, errors);
                return new NoLoss();
        }
    }

    private ReorderSpec reorder(YamlNode node) {
        if (node == null) {
            return ReorderSpec.NONE;
        }
        YamlMap map = values.map(node, "reorder");
        if (map == null) {
            return ReorderSpec.NONE;
        }
        MapFields f = new MapFields(map, "reorder", REORDER_KEYS, errors);
        double p = values.probability(f.requiredScalar("probability"), "reorder probability", 0);
        long delay = values.time(f.requiredScalar("delay"), 0);
        return new ReorderSpec(p, delay);
    }

    /** {@code qdisc: fq-codel} or {@code qdisc: {kind: fq-codel, target: 5ms, ...}}. */
    private QdiscSpec qdisc(YamlNode node, int mtu) {
        if (node == null) {
            return new NoQdisc();
        }
        YamlMap map = null;
        YamlScalar kindNode;
        if (node instanceof YamlScalar s) {
            kindNode = s;
        } else {
            map = values.map(node, "qdisc");
            if (map == null) {
                return new NoQdisc();
            }
            YamlNode k = map.get("kind");
            if (k == null) {
                errors.at(map, "missing required key 'kind' in qdisc (one of "
                        + String.join(", ", QDISC_KINDS.keySet()) + ")");
            } else if (!(k instanceof YamlScalar)) {
                errors.at(k, "kind must be a single value, got " + k.kindName());
            }
            kindNode = k instanceof YamlScalar s ? s : null;
        }
        String kind = values.choice(kindNode, "qdisc kind", QDISC_KINDS, null);
        if (kind == null) {
            return new NoQdisc();
        }
        switch (kind) {
            case "codel": {
                // A bare word takes every default; a map overrides some of them.
                MapFields f = map == null ? null : new MapFields(map, "codel qdisc", CODEL_KEYS, errors);
                return new CoDelSpec(time(f, "target", CODEL_TARGET_PS), time(f, "interval", CODEL_INTERVAL_PS),
                        count(f, "limit", CODEL_LIMIT));
            }
            case "fq-codel": {
                MapFields f = map == null ? null : new MapFields(map, "fq-codel qdisc", FQ_CODEL_KEYS, errors);
                int quantum = quantum(f == null ? null : f.scalar("quantum"), mtu + QUANTUM_OVER_MTU);
                return new FqCoDelSpec(time(f, "target", CODEL_TARGET_PS), time(f, "interval", CODEL_INTERVAL_PS),
                        count(f, "flows", FQ_CODEL_FLOWS), quantum, count(f, "limit", FQ_CODEL_LIMIT),
                        count(f, "drop-batch", FQ_CODEL_DROP_BATCH));
            }
            default: // none
                if (map != null) {
                    new MapFields(map, "qdisc", NONE_QDISC_KEYS, errors);
                }
                return new NoQdisc();
        }
    }

    /** A positive time under {@code key} of {@code f}, or the fallback when absent (or no map). */
    private long time(MapFields f, String key, long fallback) {
        return f == null ? fallback : values.positiveTime(f.scalar(key), key, fallback);
    }

    /** A positive count under {@code key} of {@code f}, or the fallback when absent (or no map). */
    private int count(MapFields f, String key, int fallback) {
        return f == null ? fallback : (int) values.integer(f.scalar(key), key, 1, 1_000_000_000, fallback);
    }

    private int quantum(YamlScalar s, int fallback) {
        long q = values.size(s, fallback);
        if (s != null && (q < 1 || q > MAX_MTU + QUANTUM_OVER_MTU)) {
            errors.at(s, "quantum must be between 1B and " + (MAX_MTU + QUANTUM_OVER_MTU) + "B, got '" + s.text()
                    + "'");
            return fallback;
        }
        return (int) q;
    }
}
