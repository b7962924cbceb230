package cn.cbecpilot.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreScaledToTheLargestValueOneRowEach() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("a", 10L);
        values.put("b", 5L);
        values.put("c", 0L);

        BarChart chart = BarChart.of(values, false);

        assertThat(chart.bars())
                .extracting(BarChart.Bar::length)
                .containsExactly(BarChart.BAR_SPACE, BarChart.BAR_SPACE / 2, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(0, BarChart.ROW, 2 * BarChart.ROW);
        assertThat(chart.viewBox()).isEqualTo("0 0 " + BarChart.WIDTH + " " + 3 * BarChart.ROW);
    }

    @Test
    void aSmallValueNextToALargeOneStillShowsABar() {
        BarChart chart = BarChart.of(Map.of("a", 1000L), false);
        BarChart mixed = BarChart.of(new LinkedHashMap<>(Map.of("big", 100_000L, "small", 1L)), false);

        assertThat(chart.isEmpty()).isFalse();
        assertThat(mixed.bars()).allSatisfy(b -> assertThat(b.length()).isPositive());
    }
}
