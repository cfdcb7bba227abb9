package org.sockeye.os;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockeye.config.CpuSpec;
import org.sockeye.sim.Time;

/** compute(2) is not a system call: it costs its time on the core and nothing in the syscall count. */
class ComputeIsNoSyscallTest {
    @Test
    void computeTakesItsTimeAndCountsNoSystemCall() {
        TestBed bed = TestBed.lone(CpuSpec.linuxX86(1));
        Process p = bed.process("h");
        p.compute(3 * Time.US, bed.record());
        bed.runAll();
        assertEquals(List.of(0L), bed.results);
        assertEquals(0, bed.kernel("h").syscalls());
        assertEquals(3 * Time.US, bed.host("h").machine().busyPs(Time.S));
    }
}
