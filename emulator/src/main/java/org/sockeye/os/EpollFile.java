package org.sockeye.os;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import org.sockeye.protocols.Errno;

/**
 * An epoll instance (Linux fs/eventpoll.c): the watched descriptors, each an item on its file's
 * wait queue for as long as it is registered, and a ready list those items put themselves on when
 * their file reports readiness. epoll_wait therefore looks only at ready items — its cost grows
 * with the events returned, not with the descriptors watched.
 *
 * <p>Level-triggered items stay on the ready list after being reported and are checked again at
 * the next epoll_wait (ep_send_events re-queues them); EPOLLET items are reported once per
 * wake-up; EPOLLONESHOT items are disabled until EPOLL_CTL_MOD. An item lives as long as its open
 * file description: closing one descriptor of a file that another still holds keeps it
 * registered, as in Linux.
 */
final class EpollFile extends OpenFile {
    private final Int2ObjectOpenHashMap<Item> items = new Int2ObjectOpenHashMap<>();
    private Item readyHead;
    private Item readyTail;
    private int readyCount;

    EpollFile(Kernel kernel) {
        super(kernel);
    }

    final class Item extends Waiter {
        final int fd;
        final OpenFile file;
        int events;
        long data;
        /** EPOLLET and EPOLLONESHOT bits. */
        int mode;
        boolean disabled;
        boolean onReady;
        Item readyPrev;
        Item readyNext;

        Item(int fd, OpenFile file) {
            this.fd = fd;
            this.file = file;
        }

        @Override
        void wake(int mask) {
            if (!disabled && (mask & (events | ALWAYS)) != 0) {
                makeReady(this);
            }
        }

        EpollFile owner() {
            return EpollFile.this;
        }
    }

    int control(int op, int fd, OpenFile f, int events, long data) {
        Item item = items.get(fd);
        switch (op) {
            case Sys.EPOLL_CTL_ADD -> {
                if (item != null) {
                    return (int) err(Errno.EEXIST);
                }
                item = new Item(fd, f);
                items.put(fd, item);
                f.waiters.add(item);
                configure(item, events, data);
                return 0;
            }
            case Sys.EPOLL_CTL_MOD -> {
                if (item == null) {
                    return (int) err(Errno.ENOENT);
                }
                configure(item, events, data);
                return 0;
            }
            case Sys.EPOLL_CTL_DEL -> {
                if (item == null) {
                    return (int) err(Errno.ENOENT);
                }
                forget(item);
                return 0;
            }
            default -> {
                return (int) err(Errno.EINVAL);
            }
        }
    }

    /** Sets what {@code item} watches for and reports; queues it at once if its file is ready now. */
    private void configure(Item item, int events, long data) {
        item.interest = events & ~(Sys.EPOLLET | Sys.EPOLLONESHOT);
        item.events = item.interest;
        item.mode = events & (Sys.EPOLLET | Sys.EPOLLONESHOT);
        item.data = data;
        item.disabled = false;
        if ((item.file.pollMask() & (item.events | ALWAYS)) != 0) {
            makeReady(item);
        }
    }

    /** Removes {@code item}: EPOLL_CTL_DEL, or its file was released. */
    void forget(Item item) {
        items.remove(item.fd);
        if (item.queue != null) {
            item.queue.remove(item);
        }
        unready(item);
    }

    private void makeReady(Item item) {
        if (!item.onReady) {
            enqueueReady(item);
            wakeUp(Sys.POLLIN); // a blocked epoll_wait, or an epoll watching this one
        }
    }

    private void enqueueReady(Item item) {
        item.onReady = true;
        item.readyPrev = readyTail;
        item.readyNext = null;
        if (readyTail == null) {
            readyHead = item;
        } else {
            readyTail.readyNext = item;
        }
        readyTail = item;
        readyCount++;
    }

    private void unready(Item item) {
        if (!item.onReady) {
            return;
        }
        if (item.readyPrev == null) {
            readyHead = item.readyNext;
        } else {
            item.readyPrev.readyNext = item.readyNext;
        }
        if (item.readyNext == null) {
            readyTail = item.readyPrev;
        } else {
            item.readyNext.readyPrev = item.readyPrev;
        }
        item.onReady = false;
        item.readyPrev = null;
        item.readyNext = null;
        readyCount--;
    }

    /** epoll_wait's pass over the ready list: fills {@code c.events}, returns the count (or BLOCK). */
    long collect(Call c) {
        int n = 0;
        int toCheck = readyCount; // level-triggered items re-queue at the tail: look at each once
        while (toCheck-- > 0 && n < c.length && readyHead != null) {
            Item item = readyHead;
            unready(item);
            int m = item.disabled ? 0 : item.file.pollMask() & (item.events | ALWAYS);
            if (m == 0) {
                continue; // no longer ready: off the list until its file wakes it again
            }
            EpollEvent e = c.events[n++];
            e.events = m;
            e.data = item.data;
            if ((item.mode & Sys.EPOLLONESHOT) != 0) {
                item.disabled = true;
            } else if ((item.mode & Sys.EPOLLET) == 0) {
                enqueueReady(item); // reported: no one to wake
            }
        }
        if (n > 0 || c.timeoutPs == 0) {
            return n;
        }
        return BLOCK;
    }

    int watched() {
        return items.size();
    }

    @Override
    int pollMask() {
        return readyCount > 0 ? Sys.POLLIN : 0;
    }

    @Override
    void release() {
        for (Item item : new ArrayList<>(items.values())) {
            forget(item);
        }
    }
}
