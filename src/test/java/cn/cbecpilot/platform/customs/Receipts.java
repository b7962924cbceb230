package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.dxp.DxpEnvelope;
import cn.cbecpilot.ceb.dxp.TransInfo;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Receipts as the single window sends them, bare or in a DXP envelope, for tests. */
final class Receipts {

    private Receipts() {}

    static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** A CEB622 inventory receipt for the declaration with this copNo. */
    static String inventory(String messageGuid, String copNo, String status, String info) {
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
                    <invtNo>01142026I000000001</invtNo>
                    <returnStatus>%3$s</returnStatus>
                    <returnTime>20261203101500000</returnTime>
                    <returnInfo>%4$s</returnInfo>
                  </InventoryReturn>
                </CEB622Message>
                """
                .formatted(messageGuid, copNo, status, info);
    }

    /** A CEB312 order receipt for the order with this number. */
    static String order(String messageGuid, String orderNo, String status, String info) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CEB312Message version="1.0" xmlns="http://www.chinaport.gov.cn/ceb" guid="%1$s">
                  <OrderReturn>
                    <guid>%1$s</guid>
                    <ebpCode>1101980001</ebpCode>
                    <ebcCode>1101980002</ebcCode>
                    <orderNo>%2$s</orderNo>
                    <returnStatus>%3$s</returnStatus>
                    <returnTime>20261203101500000</returnTime>
                    <returnInfo>%4$s</returnInfo>
                  </OrderReturn>
                </CEB312Message>
                """
                .formatted(messageGuid, orderNo, status, info);
    }

    /** One CEB622 message answering several lists: the i-th receipt for {@code copNos[i]}, numbered {@code invtNos[i]}. */
    static String inventories(String messageGuid, List<String> copNos, List<String> invtNos, String status) {
        return inventories(messageGuid, copNos, invtNos, Collections.nCopies(copNos.size(), status));
    }

    /** {@link #inventories}, the i-th receipt with status {@code statuses[i]}. */
    static String inventories(String messageGuid, List<String> copNos, List<String> invtNos, List<String> statuses) {
        StringBuilder message = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CEB622Message version=\"1.0\" xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + messageGuid
                + "\">");
        for (int i = 0; i < copNos.size(); i++) {
            message.append(
                    """
                    <InventoryReturn>
                      <guid>%s</guid>
                      <customsCode>0114</customsCode>
                      <ebpCode>1101980001</ebpCode>
                      <ebcCode>1101980002</ebcCode>
                      <agentCode>1101980001</agentCode>
                      <copNo>%s</copNo>
                      <preNo>B20261203000000001</preNo>
                      <invtNo>%s</invtNo>
                      <returnStatus>%s</returnStatus>
                      <returnTime>2026120310%s00000</returnTime>
                      <returnInfo>[Code:%s]</returnInfo>
                    </InventoryReturn>
                    """
                            .formatted(
                                    guid(),
                                    copNos.get(i),
                                    invtNos.get(i),
                                    statuses.get(i),
                                    "800".equals(statuses.get(i)) ? "20" : "15",
                                    statuses.get(i)));
        }
        return message.append("</CEB622Message>").toString();
    }

    static byte[] inDxpEnvelope(String message, String messageType) {
        var info = new TransInfo(
                guid(),
                "DXPEDCCEB0000002",
                List.of("DXPENT0000458753"),
                LocalDateTime.of(2026, 12, 3, 10, 15),
                messageType);
        return new DxpEnvelope().wrap(message.getBytes(StandardCharsets.UTF_8), info);
    }
}
