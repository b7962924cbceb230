package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.compliance.Buyer;
import cn.cbecpilot.platform.shared.Money;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The consumer's order API: place an order, then read, pay, cancel it or ask for a return with the token the
 * placement gave.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    static final String TOKEN_HEADER = "X-Order-Token";

    private final PlacingOrders placing;
    private final ReadingOrders reading;
    private final ChangingOrders changing;

    OrderController(PlacingOrders placing, ReadingOrders reading, ChangingOrders changing) {
        this.placing = placing;
        this.reading = reading;
        this.changing = changing;
    }

    @PostMapping
    Mono<ResponseEntity<OrderApi.Placed>> place(
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody OrderApi.PlaceOrderRequest body) {
        return Mono.fromSupplier(() -> toCommand(requireKey(key), body))
                .flatMap(placing::place)
                .map(OrderController::created);
    }

    @GetMapping("/{orderNo}")
    Mono<OrderApi.OrderDetails> get(
            @PathVariable String orderNo,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            ServerWebExchange exchange) {
        return forOperatorOrTokenHolder(
                        exchange, () -> reading.openWhole(orderNo), () -> reading.openWholeWithToken(orderNo, token))
                .map(ReadingOrders::details);
    }

    @PostMapping("/{orderNo}/payment")
    Mono<OrderApi.StatusAnswer> pay(
            @PathVariable String orderNo,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @Valid @RequestBody OrderApi.PaymentRequest body,
            ServerWebExchange exchange) {
        Payment payment = new Payment(
                body.payCode().strip(),
                body.transactionId().strip(),
                body.payer().name(),
                body.payer().idNumber(),
                Money.of(body.amount()));
        return opened(orderNo, token, exchange)
                .flatMap(o -> changing.pay(o.orderNo(), payment))
                .map(s -> new OrderApi.StatusAnswer(orderNo, s));
    }

    @PostMapping("/{orderNo}/cancel")
    Mono<OrderApi.StatusAnswer> cancel(
            @PathVariable String orderNo,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            ServerWebExchange exchange) {
        return opened(orderNo, token, exchange)
                .flatMap(o -> changing.cancel(o.orderNo()))
                .map(s -> new OrderApi.StatusAnswer(orderNo, s));
    }

    @PostMapping("/{orderNo}/return")
    Mono<OrderApi.StatusAnswer> requestReturn(
            @PathVariable String orderNo,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            ServerWebExchange exchange) {
        return opened(orderNo, token, exchange)
                .flatMap(o -> changing.requestReturn(o.orderNo()))
                .map(s -> new OrderApi.StatusAnswer(orderNo, s));
    }

    /** Opens the order for its token holder, or for a signed-in operator. */
    Mono<OrderRow> opened(String orderNo, String token, ServerWebExchange exchange) {
        return forOperatorOrTokenHolder(
                exchange, () -> reading.open(orderNo), () -> reading.openWithToken(orderNo, token));
    }

    /** What a signed-in operator opens, or else what the token opens. */
    private static <T> Mono<T> forOperatorOrTokenHolder(
            ServerWebExchange exchange, Supplier<Mono<T>> asOperator, Supplier<Mono<T>> withToken) {
        return exchange.getPrincipal().flatMap(operator -> asOperator.get()).switchIfEmpty(Mono.defer(withToken));
    }

    private static ResponseEntity<OrderApi.Placed> created(Placement p) {
        OrderRow o = p.order();
        var body = new OrderApi.Placed(
                o.orderNo(),
                o.orderToken(),
                o.status(),
                o.goodsValue().toString(),
                o.freight().toString(),
                o.tax().toString(),
                o.total().toString());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/orders/" + o.orderNo()))
                .header("Idempotent-Replayed", String.valueOf(p.replayed()))
                .body(body);
    }

    private static String requireKey(String key) {
        if (key == null
                || key.isBlank()
                || key.length() > 128
                || !VISIBLE_ASCII.matcher(key).matches()) {
            throw new ServerWebInputException(
                    "the Idempotency-Key header is required: 1 to 128 visible ASCII characters");
        }
        return key;
    }

    private static PlaceOrder toCommand(String key, OrderApi.PlaceOrderRequest body) {
        return new PlaceOrder(
                key,
                body.platformCode(),
                body.lines().stream()
                        .map(l -> new PlaceOrder.Line(l.sku().strip(), l.quantity()))
                        .toList(),
                new Buyer(
                        body.buyer().name(),
                        body.buyer().idNumber(),
                        body.buyer().phone()),
                new PlaceOrder.Consignee(
                        body.consignee().name(),
                        body.consignee().phone(),
                        body.consignee().address()));
    }
}
