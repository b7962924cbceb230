package cn.cbecpilot.ceb.signature;

import java.nio.charset.StandardCharsets;

/** Small unsigned CEB messages and shared demo keys; key generation is slow, so keys are made once. */
final class CebMessageFixtures {

    static final SigningKey RSA_KEY = DemoKeys.generate(SignatureAlgorithm.RSA_SHA1, "rsa-signer");
    static final SigningKey OTHER_RSA_KEY = DemoKeys.generate(SignatureAlgorithm.RSA_SHA1, "someone-else");
    static final SigningKey SM2_KEY = DemoKeys.generate(SignatureAlgorithm.SM2_SM3, "sm2-signer");
    static final SigningKey OTHER_SM2_KEY = DemoKeys.generate(SignatureAlgorithm.SM2_SM3, "someone-else");

    private CebMessageFixtures() {}

    static SigningKey key(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.RSA_SHA1 ? RSA_KEY : SM2_KEY;
    }

    static SigningKey otherKey(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.RSA_SHA1 ? OTHER_RSA_KEY : OTHER_SM2_KEY;
    }

    /** An import inventory list, pretty-printed and with a comment, as messages from other tools arrive. */
    static byte[] unsignedImport() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94" version="1.0">
                  <!-- one parcel -->
                  <ceb:Inventory>
                    <ceb:InventoryHead>
                      <ceb:guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</ceb:guid>
                      <ceb:buyerName>李小宝</ceb:buyerName>
                      <ceb:note/>
                    </ceb:InventoryHead>
                  </ceb:Inventory>
                  <ceb:BaseTransfer>
                    <ceb:copCode>1105910159</ceb:copCode>
                    <ceb:dxpMode>DXP</ceb:dxpMode>
                  </ceb:BaseTransfer>
                  <ceb:ExtendMessage>
                    <ceb:name>trace</ceb:name>
                  </ceb:ExtendMessage>
                </ceb:CEB621Message>
                """
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An export return request in the default namespace, with or without its ExtendMessage. */
    static byte[] unsignedExport(boolean withExtendMessage) {
        String extend = withExtendMessage ? "<ExtendMessage><name>x</name></ExtendMessage>" : "";
        return ("<CEB213Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"A0A559BA-1951-7C08-D13E-E9DDB4B12B00\""
                        + " version=\"1.0\"><InvtRefund><InvtRefundHead><reason>客户取消订单</reason></InvtRefundHead>"
                        + "</InvtRefund><BaseTransfer><copCode>1105910159</copCode></BaseTransfer>"
                        + "<BaseSubscribe><status>ALL</status></BaseSubscribe>" + extend + "</CEB213Message>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
