package org.sockeye.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * One image file: either a single chart, or a grid of small-multiple panels under a common title.
 * Writes PNG and SVG; both are deterministic (no timestamps, fixed SVG definition ids).
 */
public final class Figure {
    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 700;
    /** Below this a panel's tick labels start to collide. */
    private static final int MIN_PANEL_HEIGHT = 260;
    private static final int GRID_TITLE_HEIGHT = 44;

    private final String name;
    private final String title;
    private final List<JFreeChart> panels;
    private final int columns;

    private Figure(String name, String title, List<JFreeChart> panels, int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one chart");
        }
        this.name = name;
        this.title = title;
        this.panels = List.copyOf(panels);
        this.columns = columns;
    }

    public static Figure single(String name, JFreeChart chart) {
        return new Figure(name, chart.getTitle() == null ? name : chart.getTitle().getText(),
                List.of(chart), 1);
    }

    /** Small multiples: panels in a grid of up to {@code maxColumns} columns. */
    public static Figure grid(String name, String title, List<JFreeChart> panels, int maxColumns) {
        if (panels.size() == 1) {
            return single(name, panels.get(0));
        }
        int cols = Math.max(1, Math.min(maxColumns, panels.size()));
        return new Figure(name, title, panels, cols);
    }

    /** File base name, without extension; safe for file systems and URLs. */
    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public List<JFreeChart> panels() {
        return panels;
    }

    public boolean isGrid() {
        return panels.size() > 1;
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** Default height: grids grow so each panel stays legible. */
    public int defaultHeight() {
        if (!isGrid()) {
            return DEFAULT_HEIGHT;
        }
        return Math.max(DEFAULT_HEIGHT, GRID_TITLE_HEIGHT + rows() * MIN_PANEL_HEIGHT);
    }

    public void draw(Graphics2D g2, int width, int height) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, width, height));
        if (!isGrid()) {
            panels.get(0).draw(g2, new Rectangle2D.Double(0, 0, width, height));
            return;
        }
        Font font = ChartStyle.TITLE_FONT;
        g2.setFont(font);
        g2.setPaint(Color.BLACK);
        FontMetrics fm = g2.getFontMetrics();
        g2.drawString(title, (float) (width - fm.stringWidth(title)) / 2f, 30f);
        double cellW = (double) width / columns;
        double cellH = (double) (height - GRID_TITLE_HEIGHT) / rows();
        for (int i = 0; i < panels.size(); i++) {
            int r = i / columns;
            int c = i % columns;
            panels.get(i).draw(g2, new Rectangle2D.Double(c * cellW, GRID_TITLE_HEIGHT + r * cellH, cellW, cellH));
        }
    }

    public BufferedImage toImage(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        try {
            draw(g2, width, height);
        } finally {
            g2.dispose();
        }
        return img;
    }

    public void writePng(Path file, int width, int height) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(toImage(width, height), "png", out)) {
                throw new IOException("no PNG writer available");
            }
        }
    }

    /** A standalone SVG document with width/height attributes (browsers size {@code <img>} from them). */
    public String toSvg(int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // The default prefix is time-based; a fixed one keeps the bytes identical run to run.
        g2.setDefsKeyPrefix("sockeye-" + name + "-");
        // Hundredths of a pixel are finer than any screen; shorter numbers make much smaller files.
        g2.setGeomDoubleConverter(Figure::svgNumber);
        g2.setTransformDoubleConverter(Figure::svgNumber);
        draw(g2, width, height);
        // The element alone, not getSVGDocument(): that adds a DOCTYPE naming a DTD on the web,
        // and the report must not point anywhere off the machine.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
    }

    /** A coordinate rounded to 0.01, without trailing zeros, locale-independent. */
    static String svgNumber(double d) {
        if (!Double.isFinite(d)) {
            return "0";
        }
        long hundredths = Math.round(d * 100);
        long whole = hundredths / 100;
        long frac = Math.abs(hundredths % 100);
        String sign = hundredths < 0 && whole == 0 ? "-" : "";
        if (frac == 0) {
            return sign + whole;
        }
        String f = frac < 10 ? "0" + frac : Long.toString(frac);
        if (f.endsWith("0")) {
            f = f.substring(0, 1);
        }
        return sign + whole + "." + f;
    }

    public void writeSvg(Path file, int width, int height) throws IOException {
        Files.writeString(file, toSvg(width, height), StandardCharsets.UTF_8);
    }
}
