package org.sockeye.reports.html;

import java.util.List;
import org.sockeye.reports.ImageFormat;

/** A chart that was written: its file base name under {@code charts/}, a caption, and its formats. */
public record ChartEntry(String name, String title, List<ImageFormat> formats) {
    public ChartEntry {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a chart entry needs at least one file");
        }
        formats = List.copyOf(formats);
    }

    /** The file the page shows: SVG when there is one (sharp at any zoom), else PNG. */
    public String displayFile() {
        ImageFormat f = formats.contains(ImageFormat.SVG) ? ImageFormat.SVG : formats.get(0);
        return file(f);
    }

    public String file(ImageFormat f) {
        return "charts/" + name + "." + f.extension();
    }
}
