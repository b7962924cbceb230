package cn.cbecpilot.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStatisticsTest {

    @Test
    void buyersFallInTheBandOfTheShareOfTheAnnualLimitTheyUsed() {
        var bands = OrderStatistics.bands(List.of(
                new BigDecimal("100.00"),
                new BigDecimal("6500.00"),
                new BigDecimal("6500.01"),
                new BigDecimal("20000.00"),
                new BigDecimal("26000.00")));

        assertThat(bands)
                .containsExactly(
                        java.util.Map.entry(25, 2L),
                        java.util.Map.entry(50, 1L),
                        java.util.Map.entry(75, 0L),
                        java.util.Map.entry(100, 2L));
    }
}
