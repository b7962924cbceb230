package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The outbox reaches the single window: requests are rendered from the order, signed where customs requires it,
 * stored, delivered once to the embedded simulator, whose receipts come back through the push endpoint.
 */
class OutboxDispatchIntegrationTest extends IntegrationTestBase {

    @Autowired
    private CustomsOutbox outbox;

    @Autowired
    private OutboxDispatcher dispatcher;

    @Test
    void sendsAnOrdersDeclarationSignedAndTakesTheSimulatorsReceiptsBack() {
        String orderNo = placeOrder("DRG-LOR-10");
        String orderGuid = outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, orderNo, "CEB311", '1')
                .toFuture()
                .join();
        String inventoryGuid = outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, orderNo, "CEB621", '1')
                .toFuture()
                .join();

        setAsideUnsentExceptOf(orderNo);
        dispatcher.dispatchDue().toFuture().join();

        assertThat(count("select count(*) from customs_outbox where subject_no = '" + orderNo
                        + "' and sent_at is not null and attempts = 1"))
                .isEqualTo(2);
        List<Map<String, Object>> messages = messagesOf(orderNo);
        assertThat(messages)
                .filteredOn(m -> "OUT".equals(m.get("direction")))
                .extracting(m -> m.get("guid"))
                .containsExactlyInAnyOrder(orderGuid, inventoryGuid);
        assertThat(messages)
                .filteredOn(m -> inventoryGuid.equals(m.get("guid")))
                .singleElement()
                .satisfies(m -> assertThat((String) m.get("xml"))
                        .contains("<ceb:copNo>" + orderNo + "</ceb:copNo>")
                        .contains("SignatureValue"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messagesOf(orderNo))
                .filteredOn(m -> "IN".equals(m.get("direction")) && "CEB622".equals(m.get("type")))
                .extracting(m -> m.get("returnStatus"))
                .contains("120", "800"));
    }

    @Test
    void sendsNothingTwiceWhenDispatchersRaceForTheSameOutbox() {
        String orderNo = placeOrder("DRG-LOR-10");
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, orderNo, "CEB311", '1')
                    .toFuture()
                    .join();
        }

        setAsideUnsentExceptOf(orderNo);
        reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> dispatcher.dispatchDue())
                .blockLast(Duration.ofSeconds(60));

        assertThat(count("select count(*) from customs_outbox where subject_no = '" + orderNo
                        + "' and sent_at is not null and attempts = 1"))
                .isEqualTo(5);
        assertThat(count("select count(*) from customs_message where direction = 'OUT' and subject_no = '" + orderNo
                        + "'"))
                .isEqualTo(5);
    }

    @Test
    void setsAsideARequestForAnOrderThatDoesNotExist() {
        String guid = outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, "NO-SUCH-ORDER", "CEB621", '1')
                .toFuture()
                .join();

        setAsideUnsentExceptOf("NO-SUCH-ORDER");
        dispatcher.dispatchDue().toFuture().join();

        assertThat(count("select count(*) from customs_outbox where guid = '" + guid
                        + "' and failed_at is not null and sent_at is null and last_error like '%does not exist%'"))
                .isOne();
    }

    @Test
    void aRoundKeepsAndSendsEveryRequestItCanWhileOneOfItsRequestsIsSetAside() {
        String orderNo = placeOrder("DRG-LOR-10");
        setAsideUnsentExceptOf(orderNo);
        List<String> guids = reactor.core.publisher.Flux.range(0, 3)
                .concatMap(i -> outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, orderNo, "CEB311", '1'))
                .collectList()
                .toFuture()
                .join();
        String missing = outbox.enqueue(CustomsOutbox.SubjectKind.ORDER, "NO-SUCH-ORDER", "CEB621", '1')
                .toFuture()
                .join();

        dispatcher.dispatchDue().toFuture().join();

        assertThat(count("select count(*) from customs_outbox where guid in ('" + String.join("', '", guids)
                        + "') and sent_at is not null and attempts = 1 and last_error is null"))
                .as("the round's other requests sent and marked")
                .isEqualTo(3);
        assertThat(messagesOf(orderNo))
                .as("each kept, with its subject and its own document")
                .filteredOn(m -> "OUT".equals(m.get("direction")))
                .hasSize(3)
                .allSatisfy(m -> assertThat((String) m.get("xml"))
                        .contains("<ceb:orderNo>" + orderNo + "</ceb:orderNo>")
                        .contains("guid=\"" + m.get("guid") + "\""))
                .extracting(m -> m.get("guid"))
                .containsExactlyInAnyOrderElementsOf(guids);
        assertThat(count("select count(*) from customs_outbox where guid = '" + missing
                        + "' and failed_at is not null and sent_at is null and last_error like '%does not exist%'"))
                .isOne();
        assertThat(count("select count(*) from customs_message where guid = '" + missing + "'"))
                .isZero();
    }

    private List<Map<String, Object>> messagesOf(String orderNo) {
        return operator()
                .get()
                .uri("/api/console/orders/{no}/messages", orderNo)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }
}
