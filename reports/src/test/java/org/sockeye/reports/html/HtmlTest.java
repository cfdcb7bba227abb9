package org.sockeye.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sockeye.reports.ImageFormat;
import org.sockeye.reports.Table;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp;amp;",
                Html.escape("<img src=\"x\" onerror='a'> &amp;"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void humanisesByColumnName() {
        assertEquals("9.87 Mbit/s", Humanize.cell("throughput_bps", "9870000"));
        assertEquals("1.5 KiB", Humanize.cell("bytes", "1536"));
        assertEquals("512 B", Humanize.cell("drop_bytes", "512"));
        assertEquals("114 MiB", Humanize.cell("bytes_sent", "120000000"));
        assertEquals("21.3 ms", Humanize.cell("delay_mean_s", "0.0213"));
        assertEquals("45 µs", Humanize.cell("jitter_s", "4.5e-5"));
        assertEquals("0.14 %", Humanize.cell("loss_rate", "0.0014"));
        assertEquals("1,234,567", Humanize.cell("events", "1234567"));
        assertEquals("r1", Humanize.cell("from", "r1"));
        assertEquals("", Humanize.cell("bytes", ""));
        assertEquals("987,654", Humanize.cell("events_per_s", "987654.3"));
        assertEquals("0.1235", Humanize.cell("ratio", "0.123456"));
    }

    @Test
    void pageEscapesEverythingFromFilesAndListsEveryChart() {
        Table flows = new Table("flow", "bytes");
        flows.addRow("<b>f1</b>", "2048");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("experiment", "x</title><script>alert(1)</script>");
        facts.put("simulated_s", 10.0);
        List<ChartEntry> charts = List.of(new ChartEntry("cwnd-f1", "Congestion window: <f1>",
                List.of(ImageFormat.PNG, ImageFormat.SVG)), new ChartEntry("goodput", "Goodput",
                List.of(ImageFormat.PNG)));
        String html = HtmlReport.render("t<1>", facts, Map.of("Flows", flows), charts, List.of("note & more"),
                "Experiment", "a: <b>");
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;b&gt;f1&lt;/b&gt;"));
        assertTrue(html.contains("<td>2 KiB</td>"));
        assertTrue(html.contains("<td class=\"text\">10 s</td>"));
        assertTrue(html.contains("<pre>a: &lt;b&gt;</pre>"));
        assertTrue(html.contains("note &amp; more"));
        assertTrue(html.contains("<img class=\"chart\" src=\"charts/cwnd-f1.svg\""));
        assertTrue(html.contains("<img class=\"chart\" src=\"charts/goodput.png\""));
        assertTrue(html.contains("data-charts-total=\"2\""));
        assertEquals(2, html.split("<img class=\"chart\"", -1).length - 1);
    }
}
