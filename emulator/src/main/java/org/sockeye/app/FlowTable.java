package org.sockeye.app;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sockeye.protocols.Ipv4;

/**
 * All flows of a run, in creation order, and the lookup a receiver uses to find the flow a
 * datagram belongs to by its source address and port.
 */
public final class FlowTable {
    private final List<FlowStats> flows = new ArrayList<>();
    private final Long2ObjectOpenHashMap<FlowStats> bySource = new Long2ObjectOpenHashMap<>();

    public FlowStats register(String name, String protocol) {
        FlowStats f = new FlowStats(name, protocol);
        flows.add(f);
        return f;
    }

    /** Declares that datagrams from {@code addr:port} belong to {@code flow}. */
    public void bindSource(FlowStats flow, int addr, int port) {
        bySource.put(key(addr, port), flow);
    }

    /** The flow sending from {@code addr:port}; an unknown sender gets a flow of its own. */
    public FlowStats bySource(int addr, int port, String protocol) {
        FlowStats f = bySource.get(key(addr, port));
        if (f == null) {
            f = register(Ipv4.format(addr) + ":" + port, protocol);
            f.source = f.name;
            bindSource(f, addr, port);
        }
        return f;
    }

    public List<FlowStats> all() {
        return Collections.unmodifiableList(flows);
    }

    private static long key(int addr, int port) {
        return (addr & 0xffffffffL) << 16 | port;
    }
}
