package org.sockeye.app;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import org.sockeye.os.EpollEvent;
import org.sockeye.os.FdSet;
import org.sockeye.os.PollFd;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.Sys;

/**
 * The readiness loop of a single-threaded server (libevent's shape) over select(2), poll(2) or
 * epoll(7), level-triggered: wait until a watched descriptor is ready or the nearest timer is
 * due, then run the handlers one at a time, then wait again.
 *
 * <p>Handlers make system calls, which complete later, so a handler is a task that ends by
 * calling {@link #done()}; the loop runs the next ready handler or expired timer only then. A
 * timer (an idle timeout, say) set with {@link #timer} fires as a task of the loop, from its
 * wait's timeout, never in the middle of another handler.
 *
 * <p>The mechanism decides the cost: select and poll pass over every watched descriptor on each
 * call, epoll_wait only over the ready ones; select cannot watch descriptors of 1024 or more
 * ({@link #watch} then refuses them).
 */
public final class EventLoop {
    public enum Mechanism { SELECT, POLL, EPOLL }

    /** Told that {@code fd} is ready for {@code events} (POLLIN, POLLOUT, POLLHUP, POLLERR bits). */
    @FunctionalInterface
    public interface Handler {
        void ready(int fd, int events);
    }

    /** A pending timer; cancel it with {@link #cancel}. */
    public static final class Timer implements Comparable<Timer> {
        private final long deadline;
        private final long seq;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long deadline, long seq, Runnable task) {
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            return deadline != o.deadline ? Long.compare(deadline, o.deadline) : Long.compare(seq, o.seq);
        }
    }

    private static final int MAX_EVENTS = 256;

    private final Process process;
    private final Mechanism mechanism;
    private final Int2ObjectOpenHashMap<Handler> handlers = new Int2ObjectOpenHashMap<>();
    private final Int2IntOpenHashMap interest = new Int2IntOpenHashMap();
    /** The watched descriptors in ascending order: how a select or poll server keeps its sets. */
    private int[] sorted = new int[16];
    private int count;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerSeq;
    private final int epfd;
    private final EpollEvent[] events;
    private PollFd[] pollFds = new PollFd[0];
    private final FdSet readSet = new FdSet();
    private final FdSet writeSet = new FdSet();
    /** Ready descriptors and their events from the last wait, still to handle: a FIFO. */
    private int[] readyFds = new int[16];
    private int[] readyEvents = new int[16];
    private int readyHead;
    private int readySize;
    private final ArrayDeque<Timer> due = new ArrayDeque<>();
    private final Resume onWait = this::waited;
    /** What the last poll or select was given (the watched set may change before it returns). */
    private int polled;
    private int[] selectedFds = new int[16];
    private int selected;
    private boolean running;
    private boolean inTask;
    private boolean stopped;

    public EventLoop(Process process, Mechanism mechanism) {
        this.process = process;
        this.mechanism = mechanism;
        if (mechanism == Mechanism.EPOLL) {
            epfd = process.epollCreate();
            events = new EpollEvent[MAX_EVENTS];
            for (int i = 0; i < events.length; i++) {
                events[i] = new EpollEvent();
            }
        } else {
            epfd = -1;
            events = null;
        }
    }

    public Process process() {
        return process;
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /** Descriptors watched now. */
    public int watched() {
        return handlers.size();
    }

    /**
     * Watches {@code fd} for {@code events} (POLLIN and/or POLLOUT). Returns false, watching
     * nothing, when the mechanism cannot take it: select and a descriptor of 1024 or more.
     */
    public boolean watch(int fd, int events, Handler h) {
        if (mechanism == Mechanism.SELECT && fd >= Sys.FD_SETSIZE) {
            return false;
        }
        boolean known = handlers.containsKey(fd);
        handlers.put(fd, h);
        interest.put(fd, events);
        if (!known) {
            insertSorted(fd);
        }
        if (mechanism == Mechanism.EPOLL) {
            process.epollCtl(epfd, known ? Sys.EPOLL_CTL_MOD : Sys.EPOLL_CTL_ADD, fd, events, fd);
        }
        return true;
    }

    /** Changes what {@code fd} is watched for. */
    public void modify(int fd, int events) {
        if (!handlers.containsKey(fd) || interest.get(fd) == events) {
            return;
        }
        interest.put(fd, events);
        if (mechanism == Mechanism.EPOLL) {
            process.epollCtl(epfd, Sys.EPOLL_CTL_MOD, fd, events, fd);
        }
    }

    /** Stops watching {@code fd} (call before closing it). */
    public void unwatch(int fd) {
        if (handlers.remove(fd) != null) {
            interest.remove(fd);
            int i = Arrays.binarySearch(sorted, 0, count, fd);
            System.arraycopy(sorted, i + 1, sorted, i, count - i - 1);
            count--;
            if (mechanism == Mechanism.EPOLL) {
                process.epollCtl(epfd, Sys.EPOLL_CTL_DEL, fd, 0, 0);
            }
        }
    }

    private void insertSorted(int fd) {
        if (count == sorted.length) {
            sorted = Arrays.copyOf(sorted, count * 2);
        }
        int i = -Arrays.binarySearch(sorted, 0, count, fd) - 1;
        System.arraycopy(sorted, i, sorted, i + 1, count - i);
        sorted[i] = fd;
        count++;
    }

    private void addReady(int fd, int events) {
        if (readySize == readyFds.length) {
            int[] f = new int[readySize * 2];
            int[] e = new int[readySize * 2];
            for (int i = 0; i < readySize; i++) {
                f[i] = readyFds[(readyHead + i) % readyFds.length];
                e[i] = readyEvents[(readyHead + i) % readyFds.length];
            }
            readyFds = f;
            readyEvents = e;
            readyHead = 0;
        }
        int slot = (readyHead + readySize) % readyFds.length;
        readyFds[slot] = fd;
        readyEvents[slot] = events;
        readySize++;
    }

    /** Runs {@code task} as a loop task at {@code deadlinePs} (or as soon after as the loop is free). */
    public Timer timer(long deadlinePs, Runnable task) {
        Timer t = new Timer(deadlinePs, timerSeq++, task);
        timers.add(t);
        return t;
    }

    public void cancel(Timer t) {
        if (t != null) {
            t.cancelled = true;
        }
    }

    /** Starts the loop (the process must have no call in progress). */
    public void start() {
        if (!running) {
            running = true;
            next();
        }
    }

    /** Ends the loop after the current task. */
    public void stop() {
        stopped = true;
    }

    /** The current handler or timer task has finished: run the next, or wait again. */
    public void done() {
        inTask = false;
        next();
    }

    private void next() {
        if (stopped || inTask) {
            return;
        }
        Timer t;
        while ((t = due.poll()) != null) {
            if (!t.cancelled) {
                inTask = true;
                t.task.run();
                return;
            }
        }
        while (readySize > 0) {
            int fd = readyFds[readyHead];
            int ev = readyEvents[readyHead];
            readyHead = (readyHead + 1) % readyFds.length;
            readySize--;
            Handler h = handlers.get(fd);
            if (h != null) { // it may have been unwatched by an earlier handler
                inTask = true;
                h.ready(fd, ev);
                return;
            }
        }
        collectDueTimers();
        if (!due.isEmpty()) {
            next();
            return;
        }
        waitForReadiness();
    }

    private void collectDueTimers() {
        long now = process.now();
        while (!timers.isEmpty() && (timers.peek().cancelled || timers.peek().deadline <= now)) {
            Timer t = timers.poll();
            if (!t.cancelled) {
                due.add(t);
            }
        }
    }

    /** The wait's timeout: until the nearest timer, or forever. */
    private long timeout() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        return timers.isEmpty() ? Sys.FOREVER : Math.max(1, timers.peek().deadline - process.now());
    }

    private void waitForReadiness() {
        long timeout = timeout();
        switch (mechanism) {
            case EPOLL -> process.epollWait(epfd, events, events.length, timeout, onWait);
            case POLL -> {
                if (pollFds.length < count) {
                    PollFd[] grown = Arrays.copyOf(pollFds, Math.max(16, count * 2));
                    for (int i = pollFds.length; i < grown.length; i++) {
                        grown[i] = new PollFd(-1, 0);
                    }
                    pollFds = grown;
                }
                for (int i = 0; i < count; i++) {
                    pollFds[i].fd = sorted[i];
                    pollFds[i].events = interest.get(sorted[i]);
                    pollFds[i].revents = 0;
                }
                polled = count;
                process.poll(pollFds, count, timeout, onWait);
            }
            case SELECT -> {
                readSet.zero();
                writeSet.zero();
                int max = -1;
                for (int i = 0; i < count; i++) {
                    int fd = sorted[i];
                    int e = interest.get(fd);
                    if ((e & Sys.POLLIN) != 0) {
                        readSet.set(fd);
                    }
                    if ((e & Sys.POLLOUT) != 0) {
                        writeSet.set(fd);
                    }
                    max = Math.max(max, fd);
                }
                if (selectedFds.length < count) {
                    selectedFds = new int[sorted.length];
                }
                System.arraycopy(sorted, 0, selectedFds, 0, count);
                selected = count;
                process.select(max + 1, readSet, writeSet, null, timeout, onWait);
            }
        }
    }

    private void waited(long n) {
        if (stopped) {
            return;
        }
        if (n > 0) {
            switch (mechanism) {
                case EPOLL -> {
                    for (int i = 0; i < n; i++) {
                        addReady((int) events[i].data, events[i].events);
                    }
                }
                case POLL -> {
                    for (int i = 0; i < polled; i++) {
                        if (pollFds[i].revents != 0) {
                            addReady(pollFds[i].fd, pollFds[i].revents);
                        }
                    }
                }
                case SELECT -> {
                    for (int i = 0; i < selected; i++) {
                        int fd = selectedFds[i];
                        int e = (readSet.isSet(fd) ? Sys.POLLIN : 0) | (writeSet.isSet(fd) ? Sys.POLLOUT : 0);
                        if (e != 0) {
                            addReady(fd, e);
                        }
                    }
                }
            }
        }
        next();
    }
}
