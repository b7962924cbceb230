package cn.cbecpilot.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Several orders declared through the API while the single window answers every delivery with 503, long enough for
 * the transport's circuit to open, then the single window back: the requests wait in the outbox, each reaches the
 * single window exactly once, every order is released, and the stock and quota held are exactly the orders'.
 */
class SingleWindowDownAndBackIntegrationTest extends FaultsIntegrationTestBase {

    private static final int ORDERS = 3;

    @Test
    void releasesEveryOrderDeclaredDuringAnOutageWithEachRequestReceivedOnceAndNoStockOrQuotaLeaked() {
        Stock before = stock();
        singleWindow().down();
        List<String> orders =
                IntStream.range(0, ORDERS).mapToObj(i -> declaredOrder()).toList();
        setAsideUnsentExceptOf(orders);

        dispatchOnce();
        assertThat(singleWindow().refused()).as("deliveries tried while down").isPositive();
        assertThat(unsentRequestsOf(orders))
                .as("requests kept for later")
                .isEqualTo(eachRequestOnce(orders).size());

        singleWindow().up();
        // an open circuit lets trial calls through only after its wait (30 s)
        sendOutboxOf(orders, Duration.ofSeconds(60));
        awaitReleased(orders);

        assertThat(singleWindow().receivedByGuid())
                .as("times the single window received each request")
                .isEqualTo(eachRequestOnce(orders));
        assertThat(stock()).isEqualTo(before.plusReserved(ORDERS));
        assertThat(quotaBeyondOrders(orders)).isEqualTo(nothingBeyond(orders));
    }
}
