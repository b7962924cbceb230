package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Masking;
import cn.cbecpilot.platform.shared.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** An order as its buyer (holding its token) or an operator sees it, personal data masked. */
@Service
public class ReadingOrders {

    private final Orders orders;
    private final LifecycleRows lifecycle;

    ReadingOrders(Orders orders, LifecycleRows lifecycle) {
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    /**
     * The order if the token opens it. A wrong or missing token answers like an unknown order, so order numbers
     * cannot be probed.
     */
    Mono<OrderRow> openWithToken(String orderNo, String token) {
        return orders.find(orderNo)
                .filter(o -> token != null
                        && MessageDigest.isEqual(
                                o.orderToken().getBytes(StandardCharsets.UTF_8),
                                token.getBytes(StandardCharsets.UTF_8)))
                .switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)));
    }

    Mono<OrderRow> open(String orderNo) {
        return orders.find(orderNo).switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)));
    }

    /** The order for the web page of the buyer holding its token; an unknown order or a wrong token is NotFound. */
    public Mono<OrderView> viewWithToken(String orderNo, String token) {
        return openWithToken(orderNo, token).flatMap(this::view);
    }

    /** The order for the console's page. */
    public Mono<OrderView> view(String orderNo) {
        return open(orderNo).flatMap(this::view);
    }

    private Mono<OrderView> view(OrderRow o) {
        return Mono.zip(
                        orders.lines(o.orderNo()).collectList(),
                        orders.history(o.orderNo()).collectList(),
                        orders.codes(o.orderNo()))
                .map(t -> OrderView.of(o, t.getT1(), t.getT2(), t.getT3()));
    }

    Mono<OrderApi.OrderDetails> details(OrderRow o) {
        return Mono.zip(
                        orders.lines(o.orderNo()).collectList(),
                        orders.history(o.orderNo()).collectList(),
                        orders.codes(o.orderNo()),
                        lifecycle.customs(o.orderNo()))
                .map(t -> details(o, t.getT1(), t.getT2(), t.getT3(), t.getT4()));
    }

    private static OrderApi.OrderDetails details(
            OrderRow o,
            List<OrderLineRow> lines,
            List<HistoryEntry> history,
            Map<Integer, List<String>> codes,
            OrderApi.Customs customs) {
        return new OrderApi.OrderDetails(
                o.orderNo(),
                o.status(),
                o.goodsValue().toString(),
                o.freight().toString(),
                o.tax().toString(),
                o.total().toString(),
                o.createdAt(),
                o.paymentDueAt(),
                new OrderApi.Party(
                        Masking.name(o.buyerName()),
                        Masking.idNumber(o.buyerIdNumber()),
                        Masking.phone(o.buyerPhone()),
                        null),
                new OrderApi.Party(
                        Masking.name(o.consigneeName()),
                        null,
                        Masking.phone(o.consigneePhone()),
                        Masking.address(o.consigneeAddress())),
                history.stream()
                        .map(h -> new OrderApi.History(h.from(), h.to(), h.event(), h.at()))
                        .toList(),
                customs,
                lines.stream()
                        .map(l -> new OrderApi.Line(
                                l.lineNo(),
                                l.sku(),
                                l.name(),
                                l.quantity(),
                                l.unitPrice().toString(),
                                l.tax().toString(),
                                codes.getOrDefault(l.lineNo(), List.of())))
                        .toList());
    }
}
