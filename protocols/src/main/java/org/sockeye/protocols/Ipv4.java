package org.sockeye.protocols;

/** IPv4 addresses as {@code int}s (network order: first octet in the high byte). */
public final class Ipv4 {
    private Ipv4() {
    }

    public static String format(int addr) {
        return ((addr >>> 24) & 0xff) + "." + ((addr >>> 16) & 0xff) + "." + ((addr >>> 8) & 0xff) + "."
                + (addr & 0xff);
    }

    /** Parses dotted-quad notation; throws {@link IllegalArgumentException} if malformed. */
    public static int parse(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        int addr = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            addr = addr << 8 | octet;
        }
        return addr;
    }
}
