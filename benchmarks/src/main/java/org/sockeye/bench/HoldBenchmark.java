package org.sockeye.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sockeye.sim.Event;
import org.sockeye.sim.Scheduler;
import org.sockeye.sim.Time;

/**
 * The classic "hold model" for event-set benchmarks: the queue holds a steady population of N
 * pending events, and each operation removes the earliest one and schedules it again at
 * {@code now + increment}, so the population stays at N while simulated time advances.
 *
 * <p>Increments are exponential (mean 1 us) and are drawn once, in setup, into a primitive array
 * that the benchmark walks cyclically: the RNG is not what we measure, and the walk costs one
 * array load per operation. The popped event object is rescheduled itself, so an operation
 * allocates nothing (check with {@code -prof gc}). Setup runs 2N hold operations first so that
 * measurement starts from the steady state, not from the pre-fill.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Hold -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC") // as scripts/sockeye runs the simulator
public class HoldBenchmark {

    /** Steady-state number of pending events. */
    @Param({"1000", "100000", "1000000"})
    public int pending;

    /**
     * The increments' distribution: {@code exp}, the hold model's exponential (mean 1 us), is what
     * the main figures in BENCHMARKS.md are. The others are the calendar queue's worst cases, run
     * with e.g. {@code -p dist=outliers}: {@code outliers}, exponential, plus one event per 1 000
     * pending that waits an hour away (far timers, a stop event: they stretch the calendar);
     * {@code instants}, exactly 1, 2 or 3 us (the events sit on few instants, thousands per
     * bucket); {@code zero}, every event at one instant.
     */
    @Param({"exp"})
    public String dist;

    /** Power of two, so the cyclic walk is a mask; large enough that the cycle is not learnt. */
    private static final int INCREMENTS = 1 << 20;
    private static final long MEAN_INCREMENT = Time.US;

    private Scheduler scheduler;
    private Event[] events;
    private long[] increments;
    private int[] picks;
    private int cursor;

    /** Does nothing: the benchmark drives the queue itself via pollFirst, never run(). */
    private static final class Nop extends Event {
        @Override
        public void run() {
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        increments = new long[INCREMENTS];
        picks = new int[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            // Inverse-CDF exponential; +1 keeps every increment positive.
            long exp = 1 + (long) (-Math.log(1.0 - rng.nextDouble()) * MEAN_INCREMENT);
            picks[i] = rng.nextInt(pending);
            switch (dist) {
                case "exp":
                case "outliers":
                    increments[i] = exp;
                    break;
                case "instants":
                    increments[i] = (1 + rng.nextInt(3)) * Time.US;
                    break;
                case "zero":
                    increments[i] = 0;
                    break;
                default:
                    throw new IllegalArgumentException("dist: " + dist);
            }
        }
        scheduler = new Scheduler();
        events = new Event[pending];
        for (int i = 0; i < pending; i++) {
            events[i] = new Nop();
            scheduler.schedule(events[i], increments[i & (INCREMENTS - 1)]);
        }
        if (dist.equals("outliers")) { // never due within a run: nothing pops them
            for (int i = 0; i < Math.max(1, pending / 1000); i++) {
                scheduler.schedule(new Nop(), 3600 * Time.S + i);
            }
        }
        cursor = 0;
        // Reach steady state before measuring: the pending times take the hold model's shape
        // and the scheduler's internal structure (calendar, bucket arrays) is built.
        for (int i = 0; i < 2 * pending; i++) {
            hold();
        }
    }

    /** One hold operation: pop the earliest event, schedule it again a random time later. */
    @Benchmark
    public long hold() {
        Scheduler s = scheduler;
        Event e = s.pollFirst();
        s.schedule(e, s.now() + increments[cursor++ & (INCREMENTS - 1)]);
        return s.now();
    }

    /**
     * The TCP timer pattern: a pending event (a retransmission timer) is pushed later, as on every
     * ACK. A random pending event is moved to its current time plus a random increment, which
     * sifts it towards the leaves. Only meaningful at 100k pending; run with
     * {@code -p pending=100000}.
     */
    @Benchmark
    public long rearm() {
        int k = cursor++ & (INCREMENTS - 1);
        Event e = events[picks[k]];
        scheduler.schedule(e, e.time() + increments[k]);
        return e.time();
    }
}
