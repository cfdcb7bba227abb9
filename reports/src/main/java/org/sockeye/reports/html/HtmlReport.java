package org.sockeye.reports.html;

import java.util.List;
import java.util.Map;
import org.sockeye.reports.ImageFormat;
import org.sockeye.reports.Table;

/**
 * Writes {@code index.html}: one self-contained page (inline CSS and script, images by relative
 * path, no network fetches) that opens from the file system. Everything read from the results
 * directory is escaped. A small script records, on load, how many chart images rendered and how
 * many errors occurred, in {@code data-charts-visible} and {@code data-errors} on the body, so a
 * headless browser can check the page.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:sans-serif;margin:1.5em auto;max-width:1260px;padding:0 1em;color:#222;background:#fff}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
            th,td{border:1px solid #ddd;padding:.25em .6em;text-align:right;white-space:nowrap}
            th{background:#f4f4f4}td.text,th.text{text-align:left}
            .scroll{overflow-x:auto}
            figure{margin:1em 0 2em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.9em;color:#555}pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:.85em}
            .note{color:#8a5a00}
            """;

    /** Counts errors from the first moment, so errors in the page itself are counted too. */
    private static final String ERROR_COUNTER = """
            window.sockeyeErrors=0;window.addEventListener('error',function(){window.sockeyeErrors++;},true);
            """;

    /** Runs after every image has loaded or failed. */
    private static final String LOAD_CHECK = """
            window.addEventListener('load',function(){var n=0;
            document.querySelectorAll('img.chart').forEach(function(i){if(i.complete&&i.naturalWidth>0&&i.naturalHeight>0){n++;}});
            document.body.dataset.chartsVisible=String(n);document.body.dataset.errors=String(window.sockeyeErrors);});
            """;

    /** A relative path to another page of the results (never a URL: pages stay offline). */
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("[A-Za-z0-9_./-]+\\.html");

    private final StringBuilder out = new StringBuilder(16 * 1024);

    private HtmlReport() {
    }

    /**
     * The general page: facts, tables under their headings, charts, and a source text (an
     * experiment or sweep file). A cell holding a relative {@code .html} path becomes a link.
     */
    public static String render(String title, Map<String, Object> facts, Map<String, Table> tables,
                                List<ChartEntry> charts, List<String> notes, String sourceHeading, String source) {
        HtmlReport h = new HtmlReport();
        h.page(title, facts, tables, charts, notes, sourceHeading, source);
        return h.out.toString();
    }

    private void page(String title, Map<String, Object> runFacts, Map<String, Table> tables,
                      List<ChartEntry> charts, List<String> notes, String sourceHeading, String source) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Sockeye report: ").append(Html.escape(title)).append("</title>\n")
                .append("<script>").append(ERROR_COUNTER).append("</script>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body data-charts-visible=\"0\" data-errors=\"0\" data-charts-total=\"")
                .append(charts.size()).append("\">\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        if (!runFacts.isEmpty()) {
            section("run", "Run");
            out.append("<table>\n");
            for (Map.Entry<String, Object> e : runFacts.entrySet()) {
                out.append("<tr><th class=\"text\">").append(Html.escape(e.getKey())).append("</th><td class=\"text\">")
                        .append(Html.escape(fact(e.getKey(), e.getValue()))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            section(t.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), Html.escape(t.getKey()));
            table(t.getValue());
        }
        section("charts", "Charts");
        for (String n : notes) {
            out.append("<p class=\"note\">").append(Html.escape(n)).append("</p>\n");
        }
        if (charts.isEmpty()) {
            out.append("<p>No time series to chart.</p>\n");
        }
        for (ChartEntry c : charts) {
            out.append("<figure id=\"").append(Html.escape(c.name())).append("\">\n<img class=\"chart\" src=\"")
                    .append(Html.escape(c.displayFile())).append("\" alt=\"").append(Html.escape(c.title()))
                    .append("\">\n<figcaption>").append(Html.escape(c.title()));
            for (ImageFormat f : c.formats()) {
                out.append(" · <a href=\"").append(Html.escape(c.file(f))).append("\">")
                        .append(f.extension().toUpperCase(java.util.Locale.ROOT)).append("</a>");
            }
            out.append("</figcaption>\n</figure>\n");
        }
        if (source != null) {
            section("source", Html.escape(sourceHeading));
            out.append("<pre>").append(Html.escape(source)).append("</pre>\n");
        }
        out.append("<script>").append(LOAD_CHECK).append("</script>\n</body>\n</html>\n");
    }

    private void section(String id, String heading) {
        out.append("<h2 id=\"").append(id).append("\">").append(heading).append("</h2>\n");
    }

    private void table(Table t) {
        out.append("<div class=\"scroll\"><table>\n<tr>");
        boolean[] numeric = numericColumns(t);
        for (int i = 0; i < t.columns().size(); i++) {
            out.append(numeric[i] ? "<th>" : "<th class=\"text\">").append(Html.escape(t.columns().get(i)))
                    .append("</th>");
        }
        out.append("</tr>\n");
        for (List<Object> row : t.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String raw = row.get(i) == null ? "" : row.get(i).toString();
                out.append(numeric[i] ? "<td>" : "<td class=\"text\">");
                if (LINK.matcher(raw).matches()) {
                    out.append("<a href=\"").append(Html.escape(raw)).append("\">").append(Html.escape(raw)).append("</a>");
                } else {
                    out.append(Html.escape(Humanize.cell(t.columns().get(i), raw)));
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n");
    }

    /** A column is numeric (right-aligned) when every non-blank cell parses as a number. */
    private static boolean[] numericColumns(Table t) {
        boolean[] numeric = new boolean[t.columns().size()];
        java.util.Arrays.fill(numeric, true);
        for (List<Object> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v == null || v instanceof Number || v.toString().isBlank()) {
                    continue;
                }
                try {
                    Double.parseDouble(v.toString().trim());
                } catch (NumberFormatException e) {
                    numeric[i] = false;
                }
            }
        }
        return numeric;
    }

    private static String fact(String key, Object v) {
        if (v instanceof Number n) {
            return Humanize.cell(key, n.toString());
        }
        return v == null ? "" : v.toString();
    }
}
