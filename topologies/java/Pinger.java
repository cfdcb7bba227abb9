import org.sockeye.app.EventLoop;
import org.sockeye.app.UserApplication;
import org.sockeye.app.UserContext;
import org.sockeye.os.Process;
import org.sockeye.os.Resume;
import org.sockeye.os.SockAddr;
import org.sockeye.os.Sys;
import org.sockeye.protocols.Errno;

/**
 * A user-written application, run by pinger.yaml: with {@code role: server} it echoes
 * whatever each connection sends (one process, an epoll loop); with
 * {@code role: client} it connects to {@code to}, then {@code count} times sends {@code size}
 * bytes and waits for all of them to come back, recording each round trip as an operation.
 *
 * <p>Each call that may wait takes a continuation (a {@link Resume}, called with the result:
 * a count, or a negated errno), so the code reads as a chain of "then"s.
 */
public final class Pinger implements UserApplication {
    private UserContext ctx;

    @Override
    public void start(UserContext context) {
        ctx = context;
        if (ctx.arg("role", "client").equals("server")) {
            serve();
        } else {
            ping();
        }
    }

    // ------------------------------------------------------------------ server

    /** One process, one epoll loop over non-blocking sockets: the shape of most servers. */
    private void serve() {
        Process p = ctx.spawn();
        EventLoop loop = new EventLoop(p, EventLoop.Mechanism.EPOLL);
        int listener = p.socket(Sys.AF_INET, Sys.SOCK_STREAM | Sys.SOCK_NONBLOCK);
        p.bind(listener, SockAddr.inet(0, (int) ctx.intArg("port", 7)));
        p.listen(listener, 128);
        loop.watch(listener, Sys.POLLIN, (fd, events) -> p.accept(listener, conn -> {
            if (conn >= 0) {
                p.fcntl((int) conn, Sys.F_SETFL, Sys.O_NONBLOCK);
                loop.watch((int) conn, Sys.POLLIN, (c, e) -> echo(loop, p, c));
            }
            loop.done(); // the handler's work is over: the loop goes on
        }));
        loop.start();
    }

    private void echo(EventLoop loop, Process p, int fd) {
        p.recv(fd, 65_536, 0, n -> {
            if (n > 0) {
                p.send(fd, (int) n, 0, sent -> loop.done()); // small messages: the buffer takes them whole
                return;
            }
            if (n != -Errno.EAGAIN.code) { // end of stream, or an error: done with this connection
                loop.unwatch(fd);
                p.close(fd);
            }
            loop.done();
        });
    }

    // ------------------------------------------------------------------ client

    private void ping() {
        Process p = ctx.spawn();
        int fd = p.socket(Sys.AF_INET, Sys.SOCK_STREAM);
        p.setsockopt(fd, Sys.IPPROTO_TCP, Sys.TCP_NODELAY, 1);
        long count = ctx.intArg("count", 10);
        int size = (int) ctx.sizeArg("size", "100B");
        p.connect(fd, ctx.address(ctx.arg("to", "server:7")), r -> {
            if (r < 0) {
                ctx.stats().error(r);
                return;
            }
            ctx.stats().connectionOpened();
            round(p, fd, size, count);
        });
    }

    private void round(Process p, int fd, int size, long left) {
        if (left == 0) {
            p.close(fd);
            return;
        }
        long start = p.now();
        p.send(fd, size, 0, sent -> awaitEcho(p, fd, size, size, start, left));
    }

    private void awaitEcho(Process p, int fd, int size, long missing, long start, long left) {
        p.recv(fd, (int) missing, 0, n -> {
            if (n <= 0) {
                ctx.stats().error(n == 0 ? -Errno.ECONNRESET.code : n);
                return;
            }
            if (n < missing) {
                awaitEcho(p, fd, size, missing - n, start, left);
                return;
            }
            ctx.stats().operation(p.now() - start, size, p.now());
            round(p, fd, size, left - 1);
        });
    }
}
