package cn.cbecpilot.platform.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A CEB622 inventory receipt refusing an order's list, pushed to the platform the way the single window pushes it: so
 * it is stored among the order's customs messages, as the console's pages read them, and then applied to the order.
 */
final class RefusingReceipts {

    private static final DateTimeFormatter RETURN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.ofHours(8));

    private RefusingReceipts() {}

    /** Pushes a status 100 receipt for the order; {@code returnInfo} must need no XML escaping. */
    static void push(WebTestClient http, String orderNo, String returnInfo, Instant returnTime) {
        http.post()
                .uri("/customs/receipts")
                .header("Authorization", "Bearer dev-customs-token")
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue(xml(orderNo, returnInfo, returnTime))
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    private static String xml(String orderNo, String returnInfo, Instant returnTime) {
        String guid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB622Message version="1.0" xmlns="http://www.chinaport.gov.cn/ceb" guid="%1$s">
                  <InventoryReturn>
                    <guid>%1$s</guid>
                    <customsCode>0114</customsCode>
                    <ebpCode>1101980001</ebpCode>
                    <ebcCode>1101980002</ebcCode>
                    <agentCode>1101980001</agentCode>
                    <copNo>%2$s</copNo>
                    <preNo>B20261203000000001</preNo>
                    <returnStatus>100</returnStatus>
                    <returnTime>%3$s</returnTime>
                    <returnInfo>%4$s</returnInfo>
                  </InventoryReturn>
                </CEB622Message>
                """
                .formatted(guid, orderNo, RETURN_TIME.format(returnTime), returnInfo);
    }
}
