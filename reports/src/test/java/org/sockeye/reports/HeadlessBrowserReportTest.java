package org.sockeye.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a rendered report in headless Chromium, as a reader would: every chart image must load and
 * the page must raise no error. Chromium is required (CI installs it); without it this test fails.
 */
class HeadlessBrowserReportTest {
    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Pattern VISIBLE = Pattern.compile("<body[^>]*\\bdata-charts-visible=\"(\\d+)\"");
    private static final Pattern ERRORS = Pattern.compile("<body[^>]*\\bdata-errors=\"(\\d+)\"");

    @TempDir
    Path tmp;

    @Test
    void everyChartLoadsWithoutErrorsAndThePageIsNotBlank() throws Exception {
        String chromium = findChromium();
        Path dir = SyntheticResults.write(tmp.resolve("results"), 3);
        ReportResult report = ResultsReport.render(dir, ReportOptions.defaults());
        assertTrue(report.charts().size() >= 10, "the synthetic run supports at least 10 charts");

        String dom = run(chromium, "--dump-dom", report.index().toUri().toString());
        assertEquals(String.valueOf(report.charts().size()), attribute(VISIBLE, dom), "charts visible");
        assertEquals("0", attribute(ERRORS, dom), "window errors");

        Path shot = tmp.resolve("screenshot.png");
        run(chromium, "--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars",
                report.index().toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertTrue(img != null && img.getWidth() > 100, "a PNG screenshot was written");
        assertTrue(distinctColours(img) > 16, "screenshot is not blank");
    }

    @Test
    void aMissingChartFileIsCaught() throws Exception {
        String chromium = findChromium();
        Path dir = SyntheticResults.write(tmp.resolve("results"), 1);
        ReportResult report = ResultsReport.render(dir, ReportOptions.builder().charts("cwnd,goodput").build());
        Files.delete(dir.resolve("charts").resolve(report.charts().get(0).name() + ".svg"));
        String dom = run(chromium, "--dump-dom", report.index().toUri().toString());
        // The check itself must be able to fail: one image gone, one fewer visible.
        assertEquals(String.valueOf(report.charts().size() - 1), attribute(VISIBLE, dom));
    }

    private static String findChromium() {
        String override = System.getenv("SOCKEYE_CHROMIUM");
        if (override != null && new File(override).canExecute()) {
            return override;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : CANDIDATES) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        fail("Headless Chromium is needed for the report browser test: install it with "
                + "'apt-get install -y chromium' (Debian), or set SOCKEYE_CHROMIUM to its path.");
        return null;
    }

    /** Runs headless Chromium on a throwaway profile, with nothing that reaches a network. */
    private String run(String chromium, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Path err = Files.createTempFile(tmp, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            fail("chromium exited with " + p.exitValue() + ": " + tail(Files.readString(err)));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String attribute(Pattern p, String dom) {
        Matcher m = p.matcher(dom);
        if (!m.find()) {
            fail("no such attribute on <body> in the dumped DOM: " + tail(dom));
        }
        return m.group(1);
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
                if (colours.size() > 1000) {
                    return colours.size();
                }
            }
        }
        return colours.size();
    }

    private static String tail(String s) {
        return s.length() <= 600 ? s : "..." + s.substring(s.length() - 600);
    }
}
