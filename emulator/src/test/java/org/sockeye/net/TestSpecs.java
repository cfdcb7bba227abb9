package org.sockeye.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sockeye.config.AppSpec;
import org.sockeye.config.ExperimentSpec;
import org.sockeye.config.LinkSpec;
import org.sockeye.config.NodeSpec;
import org.sockeye.config.RecordSpec;

/** Builds specs in code for tests that should not depend on the YAML loader. */
public final class TestSpecs {
    private final List<NodeSpec> nodes = new ArrayList<>();
    private final List<LinkSpec> links = new ArrayList<>();
    private final List<AppSpec> apps = new ArrayList<>();

    public TestSpecs host(String... names) {
        for (String n : names) {
            nodes.add(new NodeSpec(n, NodeSpec.Kind.HOST));
        }
        return this;
    }

    public TestSpecs host(String name, Map<String, String> tcp) {
        nodes.add(new NodeSpec(name, NodeSpec.Kind.HOST, tcp));
        return this;
    }

    /** A host modelled as a machine (either spec may be null for its defaults). */
    public TestSpecs machine(String name, org.sockeye.config.CpuSpec cpu, org.sockeye.config.NicSpec nic) {
        nodes.add(new NodeSpec(name, NodeSpec.Kind.HOST, Map.of(), cpu, nic));
        return this;
    }

    public TestSpecs router(String... names) {
        for (String n : names) {
            nodes.add(new NodeSpec(n, NodeSpec.Kind.ROUTER));
        }
        return this;
    }

    public TestSpecs link(String a, String b, long rateBps, long delayPs) {
        return link(link(a + "-" + b, a, b, rateBps, delayPs, LinkSpec.QueueSpec.packets(100), new LinkSpec.NoLoss()));
    }

    public TestSpecs link(LinkSpec l) {
        links.add(l);
        return this;
    }

    public TestSpecs app(AppSpec a) {
        apps.add(a);
        return this;
    }

    public static LinkSpec link(String name, String a, String b, long rateBps, long delayPs, LinkSpec.QueueSpec q,
            LinkSpec.LossSpec loss) {
        return new LinkSpec(name, a, b, Optional.empty(), Optional.empty(), rateBps, delayPs, 1500,
                LinkSpec.Framing.ETHERNET, q, loss, 0, LinkSpec.ReorderSpec.NONE);
    }

    public List<NodeSpec> nodes() {
        return nodes;
    }

    public List<LinkSpec> links() {
        return links;
    }

    public ExperimentSpec experiment(String name, long durationPs, long seed, Map<String, List<String>> record) {
        return new ExperimentSpec(name, "", durationPs, seed, Map.of(), List.copyOf(nodes), List.copyOf(links),
                List.copyOf(apps), new RecordSpec(RecordSpec.DEFAULT_INTERVAL_PS, record), "name: " + name + "\n");
    }
}
