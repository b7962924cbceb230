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
    private final WholeOrders wholeOrders;

    ReadingOrders(Orders orders, WholeOrders wholeOrders) {
        this.orders = orders;
        this.wholeOrders = wholeOrders;
    }

    /**
     * The order if the token opens it. A wrong or missing token answers like an unknown order, so order numbers
     * cannot be probed.
     */
    Mono<OrderRow> openWithToken(String orderNo, String token) {
        return orders.find(orderNo)
                .filter(o -> opens(o, token))
                .switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)));
    }

    Mono<OrderRow> open(String orderNo) {
        return orders.find(orderNo).switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)));
    }

    /** The whole order if the token opens it, as {@link #openWithToken}. */
    Mono<WholeOrders.WholeOrder> openWholeWithToken(String orderNo, String token) {
        return wholeOrders
                .find(orderNo)
                .filter(w -> opens(w.order(), token))
                .switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)));
    }

    Mono<WholeOrders.WholeOrder> openWhole(String orderNo) {
        return wholeOrders.find(orderNo).switchIfEmpty(Mono.error(() -> NotFound.order(orderNo)));
    }

    private static boolean opens(OrderRow o, String token) {
        return token != null
                && MessageDigest.isEqual(
                        o.orderToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The order for the web page of the buyer holding its token; an unknown order or a wrong token is NotFound. */
    public Mono<OrderView> viewWithToken(String orderNo, String token) {
        return openWholeWithToken(orderNo, token).map(ReadingOrders::view);
    }

    /** The order for the console's page. */
    public Mono<OrderView> view(String orderNo) {
        return openWhole(orderNo).map(ReadingOrders::view);
    }

    private static OrderView view(WholeOrders.WholeOrder w) {
        return OrderView.of(w.order(), w.lines(), w.history(), w.codes());
    }

    static OrderApi.OrderDetails details(WholeOrders.WholeOrder w) {
        return details(w.order(), w.lines(), w.history(), w.codes(), w.customs());
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
