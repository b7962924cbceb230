package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.ceb.message.CebFormats;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.ReceiptWriter;
import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Receipts that cannot be applied on arrival: those parked until their declaration is known, retried in turn, and
 * the CEB900 with which customs refuses a request it could not read at all.
 */
class ParkedAndUnreadableReceiptsIntegrationTest extends IntegrationTestBase {

    @Autowired
    private ParkedReceipts parked;

    @Autowired
    private List<ReceiptConsumer> consumers;

    private OrderJourneys journeys;

    @BeforeEach
    void setUp() {
        journeys = new OrderJourneys(http, operator(), db, consumers);
    }

    @Test
    void appliesAParkedReceiptOnceItsDeclarationIsKnown() {
        OrderJourneys.Placed order = journeys.place("DRG-LOR-10", 1, nextBuyer());
        OrderJourneys.ok(journeys.pay(order), "DECLARED");
        String guid = Receipts.guid();
        park(guid, order.orderNo(), Receipts.inventory(Receipts.guid(), order.orderNo(), "120", "逻辑校验通过"));

        parked.retry(1000).toFuture().join();

        assertThat(journeys.status(order.orderNo())).isEqualTo("CUSTOMS_ACCEPTED");
        assertThat(count("select count(*) from customs_message where guid = '" + guid + "' and applied"))
                .isOne();
    }

    @Test
    void retriesParkedReceiptsInTurnSoThatOnesThatNeverFindTheirDeclarationStarveNoOther() {
        List<String> guids = List.of(Receipts.guid(), Receipts.guid(), Receipts.guid());
        for (String guid : guids) {
            String copNo = "NEVER" + nextBuyer();
            park(guid, copNo, Receipts.inventory(Receipts.guid(), copNo, "120", "逻辑校验通过"));
        }

        parked.retry(2).toFuture().join();
        assertThat(tried(guids)).isEqualTo(2);
        parked.retry(2).toFuture().join();

        assertThat(tried(guids)).as("the third is reached on the next round").isEqualTo(3);
        assertThat(count("select count(*) from customs_message where applied and guid in ('" + String.join("','", guids)
                        + "')"))
                .isZero();
    }

    @Test
    void rejectsTheOrderWhoseInventoryListCustomsCouldNotReadSoThatItCanBeCorrectedAndDeclaredAgain() {
        OrderJourneys.Placed order = journeys.place("DRG-LOR-10", 1, nextBuyer());
        OrderJourneys.ok(journeys.pay(order), "DECLARED");
        String listGuid = sent(order.orderNo(), "CEB621");

        post(unreadable(listGuid, "CEB621"));

        Map<String, Object> details = journeys.details(order.orderNo());
        assertThat(details).containsEntry("status", "REJECTED");
        assertThat(details.get("history").toString()).contains("RECEIPT_900_0002");
        OrderJourneys.ok(journeys.console(order.orderNo(), "redeclare", null), "DECLARED");
    }

    @Test
    void keepsTheFormatRefusalOfAPaymentRelayOnTheTimelineWithoutMovingTheOrder() {
        OrderJourneys.Placed order = journeys.place("DRG-LOR-10", 1, nextBuyer());
        OrderJourneys.ok(journeys.pay(order), "DECLARED");
        String paymentGuid = sent(order.orderNo(), "CEB411");

        post(unreadable(paymentGuid, "CEB411"));

        Map<String, Object> details = journeys.details(order.orderNo());
        assertThat(details).containsEntry("status", "DECLARED");
        assertThat(details.get("history").toString()).contains("RECEIPT_900_0002");
    }

    private static String unreadable(String requestGuid, String requestType) {
        byte[] xml = new ReceiptWriter()
                .write(
                        MessageType.CEB900,
                        CebFormats.newGuid(),
                        List.of(Map.of(
                                "guid",
                                CebFormats.newGuid(),
                                "returnStatus",
                                "0002",
                                "returnInfo",
                                "报文格式校验失败 cvc-complex-type.2.4.a",
                                "returnTime",
                                CebFormats.RETURN_TIME.format(LocalDateTime.now()),
                                "oriCopMsgId",
                                requestGuid,
                                "oriMessageType",
                                requestType,
                                "oriBizMessage",
                                "")));
        return new String(xml, StandardCharsets.UTF_8);
    }

    private void post(String xml) {
        http.post()
                .uri("/customs/receipts")
                .header("Authorization", "Bearer dev-customs-token")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    /**
     * Records the request as the dispatcher does when it sends one, without sending it: the simulator would answer a
     * request it was sent, and its receipts would race the one under test.
     */
    private String sent(String orderNo, String type) {
        String guid = Receipts.guid();
        db.sql("insert into customs_message (direction, guid, message_type, subject_no, xml, at, applied)"
                        + " values ('OUT', $1, $2, $3, '<sent/>', now(), true)")
                .bind(0, guid)
                .bind(1, type)
                .bind(2, orderNo)
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();
        return guid;
    }

    /** Stores the receipt as the intake parks one: unapplied, and older than any other test's. */
    private void park(String guid, String subjectNo, String xml) {
        db.sql("insert into customs_message (direction, guid, message_type, subject_no, return_status, return_info,"
                        + " return_time, xml, at) values ('IN', $1, 'CEB622', $2, '120', '逻辑校验通过',"
                        + " now(), $3, timestamptz '2000-01-01 00:00:00+00')")
                .bind(0, guid)
                .bind(1, subjectNo)
                .bind(2, xml)
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();
    }

    private long tried(List<String> guids) {
        return count("select count(*) from customs_message where retried_at is not null and guid in ('"
                + String.join("','", guids) + "')");
    }
}
