package cn.cbecpilot.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The single window answering every delivery late, though within the platform's call timeout, and pushing its receipts
 * before its answer arrives: orders declared through the API while a round waits on it are all released, each request
 * reaches the single window exactly once, and the stock and quota held are exactly the orders'.
 */
class SlowSingleWindowIntegrationTest extends FaultsIntegrationTestBase {

    private static final int ORDERS = 3;
    private static final Duration ANSWER_DELAY = Duration.ofMillis(2500);

    @Test
    void releasesEveryOrderDeclaredWhileAnswersAreSlowWithEachRequestReceivedOnceAndNoStockOrQuotaLeaked() {
        assertThat(ANSWER_DELAY).as("the single window's delay").isLessThan(CALL_TIMEOUT);
        Stock before = stock();
        singleWindow().slow(ANSWER_DELAY);
        List<String> orders = new ArrayList<>(List.of(declaredOrder()));
        setAsideUnsentExceptOf(orders);

        long started = System.nanoTime();
        CompletableFuture<Long> waitingOnTheSingleWindow = dispatchStarted();
        while (orders.size() < ORDERS) {
            orders.add(declaredOrder());
        }
        assertThat(waitingOnTheSingleWindow.join())
                .as("requests the first round delivered")
                .isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the first round, answered late")
                .isGreaterThanOrEqualTo(ANSWER_DELAY);

        sendOutboxOf(orders, Duration.ofSeconds(30));
        awaitReleased(orders);

        assertThat(singleWindow().receivedByGuid())
                .as("times the single window received each request")
                .isEqualTo(eachRequestOnce(orders));
        assertThat(stock()).isEqualTo(before.plusReserved(ORDERS));
        assertThat(quotaBeyondOrders(orders)).isEqualTo(nothingBeyond(orders));
    }
}
