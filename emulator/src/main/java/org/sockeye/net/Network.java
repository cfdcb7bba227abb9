package org.sockeye.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;

/** The simulated network: nodes and links sharing one scheduler and one set of random streams. */
public final class Network {
    private final Scheduler scheduler;
    private final RandomStreams random;
    private final NetworkCounters counters = new NetworkCounters();
    private final PacketIds packetIds = new PacketIds();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    Network(Scheduler scheduler, RandomStreams random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public RandomStreams random() {
        return random;
    }

    public NetworkCounters counters() {
        return counters;
    }

    public PacketIds packetIds() {
        return packetIds;
    }

    public Node node(String name) {
        return nodes.get(name);
    }

    public Host host(String name) {
        Node n = nodes.get(name);
        if (!(n instanceof Host h)) {
            throw new IllegalArgumentException("no host named " + name);
        }
        return h;
    }

    public Iterable<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    public Link link(String name) {
        for (Link l : links) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no link named " + name);
    }

    void add(Node n) {
        nodes.put(n.name(), n);
    }

    void add(Link l) {
        links.add(l);
    }
}
