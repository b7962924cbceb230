package cn.cbecpilot.platform.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out for an inline SVG: one row per entry, bar lengths scaled to the largest value. The
 * template draws it; no script or chart library is involved.
 *
 * @param labelsAreKeys whether labels are message keys (states) or shown as they are (days)
 */
record BarChart(List<Bar> bars, boolean labelsAreKeys, int width, int height) {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 200;
    static final int BAR_SPACE = 380;
    static final int ROW = 26;

    BarChart {
        bars = List.copyOf(bars);
    }

    /** One row: the label, the value, and where its bar sits. */
    record Bar(String label, long value, int y, int length) {

        public int textY() {
            return y + 17;
        }

        public int barY() {
            return y + 5;
        }

        public int valueX() {
            return LABEL_WIDTH + length + 6;
        }
    }

    static BarChart of(Map<String, Long> values, boolean labelsAreKeys) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int length = max == 0 ? 0 : (int) Math.round((double) BAR_SPACE * e.getValue() / max);
            bars.add(new Bar(e.getKey(), e.getValue(), y, Math.max(length, e.getValue() > 0 ? 2 : 0)));
            y += ROW;
        }
        return new BarChart(bars, labelsAreKeys, WIDTH, Math.max(ROW, y));
    }

    public boolean isEmpty() {
        return bars.stream().allMatch(b -> b.value() == 0);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public int barX() {
        return LABEL_WIDTH;
    }
}
