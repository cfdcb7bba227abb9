package org.sockeye.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportOptionsTest {
    @Test
    void parsesTimesWithUnits() {
        assertEquals(1.5, ReportOptions.parseSeconds("1.5"));
        assertEquals(1.0, ReportOptions.parseSeconds("1s"));
        assertEquals(0.25, ReportOptions.parseSeconds("250ms"), 1e-15);
        assertEquals(4e-5, ReportOptions.parseSeconds("40us"), 1e-18);
        assertEquals(120, ReportOptions.parseSeconds("2min"));
        assertThrows(IllegalArgumentException.class, () -> ReportOptions.parseSeconds("soon"));
    }

    @Test
    void defaultsDrawEverythingInBothFormats() {
        ReportOptions o = ReportOptions.defaults();
        for (ChartKind k : ChartKind.values()) {
            assertTrue(o.wants(k), k.toString());
        }
        assertEquals(Set.of(ImageFormat.PNG, ImageFormat.SVG), o.formats());
        assertFalse(o.hasWindow());
        assertEquals(1200, o.width());
        assertEquals(700, o.height());
    }

    @Test
    void builtFromCommandLineStrings() {
        ReportOptions o = ReportOptions.builder().series("cwnd, queue").flows("f1,f2").window("1s", "5s")
                .formats("svg").build();
        assertTrue(o.wants(ChartKind.CWND));
        assertTrue(o.wants(ChartKind.QUEUE));
        assertFalse(o.wants(ChartKind.GOODPUT));
        assertFalse(o.wants(ChartKind.TIME_SEQUENCE));
        // The cwnd chart draws ssthresh and loss events too, so they are read.
        assertTrue(o.needsSeries("ssthresh"));
        assertTrue(o.needsSeries("retransmit"));
        assertTrue(o.needsSeries("drops"));
        assertFalse(o.needsSeries("goodput"));
        assertEquals(1.0, o.from());
        assertEquals(5.0, o.to());
        assertEquals(Set.of(ImageFormat.SVG), o.formats());
    }

    @Test
    void subjectFiltersKnowFlowsFromLinks() {
        ReportOptions o = ReportOptions.builder().subjects(List.of("f1", "access:h1->r1")).links("bottleneck")
                .build();
        assertTrue(o.acceptsSubject("f1", Set.of()));
        assertTrue(o.acceptsSubject("bulk1", Set.of("f1")), "an application name matches its flow");
        assertFalse(o.acceptsSubject("f2", Set.of("bulk2")));
        assertTrue(o.acceptsSubject("access:h1->r1", Set.of()));
        assertTrue(o.acceptsSubject("bottleneck:r2->r1", Set.of()), "a link name matches both directions");
        assertFalse(o.acceptsSubject("access:r1->h1", Set.of()));
        // Only flows filtered: every link still passes.
        assertTrue(ReportOptions.builder().flows("f1").build().acceptsSubject("x:a->b", Set.of()));
    }

    @Test
    void rejectsNonsenseWithReadableMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportOptions.builder().charts("cwnd,pie"));
        assertTrue(e.getMessage().contains("pie") && e.getMessage().contains("tseq"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().window("5s", "1s"));
        assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().formats("gif"));
        assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().maxFlowsPerChart(0));
        assertEquals(ChartKind.TIME_SEQUENCE, ChartKind.parse("time-sequence"));
    }

    @Test
    void openEndedWindow() {
        ReportOptions o = ReportOptions.builder().window("2s", null).build();
        assertEquals(2.0, o.from());
        assertEquals(Double.POSITIVE_INFINITY, o.to());
        assertTrue(o.hasWindow());
    }
}
