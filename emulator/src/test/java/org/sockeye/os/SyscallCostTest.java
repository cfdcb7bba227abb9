package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sockeye.os.Sys.AF_INET;
import static org.sockeye.os.Sys.AF_UNIX;
import static org.sockeye.os.Sys.SOCK_DGRAM;
import static org.sockeye.os.Sys.SOCK_STREAM;

import org.junit.jupiter.api.Test;
import org.sockeye.config.CpuSpec;
import org.sockeye.sim.Time;

/** What system calls cost on a machine's cores (CpuSpec), charged where the Linux path does the work. */
class SyscallCostTest {
    private static final CpuSpec CPU = CpuSpec.linuxX86(1);

    @Test
    void aUdpSendtoReturnsAfterEntryCopyAndTheStackWorkItCaused() {
        TestBed bed = TestBed.machines(CPU);
        Process p = bed.process("a");
        int fd = p.socket(AF_INET, SOCK_DGRAM);
        long[] took = new long[1];
        p.sleep(Time.MS, x -> {
            long start = p.now();
            p.sendto(fd, 1000, 0, bed.at("b", 9), n -> took[0] = p.now() - start);
        });
        bed.runFor(Time.S);
        // socket() was owed from before the sleep; the sendto: entry, copy, then UDP + IP + qdisc + driver.
        assertEquals(CPU.syscallPs() + CPU.copyPs(1000) + CPU.txPacketPs(false, false), took[0]);
        assertEquals(3, bed.kernel("a").syscalls(), "socket, nanosleep, sendto");
    }

    @Test
    void aBlockingReceiveThatWaitsCostsAContextSwitchWhenWoken() {
        TestBed bed = TestBed.lone(CPU);
        Process reader = bed.process("h");
        Process writer = bed.process("h");
        int rx = reader.socket(AF_UNIX, SOCK_DGRAM);
        reader.bind(rx, SockAddr.unix("/run/c"));
        long[] at = new long[1];
        reader.recv(rx, 100, 0, n -> at[0] = reader.now());
        int tx = writer.socket(AF_UNIX, SOCK_DGRAM);
        long[] sentAt = new long[1];
        writer.sleep(Time.MS, x -> writer.sendto(tx, 100, 0, SockAddr.unix("/run/c"), n -> sentAt[0] = writer.now()));
        bed.runFor(Time.S);
        assertEquals(2, bed.kernel("h").contextSwitches(), "the writer's sleep and the reader's wait: two wake-ups");
        // The woken reader runs after the writer's call on the one core: switch in, copy out, unix receive.
        long expected = sentAt[0] + CPU.contextSwitchPs() + CPU.copyPs(100) + CPU.unixRecvPs();
        assertEquals(expected, at[0]);
    }

    @Test
    void zeroCopySendsSkipTheCopy() {
        TestBed bed = TestBed.lone(CPU);
        Process p = bed.process("h");
        int[] sv = new int[2];
        p.socketpair(AF_UNIX, SOCK_STREAM, sv);
        long[] copied = new long[2];
        p.sleep(Time.MS, x -> {
            long t0 = p.now();
            p.send(sv[0], 10_000, 0, a -> {
                copied[0] = p.now() - t0;
                long t1 = p.now();
                p.send(sv[0], 10_000, Sys.MSG_ZEROCOPY, b -> copied[1] = p.now() - t1);
            });
        });
        bed.runFor(Time.S);
        assertEquals(CPU.syscallPs() + CPU.unixSendPs() + CPU.copyPs(10_000), copied[0]);
        assertEquals(CPU.syscallPs() + CPU.unixSendPs(), copied[1], "MSG_ZEROCOPY pins pages instead of copying");
    }
}
