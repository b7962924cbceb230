package cn.cbecpilot.platform.order;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operator's events on an order: picking, the parcel's journey, re-declaration, cancellation, returned goods. */
@RestController
@RequestMapping("/api/console/orders/{orderNo}")
class ConsoleOrderController {

    private final ChangingOrders changing;

    ConsoleOrderController(ChangingOrders changing) {
        this.changing = changing;
    }

    @PostMapping("/pick")
    Mono<OrderApi.StatusAnswer> pick(
            @PathVariable String orderNo, @Valid @RequestBody(required = false) OrderApi.CodesRequest body) {
        return answer(orderNo, changing.pick(orderNo, codes(body)));
    }

    @PostMapping("/handover")
    Mono<OrderApi.StatusAnswer> handOver(@PathVariable String orderNo) {
        return answer(orderNo, changing.handOver(orderNo));
    }

    @PostMapping("/delivered")
    Mono<OrderApi.StatusAnswer> delivered(@PathVariable String orderNo) {
        return answer(orderNo, changing.delivered(orderNo));
    }

    @PostMapping("/redeclare")
    Mono<OrderApi.StatusAnswer> redeclare(@PathVariable String orderNo) {
        return answer(orderNo, changing.redeclare(orderNo));
    }

    @PostMapping("/cancel")
    Mono<OrderApi.StatusAnswer> cancel(@PathVariable String orderNo) {
        return answer(orderNo, changing.cancel(orderNo));
    }

    @PostMapping("/returned")
    Mono<OrderApi.StatusAnswer> returned(
            @PathVariable String orderNo, @Valid @RequestBody(required = false) OrderApi.CodesRequest body) {
        return answer(orderNo, changing.receiveReturn(orderNo, codes(body)));
    }

    private static List<String> codes(OrderApi.CodesRequest body) {
        return body == null || body.codes() == null
                ? List.of()
                : body.codes().stream().map(String::strip).toList();
    }

    private static Mono<OrderApi.StatusAnswer> answer(String orderNo, Mono<OrderStatus> status) {
        return status.map(s -> new OrderApi.StatusAnswer(orderNo, s));
    }
}
