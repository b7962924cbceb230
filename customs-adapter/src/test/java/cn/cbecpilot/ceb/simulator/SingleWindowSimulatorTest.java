package cn.cbecpilot.ceb.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.dxp.TransInfo;
import cn.cbecpilot.ceb.gateway.ClearanceGateway;
import cn.cbecpilot.ceb.gateway.PreparedMessage;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Parcel;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.transport.DeliveryRefusedException;
import cn.cbecpilot.ceb.transport.OutboundMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The simulator end to end: the gateway over the real HTTP transport, receipts pushed to a local receiver. */
class SingleWindowSimulatorTest {

    /** Generous: the first exchange in a JVM loads Netty, WireMock and the schemas, slowly on a busy machine. */
    static final Duration BOUND = Duration.ofSeconds(30);

    private PushReceiver receiver;
    private SingleWindowSimulator simulator;
    private ClearanceGateway gateway;

    @BeforeEach
    void start() throws Exception {
        receiver = new PushReceiver();
        simulator = new SingleWindowSimulator(SimulatorSettings.defaults()
                        .withReceiptDelay(Duration.ofMillis(10))
                        .withCallback(receiver.url(), PushReceiver.TOKEN, false))
                .start();
        gateway = SimulatorFixture.gateway(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.close();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void acceptsAndReleasesAParcelWhoseFourDocumentsAgree() {
        Parcel parcel = Parcel.of(unique("ORD"), unique("COP"));
        submitAll(parcel.order(), parcel.payment(), parcel.logistics(), parcel.inventory());

        await().atMost(BOUND)
                .until(() -> statuses(MessageType.CEB622, parcel.copNo()).size() == 2);
        assertThat(statuses(MessageType.CEB622, parcel.copNo())).containsExactly("120", "800");
        assertThat(byOrder(MessageType.CEB312, parcel.orderNo()))
                .extracting(Receipt::returnStatus)
                .containsExactly("120");
        Receipt released = of(MessageType.CEB622, parcel.copNo()).get(1);
        assertThat(released.invtNo())
                .hasValueSatisfying(n -> assertThat(n).hasSize(18).startsWith("01102026I"));
        assertThat(released.preNo())
                .hasValueSatisfying(n -> assertThat(n).hasSize(18).startsWith("B"));
        assertThat(receiver.answers).containsOnly(202);
    }

    @Test
    void rejectsAListWhosePaymentAmountDiffersFromTheOrder() {
        Parcel parcel = Parcel.of(unique("ORD"), unique("COP")).withAmountPaid(new BigDecimal("1.00"));
        submitAll(parcel.order(), parcel.payment(), parcel.inventory());

        await().atMost(BOUND)
                .until(() -> !of(MessageType.CEB622, parcel.copNo()).isEmpty());
        Receipt rejected = of(MessageType.CEB622, parcel.copNo()).get(0);
        assertThat(rejected.returnStatus()).isEqualTo("100");
        assertThat(rejected.returnInfo()).contains("Code:1328");
        assertThat(rejected.invtNo()).isEmpty();
    }

    @Test
    void rejectsAListOverTheSingleLimitButNotOneIndivisibleItem() {
        Parcel twoItems = Parcel.of(unique("ORD"), unique("COP")).withPrice(new BigDecimal("2600.00"));
        Parcel oneItem = new Parcel(unique("ORD"), unique("COP"), new BigDecimal("6000.00"), 1, null);
        submitAll(twoItems.inventory(), oneItem.inventory());

        await().atMost(BOUND)
                .until(() -> statuses(MessageType.CEB622, oneItem.copNo()).size() == 2);
        assertThat(of(MessageType.CEB622, twoItems.copNo())).singleElement().satisfies(r -> assertThat(r.returnInfo())
                .contains("-621005"));
        assertThat(statuses(MessageType.CEB622, oneItem.copNo())).containsExactly("120", "800");
    }

    @Test
    void rejectsTheListThatTakesItsBuyerPastTheAnnualLimitUntilACancellationGivesRoomBack() {
        List<Parcel> lists = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new Parcel(unique("ORD"), unique("COP"), new BigDecimal("6000.00"), 1, null))
                .toList();
        submitAll(lists.stream().map(Parcel::inventory).toArray(cn.cbecpilot.ceb.message.CebRequest[]::new));

        await().atMost(BOUND).until(() -> lists.stream()
                .allMatch(p -> !of(MessageType.CEB622, p.copNo()).isEmpty()));
        List<Receipt> first = lists.stream()
                .map(p -> of(MessageType.CEB622, p.copNo()).get(0))
                .toList();
        assertThat(first).filteredOn(r -> r.returnStatus().equals("120")).hasSize(4);
        assertThat(first)
                .filteredOn(r -> r.returnStatus().equals("100"))
                .singleElement()
                .satisfies(r -> assertThat(r.returnInfo()).contains("Code:1313").contains("30000.00"));

        Parcel accepted = lists.stream()
                .filter(p ->
                        of(MessageType.CEB622, p.copNo()).get(0).returnStatus().equals("120"))
                .findFirst()
                .orElseThrow();
        submitAll(accepted.cancel("01102026I000000001"));
        await().atMost(BOUND)
                .until(() -> !of(MessageType.CEB624, accepted.copNo()).isEmpty());
        Parcel another = new Parcel(unique("ORD"), unique("COP"), new BigDecimal("6000.00"), 1, null);
        submitAll(another.inventory());

        await().atMost(BOUND)
                .until(() -> !of(MessageType.CEB622, another.copNo()).isEmpty());
        assertThat(of(MessageType.CEB622, another.copNo()).get(0).returnStatus())
                .as("the cancelled list's 6,000 is room again")
                .isEqualTo("120");
    }

    @Test
    void rejectsAnOrderWhosePaidAmountIsNotTheSumOfItsParts() {
        Parcel parcel = Parcel.of(unique("ORD"), unique("COP"));
        PreparedMessage prepared = gateway.prepare(parcel.order());
        String paid = "<ceb:acturalPaid>" + parcel.total().toPlainString() + "</ceb:acturalPaid>";
        byte[] wrong = prepared.xml()
                .replace(paid, "<ceb:acturalPaid>1.00</ceb:acturalPaid>")
                .getBytes(StandardCharsets.UTF_8);

        deliver(new OutboundMessage(
                "CEB311Message",
                prepared.guid(),
                new DxpEnvelope().wrap(wrong, transInfo(prepared.guid(), "CEB311Message"))));

        await().atMost(BOUND)
                .until(() -> !byOrder(MessageType.CEB312, parcel.orderNo()).isEmpty());
        assertThat(byOrder(MessageType.CEB312, parcel.orderNo()).get(0)).satisfies(r -> {
            assertThat(r.returnStatus()).isEqualTo("100");
            assertThat(r.returnInfo()).contains("Code:1301");
        });
    }

    @Test
    void cancelsAndReturnsInventoryListsWith399() {
        Parcel parcel = Parcel.of(unique("ORD"), unique("COP"));
        submitAll(parcel.cancel("01102026I000000001"), parcel.refund("01102026I000000001"));

        await().atMost(BOUND).until(() -> receiver.receipts.size() == 2);
        assertThat(statuses(MessageType.CEB624, parcel.copNo())).containsExactly("399");
        assertThat(statuses(MessageType.CEB626, parcel.copNo())).containsExactly("399");
        assertThat(of(MessageType.CEB624, parcel.copNo()).get(0).invtNo()).contains("01102026I000000001");
    }

    @Test
    void acceptsAnExportReturnAndReleasesItOnTheTally() {
        Parcel parcel = Parcel.of(unique("ORD"), unique("RET"));
        submitAll(parcel.exportRefund("01102026E000000001"));
        await().atMost(BOUND)
                .until(() -> statuses(MessageType.CEB214, parcel.copNo()).size() == 1);
        submitAll(parcel.tally("01102026E000000001"));

        await().atMost(BOUND)
                .until(() -> statuses(MessageType.CEB214, parcel.copNo()).size() == 2);
        assertThat(statuses(MessageType.CEB214, parcel.copNo())).containsExactly("120", "800");
        assertThat(statuses(MessageType.CEB216, parcel.copNo())).containsExactly("399");
        assertThat(of(MessageType.CEB214, parcel.copNo()).get(1).invtNo()).contains("01102026E000000001");
    }

    @Test
    void rejectsAnInventoryListWhoseSignatureNoLongerMatches() {
        Parcel parcel = Parcel.of(unique("ORD"), unique("COP"));
        PreparedMessage prepared = gateway.prepare(parcel.inventory());
        byte[] tampered = prepared.xml().replace("张三", "李四").getBytes(StandardCharsets.UTF_8);
        byte[] envelope = new DxpEnvelope().wrap(tampered, transInfo(prepared.guid(), "CEB621Message"));

        deliver(new OutboundMessage("CEB621Message", prepared.guid(), envelope));

        await().atMost(BOUND)
                .until(() -> !of(MessageType.CEB622, parcel.copNo()).isEmpty());
        assertThat(of(MessageType.CEB622, parcel.copNo()).get(0).returnInfo()).contains("-621029");
    }

    @Test
    void answersAMessageAgainstTheSchemaWithA900() {
        String guid = UUID.randomUUID().toString().toUpperCase();
        byte[] invalid = ("<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid
                        + "\" version=\"1.0\"><ceb:Order><ceb:OrderHead><ceb:guid>" + guid
                        + "</ceb:guid></ceb:OrderHead></ceb:Order></ceb:CEB311Message>")
                .getBytes(StandardCharsets.UTF_8);

        deliver(new OutboundMessage(
                "CEB311Message", guid, new DxpEnvelope().wrap(invalid, transInfo(guid, "CEB311Message"))));

        await().atMost(BOUND).until(() -> !receiver.receipts.isEmpty());
        Receipt formatError = receiver.receipts.get(0);
        assertThat(formatError.messageType()).isEqualTo(MessageType.CEB900);
        assertThat(formatError.field("oriCopMsgId")).contains(guid);
        assertThat(formatError.returnInfo()).contains("schema");
    }

    @Test
    void refusesABodyThatIsNotADxpEnvelopeWithHttp400() {
        OutboundMessage garbage = new OutboundMessage("CEB621Message", "G1", "<<<".getBytes());

        StepVerifier.create(SimulatorFixture.transport(simulator, Duration.ofSeconds(5))
                        .deliver(garbage))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(DeliveryRefusedException.class, r -> assertThat(r.status())
                                .isEqualTo(400)))
                .verify(BOUND);
    }

    private void submitAll(cn.cbecpilot.ceb.message.CebRequest... requests) {
        for (var request : requests) {
            StepVerifier.create(gateway.submit(request))
                    .assertNext(s -> assertThat(s.delivery().reference()).startsWith("HTTP 200"))
                    .expectComplete()
                    .verify(BOUND);
        }
    }

    private void deliver(OutboundMessage message) {
        StepVerifier.create(SimulatorFixture.transport(simulator, Duration.ofSeconds(5))
                        .deliver(message))
                .expectNextCount(1)
                .expectComplete()
                .verify(BOUND);
    }

    static TransInfo transInfo(String guid, String type) {
        return new TransInfo(guid, "DXPENT0000012345", List.of(DxpEnvelope.IMPORT_RECEIVER), LocalDateTime.now(), type);
    }

    private List<Receipt> of(MessageType type, String copNo) {
        return receiver.receipts.stream()
                .filter(r -> r.messageType() == type && r.copNo().orElse("").equals(copNo))
                .toList();
    }

    private List<Receipt> byOrder(MessageType type, String orderNo) {
        return receiver.receipts.stream()
                .filter(r ->
                        r.messageType() == type && r.field("orderNo").orElse("").equals(orderNo))
                .toList();
    }

    private List<String> statuses(MessageType type, String copNo) {
        return of(type, copNo).stream().map(Receipt::returnStatus).toList();
    }
}
