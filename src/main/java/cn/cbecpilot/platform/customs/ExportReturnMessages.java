package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.message.BaseTransfer;
import cn.cbecpilot.ceb.message.Ceb213ExportRefund;
import cn.cbecpilot.ceb.message.Ceb215RefundDetail;
import cn.cbecpilot.ceb.message.CebRequest;
import cn.cbecpilot.ceb.message.ExportRefundHead;
import cn.cbecpilot.ceb.message.ExportRefundList;
import cn.cbecpilot.ceb.message.InvtRefundDetail;
import cn.cbecpilot.platform.shared.NotFound;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The export return's messages: the return request (213) and the site's tally (215). A batch return covers lines of
 * several original export lists; each list is one refund of the message (the schema allows 100), all with the return
 * number as coElNo, so that one declaration and its receipts move the whole return.
 */
@Component
class ExportReturnMessages implements OutboxRenderer {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final DatabaseClient db;
    private final CustomsProperties properties;
    private final Clock clock;

    ExportReturnMessages(DatabaseClient db, CustomsProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean renders(String subjectKind, String messageType) {
        return "EXPORT_RETURN".equals(subjectKind) && ("CEB213".equals(messageType) || "CEB215".equals(messageType));
    }

    @Override
    public Mono<CebRequest> render(OutboxRequest request) {
        return lines(request.subjectNo())
                .map(byList -> "CEB213".equals(request.messageType())
                        ? returnRequest(request, byList)
                        : tally(request, byList));
    }

    private CebRequest returnRequest(OutboxRequest r, Map<String, List<Line>> byList) {
        List<Ceb213ExportRefund.Refund> refunds = new ArrayList<>();
        int i = 0;
        for (List<Line> lines : byList.values()) {
            Line l = lines.get(0);
            var head = new ExportRefundHead(
                    guid(r, i++),
                    r.appType(),
                    now(),
                    "2",
                    l.customsCode(),
                    null,
                    l.ebpCode(),
                    l.ebpName(),
                    l.ebcCode(),
                    l.ebcName(),
                    l.logisticsNo(),
                    l.logisticsCode(),
                    l.logisticsName(),
                    r.subjectNo(),
                    null,
                    l.exportListNo(),
                    l.tradeMode(),
                    l.ebcCode(),
                    l.ebcName(),
                    l.billNo(),
                    "I",
                    l.trafMode(),
                    l.trafName(),
                    l.portCode(),
                    l.reason(),
                    l.country(),
                    l.voyageNo(),
                    null);
            refunds.add(new Ceb213ExportRefund.Refund(
                    head,
                    lines.stream()
                            .map(x -> new ExportRefundList(
                                    x.gnum(),
                                    x.gcode(),
                                    x.name(),
                                    x.model(),
                                    BigDecimal.valueOf(x.quantity()),
                                    x.legalShare(x.quantity()),
                                    x.unit(),
                                    x.legalUnit(),
                                    null,
                                    null,
                                    null))
                            .toList()));
        }
        return new Ceb213ExportRefund(refunds, transfer(byList));
    }

    private CebRequest tally(OutboxRequest r, Map<String, List<Line>> byList) {
        List<InvtRefundDetail> details = new ArrayList<>();
        int i = 0;
        for (List<Line> lines : byList.values()) {
            Line l = lines.get(0);
            if (l.operatorCode() == null) {
                // the sender of a tally is whoever counted the goods, recorded with the tally; never guessed here
                throw new IllegalStateException(
                        "export return " + r.subjectNo() + " has no site operator on record for its tally");
            }
            details.add(new InvtRefundDetail(
                    guid(r, i++),
                    r.appType(),
                    now(),
                    "2",
                    l.customsCode(),
                    l.operatorCode(),
                    l.operatorName(),
                    l.logisticsCode(),
                    l.logisticsName(),
                    l.logisticsNo(),
                    l.exportListNo(),
                    r.subjectNo(),
                    null,
                    l.billNo(),
                    "I",
                    l.trafMode(),
                    l.trafName(),
                    l.voyageNo(),
                    l.location(),
                    null));
        }
        return new Ceb215RefundDetail(details, transfer(byList));
    }

    private Mono<Map<String, List<Line>>> lines(String returnNo) {
        return db.sql("select r.return_no, r.reason, r.logistics_no, r.bill_no, r.traf_mode, r.traf_name, r.voyage_no,"
                        + " r.location, r.operator_code, r.operator_name, rl.export_list_no, rl.gnum, rl.gcode, rl.name, rl.model, rl.unit,"
                        + " coalesce(rl.tallied_quantity, rl.quantity) as quantity, ll.quantity as exported,"
                        + " ll.legal_quantity, ll.legal_unit, l.trade_mode, l.customs_code, l.port_code, l.ebp_code,"
                        + " l.ebc_code, l.logistics_code, l.country, coalesce(ep.name, l.ebp_code) as ebp_name,"
                        + " coalesce(ec.name, l.ebc_code) as ebc_name, coalesce(el.name, l.logistics_code) as"
                        + " logistics_name from export_return r join export_return_line rl on rl.return_no ="
                        + " r.return_no join export_list_line ll on ll.export_list_no = rl.export_list_no and ll.gnum ="
                        + " rl.gnum join export_list l on l.export_list_no = rl.export_list_no left join enterprise ep"
                        + " on ep.code = l.ebp_code left join enterprise ec on ec.code = l.ebc_code left join"
                        + " enterprise el on el.code = l.logistics_code where r.return_no = $1"
                        + " order by rl.export_list_no, rl.line_no")
                .bind(0, returnNo)
                .map((x, m) -> Line.from(x))
                .all()
                .collectList()
                .flatMap(all -> all.isEmpty()
                        ? Mono.error(new NotFound("export return " + returnNo + " does not exist"))
                        : Mono.just(byList(all)));
    }

    private static Map<String, List<Line>> byList(List<Line> all) {
        Map<String, List<Line>> byList = new LinkedHashMap<>();
        all.forEach(l ->
                byList.computeIfAbsent(l.exportListNo(), k -> new ArrayList<>()).add(l));
        return byList;
    }

    private BaseTransfer transfer(Map<String, List<Line>> byList) {
        Line first = byList.values().iterator().next().get(0);
        return new BaseTransfer(first.ebcCode(), first.ebcName(), "DXP", properties.senderDxpId(), null);
    }

    /** The first refund carries the request's own guid; the others one derived from it, stable across resends. */
    private static String guid(OutboxRequest r, int index) {
        return index == 0
                ? r.guid()
                : UUID.nameUUIDFromBytes((r.guid() + "/" + index).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .toUpperCase(Locale.ROOT);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(BEIJING));
    }

    /** One returned line with what its return and its original export list say. */
    private record Line(
            String returnNo,
            String reason,
            String logisticsNo,
            String billNo,
            String trafMode,
            String trafName,
            String voyageNo,
            String location,
            String operatorCode,
            String operatorName,
            String exportListNo,
            int gnum,
            String gcode,
            String name,
            String model,
            String unit,
            int quantity,
            int exported,
            BigDecimal legalQuantity,
            String legalUnit,
            String tradeMode,
            String customsCode,
            String portCode,
            String ebpCode,
            String ebcCode,
            String logisticsCode,
            String country,
            String ebpName,
            String ebcName,
            String logisticsName) {

        static Line from(io.r2dbc.spi.Readable x) {
            String returnNo = x.get("return_no", String.class);
            return new Line(
                    returnNo,
                    x.get("reason", String.class),
                    orElse(x.get("logistics_no", String.class), "WB" + returnNo),
                    orElse(x.get("bill_no", String.class), returnNo),
                    orElse(x.get("traf_mode", String.class), "5"),
                    orElse(x.get("traf_name", String.class), "航空运输"),
                    orElse(x.get("voyage_no", String.class), "N/A"),
                    x.get("location", String.class),
                    x.get("operator_code", String.class),
                    x.get("operator_name", String.class),
                    x.get("export_list_no", String.class),
                    x.get("gnum", Integer.class),
                    x.get("gcode", String.class),
                    x.get("name", String.class),
                    orElse(x.get("model", String.class), x.get("name", String.class)),
                    x.get("unit", String.class),
                    x.get("quantity", Integer.class),
                    x.get("exported", Integer.class),
                    x.get("legal_quantity", BigDecimal.class),
                    x.get("legal_unit", String.class),
                    x.get("trade_mode", String.class),
                    x.get("customs_code", String.class),
                    x.get("port_code", String.class),
                    x.get("ebp_code", String.class),
                    x.get("ebc_code", String.class),
                    x.get("logistics_code", String.class),
                    x.get("country", String.class),
                    x.get("ebp_name", String.class),
                    x.get("ebc_name", String.class),
                    x.get("logistics_name", String.class));
        }

        /** The legal first quantity of {@code units}, in proportion to what the list declared for all its units. */
        BigDecimal legalShare(int units) {
            return legalQuantity
                    .multiply(BigDecimal.valueOf(units))
                    .divide(BigDecimal.valueOf(exported), 5, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }

        private static String orElse(String value, String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
