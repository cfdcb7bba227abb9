package org.sockeye.app;

import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * Writes a connection's {@link OutputBuffer} from an {@link EventLoop} task with non-blocking
 * send(2)s, as a stream socket takes any part of it: what is left waits for POLLOUT. Each call
 * ends the loop task ({@link EventLoop#done}), directly or through {@link #failed}.
 */
abstract class StreamWriter {
    private final Process process;
    private final EventLoop loop;
    private final int fd;
    private final OutputBuffer out;
    /** What the descriptor is watched for while output is left: POLLOUT, and POLLIN too if reading goes on. */
    private final int whilePending;
    private final Resume onSent = this::sent;

    StreamWriter(Process process, EventLoop loop, int fd, OutputBuffer out, int whilePending) {
        this.process = process;
        this.loop = loop;
        this.fd = fd;
        this.out = out;
        this.whilePending = whilePending;
    }

    /** Sends what is buffered (or, with nothing buffered, just ends the task). */
    final void flush() {
        if (out.isEmpty()) {
            loop.modify(fd, Sys.POLLIN);
            loop.done();
            return;
        }
        process.send(fd, out.data(), out.length(), 0, onSent);
    }

    private void sent(long n) {
        if (n < 0 && n != -Errno.EAGAIN.code) {
            failed(n);
            return;
        }
        if (n > 0) {
            out.sent((int) n);
        }
        if (out.isEmpty()) {
            written();
            loop.modify(fd, Sys.POLLIN);
        } else {
            loop.modify(fd, whilePending);
        }
        loop.done();
    }

    /** Everything buffered has been handed to the socket. */
    void written() {
    }

    /** send(2) failed with {@code result}: handle it and end the task. */
    abstract void failed(long result);
}
