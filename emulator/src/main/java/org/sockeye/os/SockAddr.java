package org.sockeye.os;

import org.sockeye.protocols.Ipv4;

/**
 * A socket address: IPv4 address and port (AF_INET) or a path (AF_UNIX).
 *
 * @param address IPv4 address as an int (0 = INADDR_ANY); unused for AF_UNIX
 * @param path    file-system path of an AF_UNIX socket; null for AF_INET
 */
public record SockAddr(int family, int address, int port, String path) {
    public static SockAddr inet(int address, int port) {
        return new SockAddr(Sys.AF_INET, address, port, null);
    }

    public static SockAddr inet(String dotted, int port) {
        return inet(Ipv4.parse(dotted), port);
    }

    public static SockAddr unix(String path) {
        return new SockAddr(Sys.AF_UNIX, 0, 0, path);
    }

    @Override
    public String toString() {
        return family == Sys.AF_UNIX ? path : Ipv4.format(address) + ":" + port;
    }
}
