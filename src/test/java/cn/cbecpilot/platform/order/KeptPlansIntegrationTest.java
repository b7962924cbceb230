package cn.cbecpilot.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.QueryPlans;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's connections run one plan per statement, made at its first execution, whatever the values bound:
 * left to choose, PostgreSQL planned the order's whole answer again at most calls once its tables grew under load.
 * The statements whose best plan could depend on a value are checked here for the plan they keep.
 */
class KeptPlansIntegrationTest extends IntegrationTestBase {

    @Autowired
    ConnectionFactory connections;

    /** New connections, set up as the pool's are: a pooled one may have run the statement before. */
    private ConnectionFactory unpooled() {
        ConnectionFactory factory = connections;
        while (factory instanceof ConnectionPool pool) {
            factory = pool.unwrap();
        }
        return factory;
    }

    @Test
    void theOrdersWholeAnswerRunsItsKeptPlanFromTheFirstCall() {
        long kept =
                QueryPlans.keptPlans(unpooled(), WholeOrders.WHOLE, 6, i -> new Object[] {"CB2026120600000000" + i});

        // planned for their values, the first five would not count
        assertThat(kept).isEqualTo(6);
    }

    @Test
    void firstExpiryPickingKeepsAPlanThatTakesEachLotsUnitsFromTheInBondIndex() {
        List<String> plan = QueryPlans.generic(connections, UnitCodes.BIND_FIRST_EXPIRING);

        // its LIMIT is a value bound, which a kept plan cannot count on: it must still walk the index, not sort units
        assertThat(plan).anyMatch(l -> l.contains("trace_code_in_bond")).noneMatch(l -> l.contains("Seq Scan"));
        assertThat(QueryPlans.keptPlans(unpooled(), UnitCodes.BIND_FIRST_EXPIRING, 3, i ->
                        new Object[] {"NO-SUCH-SKU", "CB2026120600000000" + i, 1, LocalDate.of(2026, 12, 6), 2}))
                .isEqualTo(3);
    }

    @Test
    void theSweepOfUnpaidOrdersKeepsAPlanThatWalksTheDueIndex() {
        List<String> plan = QueryPlans.generic(connections, ExpiringUnpaidOrders.OLDEST_DUE);

        assertThat(plan).anyMatch(l -> l.contains("customer_order_due")).noneMatch(l -> l.contains("Seq Scan"));
    }
}
