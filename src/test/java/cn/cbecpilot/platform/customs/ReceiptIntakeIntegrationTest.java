package cn.cbecpilot.platform.customs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.OrderJourneys;
import cn.cbecpilot.platform.support.ReferenceData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The single window's push endpoint: authenticated, safe against hostile XML, and every receipt stored once. */
class ReceiptIntakeIntegrationTest extends IntegrationTestBase {

    @Autowired
    private ParkedReceipts parked;

    @Autowired
    private List<ReceiptConsumer> consumers;

    @Test
    void refusesAReceiptWithoutTheBearerToken() {
        String xml = Receipts.inventory(Receipts.guid(), "NOORDER" + nextBuyer(), "120", "ok");

        http.post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists("WWW-Authenticate");
        http.post()
                .uri("/customs/receipts")
                .header("Authorization", "Bearer dev-customs-tokeN")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/customs/receipts")
                .headers(h -> h.setBasicAuth("operator", "operator"))
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(stored(xml.substring(xml.indexOf("guid=\"") + 6, xml.indexOf("guid=\"") + 42)))
                .isZero();
    }

    @Test
    void storesAReceiptForAnUnknownDeclarationAndParksIt() {
        String copNo = "PARKED" + nextBuyer();

        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(Receipts.inventory(Receipts.guid(), copNo, "120", "逻辑校验通过"))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.receipts")
                .isEqualTo(1);

        assertThat(count("select count(*) from customs_message where direction = 'IN' and subject_no = '" + copNo
                        + "' and not applied and message_type = 'CEB622' and return_status = '120'"))
                .isOne();
        parked.retry(50).toFuture().join();
        assertThat(count("select count(*) from customs_message where subject_no = '" + copNo + "' and not applied"))
                .isOne();
    }

    @Test
    void storesTheSameReceiptDeliveredTwiceOnce() {
        String copNo = "TWICE" + nextBuyer();
        String xml = Receipts.inventory(Receipts.guid(), copNo, "800", "放行");

        for (int i = 0; i < 2; i++) {
            customs()
                    .post()
                    .uri("/customs/receipts")
                    .contentType(MediaType.APPLICATION_XML)
                    .bodyValue(xml)
                    .exchange()
                    .expectStatus()
                    .isAccepted();
        }

        assertThat(count("select count(*) from customs_message where subject_no = '" + copNo + "'"))
                .isOne();
    }

    /**
     * The single window may answer up to a hundred lists in one CEB622: each order takes its own list number and
     * status from it, and each receipt is kept as the message around its own InventoryReturn only.
     */
    @Test
    void appliesEachReceiptOfAMessageOfSeveralToItsOwnOrder() {
        OrderJourneys journeys = new OrderJourneys(http, operator(), db, consumers);
        String sku = new ReferenceData(operator()).drugInStock("布洛芬缓释胶囊", "39.00", 4);
        List<OrderJourneys.Placed> orders =
                List.of(journeys.place(sku, 1, nextBuyer()), journeys.place(sku, 1, nextBuyer()));
        orders.forEach(o -> OrderJourneys.ok(journeys.pay(o), "DECLARED"));
        List<String> orderNos =
                orders.stream().map(OrderJourneys.Placed::orderNo).toList();
        List<String> invtNos = List.of(
                "01142026I%09d".formatted(nextBuyer() % 1_000_000_000),
                "01142026I%09d".formatted(nextBuyer() % 1_000_000_000));

        for (String status : List.of("120", "800")) {
            customs()
                    .post()
                    .uri("/customs/receipts")
                    .contentType(MediaType.APPLICATION_XML)
                    .bodyValue(Receipts.inventories(Receipts.guid(), orderNos, invtNos, status))
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.receipts")
                    .isEqualTo(2);
        }

        for (int i = 0; i < 2; i++) {
            String orderNo = orderNos.get(i);
            String other = orderNos.get(1 - i);
            String own = invtNos.get(i);
            String others = invtNos.get(1 - i);
            assertThat(journeys.status(orderNo)).isEqualTo("RELEASED");
            assertThat(texts("select invt_no from customer_order where order_no = $1", orderNo))
                    .containsExactly(own);
            assertThat(texts("select xml from customs_message where direction = 'IN' and subject_no = $1", orderNo))
                    .hasSize(2)
                    .allSatisfy(xml -> assertThat(xml)
                            .contains("<copNo>" + orderNo + "</copNo>", own)
                            .doesNotContain(other, others));
        }
    }

    @Test
    void takesAReceiptInsideADxpEnvelope() {
        String copNo = "DXP" + nextBuyer();
        byte[] envelope = Receipts.inDxpEnvelope(Receipts.inventory(Receipts.guid(), copNo, "120", "ok"), "CEB622");

        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(envelope)
                .exchange()
                .expectStatus()
                .isAccepted();

        assertThat(count("select count(*) from customs_message where subject_no = '" + copNo + "'"))
                .isOne();
    }

    @Test
    void refusesHostileAndMalformedXmlWithA400AndStoresNothing() {
        // Receipts the simulator answers to requests of earlier tests may land meanwhile: look for these inputs only.
        long last = count("select coalesce(max(id), 0) from customs_message");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&x;</CEB622Message>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<CEB622Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&b;</CEB622Message>";
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        for (String hostile : new String[] {xxe, laughs, deep, "<CEB622Message", "not xml at all", "<x/>"}) {
            customs()
                    .post()
                    .uri("/customs/receipts")
                    .contentType(MediaType.APPLICATION_XML)
                    .bodyValue(hostile)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isNotEmpty();
        }
        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(count("select count(*) from customs_message where id > " + last
                        + " and (xml like '%ENTITY%' or xml like '%<a><a>%'"
                        + " or xml in ('', '<CEB622Message', 'not xml at all', '<x/>'))"))
                .isZero();
    }

    @Test
    void refusesAnOversizedReceipt() {
        String huge = Receipts.inventory(Receipts.guid(), "HUGE", "120", "x".repeat(3_000_000));

        customs()
                .post()
                .uri("/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .value(s -> assertThat(s).isIn(400, 413));
    }

    private WebTestClient customs() {
        return http.mutate()
                .defaultHeader("Authorization", "Bearer dev-customs-token")
                .build();
    }

    private long stored(String guid) {
        return count("select count(*) from customs_message where xml like '%" + guid + "%'");
    }
}
