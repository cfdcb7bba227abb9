package org.sockeye.os;

/** struct pollfd: a descriptor, the events asked for, the events that occurred. */
public final class PollFd {
    public int fd;
    public int events;
    public int revents;

    public PollFd(int fd, int events) {
        this.fd = fd;
        this.events = events;
    }
}
