package org.sockeye.net;

import com.google.common.graph.MutableNetwork;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sockeye.config.LinkSpec;
import org.sockeye.config.NodeSpec;
import org.sockeye.protocols.Ipv4;
import org.sockeye.sim.RandomStreams;
import org.sockeye.sim.Scheduler;

/**
 * Builds a {@link Network} from validated specs: nodes, links with their two channels,
 * automatic IPv4 addresses, and shortest-path (fewest hops) host routes in every node.
 */
public final class NetworkBuilder {
    /** Automatic addresses: link k gets 10.(k / 256).(k % 256).{1,2}, skipping addresses given explicitly. */
    private static final int AUTO_BASE = Ipv4.parse("10.0.0.0");

    private NetworkBuilder() {
    }

    public static Network build(List<NodeSpec> nodeSpecs, List<LinkSpec> linkSpecs, Scheduler scheduler,
            RandomStreams random) {
        Network net = new Network(scheduler, random);
        for (NodeSpec n : nodeSpecs) {
            if (n.kind() == NodeSpec.Kind.ROUTER) {
                net.add(new Router(n.name(), net.counters()));
            } else {
                Host h = new Host(n.name(), net.counters(), scheduler, net.packetIds());
                if (!n.tcp().isEmpty()) {
                    h.configureTcp(org.sockeye.config.TcpSettings.config(n.tcp()));
                }
                if (n.ephemeralPorts() != null) {
                    h.setEphemeralRange(n.ephemeralPorts().first(), n.ephemeralPorts().last());
                }
                net.add(h);
            }
        }
        Set<Integer> given = new HashSet<>();
        for (LinkSpec l : linkSpecs) {
            l.addressA().ifPresent(a -> given.add(Ipv4.parse(a)));
            l.addressB().ifPresent(a -> given.add(Ipv4.parse(a)));
        }
        MutableNetwork<Node, Link> graph = com.google.common.graph.NetworkBuilder.undirected()
                .allowsParallelEdges(true).build();
        Map<Link, Interface[]> ends = new HashMap<>();
        int[] auto = {0};
        for (LinkSpec spec : linkSpecs) {
            Node a = net.node(spec.a());
            Node b = net.node(spec.b());
            int addrA = spec.addressA().map(Ipv4::parse).orElseGet(() -> nextAuto(auto, given));
            int addrB = spec.addressB().map(Ipv4::parse).orElseGet(() -> nextAuto(auto, given));
            Interface ia = a.addInterface(addrA, spec.mtu());
            Interface ib = b.addInterface(addrB, spec.mtu());
            Channel ab = channel(spec, ia, ib, scheduler, random);
            Channel ba = channel(spec, ib, ia, scheduler, random);
            ia.attach(ab);
            ib.attach(ba);
            Link link = new Link(spec, ab, ba);
            net.add(link);
            graph.addEdge(a, b, link);
            ends.put(link, new Interface[] {ia, ib});
        }
        for (Node n : net.nodes()) {
            graph.addNode(n);
        }
        computeRoutes(graph, ends);
        for (NodeSpec n : nodeSpecs) {
            if (n.kind() == NodeSpec.Kind.HOST && n.isMachine()) {
                net.host(n.name()).makeMachine(n.cpu() != null ? n.cpu() : org.sockeye.config.CpuSpec.linuxX86(1),
                        n.nic() != null ? n.nic() : org.sockeye.config.NicSpec.defaults());
            }
        }
        return net;
    }

    private static Channel channel(LinkSpec spec, Interface from, Interface to, Scheduler scheduler,
            RandomStreams random) {
        String name = spec.name() + ":" + from.node().name() + "->" + to.node().name();
        return new Channel(scheduler, name, from, to, spec, LossModel.of(spec.loss()),
                random.stream("loss/" + name), random.stream("jitter/" + name), random.stream("reorder/" + name));
    }

    private static int nextAuto(int[] counter, Set<Integer> taken) {
        while (true) {
            int k = counter[0]++;
            int addr = AUTO_BASE | ((k >> 1) & 0xffff) << 8 | ((k & 1) + 1);
            if (taken.add(addr)) {
                return addr;
            }
        }
    }

    /**
     * Breadth-first search from every node over the undirected topology; each reachable node's
     * addresses are routed via the first hop of its BFS path. Ties between equal-length paths go to
     * the link declared first, so routes are deterministic.
     */
    private static void computeRoutes(MutableNetwork<Node, Link> graph, Map<Link, Interface[]> ends) {
        for (Node source : graph.nodes()) {
            Map<Node, Interface> firstHop = new HashMap<>();
            ArrayDeque<Node> frontier = new ArrayDeque<>();
            Set<Node> seen = new HashSet<>();
            seen.add(source);
            frontier.add(source);
            while (!frontier.isEmpty()) {
                Node u = frontier.poll();
                for (Link l : graph.outEdges(u)) {
                    Interface[] e = ends.get(l);
                    Interface local = e[0].node() == u ? e[0] : e[1];
                    Node v = (local == e[0] ? e[1] : e[0]).node();
                    if (seen.add(v)) {
                        firstHop.put(v, u == source ? local : firstHop.get(u));
                        frontier.add(v);
                    }
                }
            }
            for (Map.Entry<Node, Interface> route : firstHop.entrySet()) {
                for (Interface dst : route.getKey().interfaces()) {
                    source.setRoute(dst.address(), route.getValue());
                }
            }
        }
    }
}
