package org.sockeye.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's floor for the hold model: the time of one dependent access to a random object
 * among N objects the size of a scheduled event (a pointer chase through a random cycle). A hold
 * operation must touch at least the popped event and the bucket its successor goes to, so at N
 * pending events it cannot be cheaper than about two of these plus its instructions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class MemoryLatencyBenchmark {
    /** Shaped like a scheduled event: a reference, two longs and two ints. */
    static final class Node {
        Node next;
        long time;
        long seq;
        int place;
        int index;
    }

    @Param({"1000", "100000", "1000000"})
    int objects;

    private Node cursor;

    @Setup
    public void setUp() {
        List<Node> nodes = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            nodes.add(new Node());
        }
        Collections.shuffle(nodes, new Random(1));
        for (int i = 0; i < objects; i++) {
            nodes.get(i).next = nodes.get((i + 1) % objects);
        }
        cursor = nodes.get(0);
    }

    @Benchmark
    public Node dependentRandomAccess() {
        Node n = cursor.next;
        cursor = n;
        return n;
    }
}
