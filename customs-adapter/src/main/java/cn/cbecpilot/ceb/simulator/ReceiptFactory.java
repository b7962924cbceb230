package cn.cbecpilot.ceb.simulator;

import cn.cbecpilot.ceb.dxp.TransInfo;
import cn.cbecpilot.ceb.message.CebFormats;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.ReceiptWriter;
import cn.cbecpilot.ceb.message.TaxBills;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the receipt of one step for one request, with the numbers customs has on file for it. */
final class ReceiptFactory {

    private final ReceiptWriter writer = new ReceiptWriter();
    private final TaxBills taxBills = new TaxBills();
    private final Filed filed;

    ReceiptFactory(Filed filed) {
        this.filed = filed;
    }

    byte[] receipt(Received request, Step step, LocalDateTime now) {
        if (step.type() == MessageType.CEB816) {
            return taxBill(request, now);
        }
        Map<String, String> f = new HashMap<>();
        f.put("guid", request.get("guid"));
        f.put("returnStatus", step.status());
        f.put("returnTime", CebFormats.RETURN_TIME.format(now));
        f.put("returnInfo", step.info());
        copy(
                request,
                f,
                "ebpCode",
                "ebcCode",
                "orderNo",
                "payCode",
                "payTransactionId",
                "logisticsCode",
                "logisticsNo",
                "customsCode",
                "agentCode",
                "coElNo",
                "operatorCode");
        switch (step.type()) {
            case CEB622, CEB624, CEB626 -> importList(request, step, now, f);
            case CEB214 -> exportReturn(request, now, f);
            case CEB216 -> f.put("preNo", filed.preNo(request.key(), now.toLocalDate()));
            default -> {}
        }
        return writer.write(step.type(), CebFormats.newGuid(), List.of(f));
    }

    /** The CEB900 that answers a request the schema refused, naming the transfer it came in. */
    byte[] schemaFailure(TransInfo info, CebXmlException problem, LocalDateTime now) {
        Map<String, String> f = new HashMap<>();
        f.put("guid", CebFormats.newGuid());
        f.put("returnStatus", "0002");
        f.put("returnInfo", "报文格式校验失败 " + cut(problem.getMessage(), 4000));
        f.put("returnTime", CebFormats.RETURN_TIME.format(now));
        f.put("oriCopMsgId", info.copMsgId());
        f.put("oriMessageType", cut(info.msgType(), 15));
        f.put("oriBizMessage", "");
        return writer.write(MessageType.CEB900, CebFormats.newGuid(), List.of(f));
    }

    private void importList(Received request, Step step, LocalDateTime now, Map<String, String> f) {
        String copNo = copNo(request);
        f.put("copNo", copNo);
        f.put("preNo", filed.preNo(copNo, now.toLocalDate()));
        boolean assigned = !"100".equals(step.status()) || request.type() != MessageType.CEB621;
        if (assigned) {
            f.put(
                    "invtNo",
                    Optional.ofNullable(request.get("invtNo"))
                            .filter(n -> n.length() == 18)
                            .orElseGet(() -> filed.invtNo(copNo, request.get("customsCode"), now.toLocalDate())));
        }
    }

    /** The tax bill of a released list, under the list number its receipts carried. */
    private byte[] taxBill(Received list, LocalDateTime now) {
        String copNo = copNo(list);
        String invtNo = Optional.ofNullable(list.get("invtNo"))
                .filter(n -> n.length() == 18)
                .orElseGet(() -> filed.invtNo(copNo, list.get("customsCode"), now.toLocalDate()));
        var bill = TaxAssessment.of(list, invtNo, filed.taxNo(copNo, now.toLocalDate()), now);
        return taxBills.write(CebFormats.newGuid(), List.of(bill));
    }

    private void exportReturn(Received request, LocalDateTime now, Map<String, String> f) {
        Optional<Received> original = request.type() == MessageType.CEB213
                ? Optional.of(request)
                : filed.find(MessageType.CEB213, request.key());
        original.ifPresent(o -> copy(o, f, "ebpCode", "ebcCode", "agentCode", "invtNo"));
        f.putIfAbsent("agentCode", request.get("operatorCode"));
        f.putIfAbsent("invtNo", request.get("invtNo") == null ? request.key() : request.get("invtNo"));
        f.put("preNo", filed.preNo(request.key(), now.toLocalDate()));
    }

    /** The copNo a receipt must carry; a list sent without one is known by its order number. */
    private static String copNo(Received request) {
        String copNo = request.get("copNo");
        String key = copNo == null || copNo.isEmpty() ? request.get("orderNo") : copNo;
        return key.length() <= 20 ? key : key.substring(0, 20);
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    private static void copy(Received from, Map<String, String> to, String... names) {
        for (String name : names) {
            String value = from.get(name);
            if (value != null && !value.isEmpty()) {
                to.put(name, value);
            }
        }
    }
}
