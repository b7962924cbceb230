package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.message.BaseTransfer;
import cn.cbecpilot.ceb.message.Ceb311Order;
import cn.cbecpilot.ceb.message.Ceb411Payment;
import cn.cbecpilot.ceb.message.Ceb511Logistics;
import cn.cbecpilot.ceb.message.Ceb621Inventory;
import cn.cbecpilot.ceb.message.Ceb623InvtCancel;
import cn.cbecpilot.ceb.message.Ceb625InvtRefund;
import cn.cbecpilot.ceb.message.CebRequest;
import cn.cbecpilot.ceb.message.InventoryHead;
import cn.cbecpilot.ceb.message.InventoryList;
import cn.cbecpilot.ceb.message.InvtCancel;
import cn.cbecpilot.ceb.message.InvtRefundHead;
import cn.cbecpilot.ceb.message.InvtRefundList;
import cn.cbecpilot.ceb.message.LogisticsHead;
import cn.cbecpilot.ceb.message.OrderHead;
import cn.cbecpilot.ceb.message.OrderList;
import cn.cbecpilot.ceb.message.PaymentHead;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The import order's messages, as customs wants them for a bonded (1210) parcel: the order (311), the inventory list
 * (621), its cancellation (623) and return (625), and the payment (411) and waybill (511) relayed for the partners.
 * The order number doubles as the enterprise's copNo, by which receipts find the order again.
 */
@Component
class OrderMessages implements OutboxRenderer {

    private static final Set<String> TYPES = Set.of("CEB311", "CEB411", "CEB511", "CEB621", "CEB623", "CEB625");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String RMB = "142";
    private static final String CHINA = "142";
    private static final String DECLARED = "2";
    private static final String ID_CARD = "1";

    private final DeclaredOrders orders;
    private final CustomsProperties.Declaration declaration;
    private final String senderDxpId;
    private final Clock clock;

    OrderMessages(DeclaredOrders orders, CustomsProperties properties, Clock clock) {
        this.orders = orders;
        this.declaration = properties.declaration();
        this.senderDxpId = properties.senderDxpId();
        this.clock = clock;
    }

    @Override
    public boolean renders(String subjectKind, String messageType) {
        return "ORDER".equals(subjectKind) && TYPES.contains(messageType);
    }

    @Override
    public Mono<CebRequest> render(OutboxRequest request) {
        return orders.find(request.subjectNo()).map(order -> switch (request.messageType()) {
            case "CEB311" -> order(request, order);
            case "CEB411" -> payment(request, order);
            case "CEB511" -> waybill(request, order);
            case "CEB621" -> inventory(request, order);
            case "CEB623" -> cancellation(request, order);
            case "CEB625" -> refund(request, order);
            default -> throw new IllegalArgumentException("not an order message: " + request.messageType());
        });
    }

    private CebRequest order(OutboxRequest r, DeclaredOrder o) {
        var head = new OrderHead(
                r.guid(),
                r.appType(),
                now(),
                DECLARED,
                "I",
                o.orderNo(),
                o.platformCode(),
                o.platformName(),
                o.sellerCode(),
                o.sellerName(),
                o.goodsValue(),
                o.freight(),
                o.discount(),
                o.taxTotal(),
                o.total(),
                RMB,
                o.orderNo(),
                o.buyerName(),
                o.buyerPhone(),
                ID_CARD,
                o.buyerIdNumber(),
                o.payCode(),
                o.payName(),
                o.payTransactionId(),
                null,
                o.consigneeName(),
                o.consigneePhone(),
                o.consigneeAddress(),
                null,
                null);
        var lines = o.lines().stream()
                .map(l -> new OrderList(
                        l.lineNo(),
                        l.sku(),
                        l.name(),
                        l.name(),
                        null,
                        barCode(l),
                        l.unit(),
                        BigDecimal.valueOf(l.quantity()),
                        l.unitPrice(),
                        l.lineValue(),
                        RMB,
                        l.originCountry(),
                        null))
                .toList();
        return new Ceb311Order(head, lines, transfer(o));
    }

    private CebRequest inventory(OutboxRequest r, DeclaredOrder o) {
        LocalDateTime now = now();
        BigDecimal weight = declaration.unitGrossWeightKg().multiply(BigDecimal.valueOf(o.units()));
        var head = new InventoryHead(
                r.guid(),
                r.appType(),
                now,
                DECLARED,
                o.orderNo(),
                o.platformCode(),
                o.platformName(),
                o.sellerCode(),
                o.sellerName(),
                logisticsNo(o),
                declaration.logisticsCode(),
                declaration.logisticsName(),
                o.orderNo(),
                null,
                declaration.assureCode(),
                declaration.emsNo(),
                o.invtNo(),
                "I",
                now.toLocalDate(),
                declaration.customsCode(),
                declaration.portCode(),
                null,
                ID_CARD,
                o.buyerIdNumber(),
                o.buyerName(),
                o.buyerPhone(),
                o.consigneeAddress(),
                declaration.agentCode(),
                declaration.agentName(),
                declaration.areaCode(),
                declaration.areaName(),
                "1210",
                declaration.trafMode(),
                null,
                null,
                null,
                null,
                null,
                CHINA,
                o.freight(),
                o.insurance(),
                RMB,
                null,
                1,
                weight,
                weight,
                null);
        var lines = o.lines().stream()
                .map(l -> new InventoryList(
                        l.lineNo(),
                        l.sku(),
                        l.sku(),
                        l.name(),
                        l.gcode(),
                        l.name(),
                        l.name(),
                        barCode(l),
                        l.originCountry(),
                        l.originCountry(),
                        RMB,
                        BigDecimal.valueOf(l.quantity()),
                        l.unit(),
                        BigDecimal.valueOf(l.quantity()),
                        l.unit(),
                        null,
                        null,
                        l.unitPrice(),
                        l.lineValue(),
                        null))
                .toList();
        return new Ceb621Inventory(head, lines, transfer(o));
    }

    /**
     * The cancellation names the list by the invtNo customs gave it, which the schema requires: until the 120 receipt
     * brings it the request waits, unless customs rejected the list meanwhile (then there is nothing left to cancel and
     * the order completed its cancellation on that rejection) or the order is no longer cancelling.
     */
    private CebRequest cancellation(OutboxRequest r, DeclaredOrder o) {
        if (o.invtNo() == null || o.invtNo().isBlank()) {
            if (!"CANCELLING".equals(o.status()) || rejected(o.customsStatus())) {
                throw new RequestWithdrawn("order " + o.orderNo() + " is " + o.status() + " and its list never got an"
                        + " invtNo (last receipt " + o.customsStatus() + "): nothing to cancel at customs");
            }
            throw new NotYetRenderable(
                    "waiting for the invtNo of order " + o.orderNo() + "'s list (customs' 120 receipt) to cancel it");
        }
        var cancel = new InvtCancel(
                r.guid(),
                r.appType(),
                now(),
                DECLARED,
                declaration.customsCode(),
                o.orderNo(),
                o.platformCode(),
                o.platformName(),
                o.sellerCode(),
                o.sellerName(),
                logisticsNo(o),
                declaration.logisticsCode(),
                declaration.logisticsName(),
                o.orderNo(),
                null,
                invtNo(o),
                ID_CARD,
                o.buyerIdNumber(),
                o.buyerName(),
                o.buyerPhone(),
                declaration.agentCode(),
                declaration.agentName(),
                "消费者取消订单",
                null);
        return new Ceb623InvtCancel(cancel, transfer(o));
    }

    private CebRequest refund(OutboxRequest r, DeclaredOrder o) {
        var head = new InvtRefundHead(
                r.guid(),
                r.appType(),
                now(),
                DECLARED,
                declaration.customsCode(),
                o.orderNo(),
                o.platformCode(),
                o.platformName(),
                o.sellerCode(),
                o.sellerName(),
                logisticsNo(o),
                declaration.logisticsCode(),
                declaration.logisticsName(),
                o.orderNo(),
                null,
                invtNo(o),
                ID_CARD,
                o.buyerIdNumber(),
                o.buyerName(),
                o.buyerPhone(),
                declaration.agentCode(),
                declaration.agentName(),
                "消费者申请退货",
                null);
        var lines = o.lines().stream()
                .map(l -> new InvtRefundList(
                        l.lineNo(), l.gcode(), l.name(), BigDecimal.valueOf(l.quantity()), l.unit(), null))
                .toList();
        return new Ceb625InvtRefund(head, lines, transfer(o));
    }

    private CebRequest payment(OutboxRequest r, DeclaredOrder o) {
        LocalDateTime paid = o.paidAt() == null ? now() : LocalDateTime.ofInstant(o.paidAt(), BEIJING);
        var head = new PaymentHead(
                r.guid(),
                r.appType(),
                now(),
                DECLARED,
                o.payCode(),
                o.payName(),
                o.payTransactionId(),
                o.orderNo(),
                o.platformCode(),
                o.platformName(),
                ID_CARD,
                o.buyerIdNumber(),
                o.buyerName(),
                o.buyerPhone(),
                o.total(),
                RMB,
                paid,
                null);
        return new Ceb411Payment(head, transfer(o));
    }

    private CebRequest waybill(OutboxRequest r, DeclaredOrder o) {
        BigDecimal weight = declaration.unitGrossWeightKg().multiply(BigDecimal.valueOf(o.units()));
        var head = new LogisticsHead(
                r.guid(),
                r.appType(),
                now(),
                DECLARED,
                declaration.logisticsCode(),
                declaration.logisticsName(),
                logisticsNo(o),
                null,
                o.orderNo(),
                o.freight(),
                o.insurance(),
                RMB,
                weight,
                1,
                o.lines().get(0).name(),
                o.consigneeName(),
                o.consigneeAddress(),
                o.consigneePhone(),
                null);
        return new Ceb511Logistics(head, transfer(o));
    }

    private BaseTransfer transfer(DeclaredOrder o) {
        return new BaseTransfer(o.platformCode(), o.platformName(), "DXP", senderDxpId, null);
    }

    /** The carrier's waybill number: the carrier assigns it per parcel; here from the order, unique per carrier. */
    private static String logisticsNo(DeclaredOrder o) {
        return "WB" + o.orderNo();
    }

    /** 100 or a negative code: customs ended that submission. */
    private static boolean rejected(String customsStatus) {
        return customsStatus != null && ("100".equals(customsStatus) || customsStatus.startsWith("-"));
    }

    private static String invtNo(DeclaredOrder o) {
        return o.invtNo() == null ? "" : o.invtNo();
    }

    private static String barCode(DeclaredOrder.Line l) {
        return l.barCode() == null ? "无" : l.barCode();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(BEIJING));
    }
}
