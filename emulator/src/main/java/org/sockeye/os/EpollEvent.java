package org.sockeye.os;

/** struct epoll_event: the ready events and the user data registered with the descriptor. */
public final class EpollEvent {
    public int events;
    public long data;
}
