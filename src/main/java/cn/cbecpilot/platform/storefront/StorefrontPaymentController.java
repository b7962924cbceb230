package cn.cbecpilot.platform.storefront;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.compliance.Violation;
import cn.cbecpilot.platform.order.ChangingOrders;
import cn.cbecpilot.platform.order.OrderStatus;
import cn.cbecpilot.platform.order.OrderView;
import cn.cbecpilot.platform.order.Payment;
import cn.cbecpilot.platform.order.ReadingOrders;
import cn.cbecpilot.platform.shared.Conflict;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The simulated payment company's page: the buyer confirms the payer's name and ID, the amount is the order's total,
 * and the payment goes through the same {@link ChangingOrders#pay} as the API; then back to the order, as a payment
 * company's redirect would. A payer who is not the buyer (PAYER_MATCH) is shown next to the field at fault.
 */
@Controller
class StorefrontPaymentController {

    static final String PAY_CODE = "SIMPAY";

    private final ReadingOrders reading;
    private final ChangingOrders changing;

    StorefrontPaymentController(ReadingOrders reading, ChangingOrders changing) {
        this.reading = reading;
        this.changing = changing;
    }

    @GetMapping("/orders/{orderNo}/payment")
    Mono<Rendering> form(@PathVariable String orderNo, WebSession session) {
        return opened(orderNo, session)
                .map(o -> o.status() == OrderStatus.PENDING_PAYMENT
                        ? page(o, PaymentForm.blank(), new FormProblems(), HttpStatus.OK)
                        // paid already, or cancelled when its window closed: nothing to pay here
                        : Rendering.redirectTo("/orders/" + o.orderNo()).build());
    }

    @PostMapping("/orders/{orderNo}/payment")
    Mono<Rendering> pay(@PathVariable String orderNo, @ModelAttribute("form") PaymentForm form, WebSession session) {
        return opened(orderNo, session).flatMap(order -> {
            FormProblems problems = form.problems();
            if (!problems.isEmpty()) {
                return Mono.just(page(order, form, problems, HttpStatus.UNPROCESSABLE_ENTITY));
            }
            Payment payment = new Payment(
                    PAY_CODE,
                    "SIM" + UUID.randomUUID().toString().replace("-", ""),
                    CheckoutForm.strip(form.payerName()),
                    CheckoutForm.strip(form.payerIdNumber()),
                    order.total());
            return changing.pay(order.orderNo(), payment)
                    .map(s -> Rendering.redirectTo("/orders/" + order.orderNo()).build())
                    // the order moved on while the form was open: its page, saying so
                    .onErrorResume(
                            Conflict.class,
                            e -> Mono.just(Rendering.redirectTo("/orders/" + order.orderNo() + "?moved")
                                    .build()))
                    .onErrorResume(
                            RulesViolated.class,
                            e -> Mono.just(
                                    page(order, form, refusal(e.violations()), HttpStatus.UNPROCESSABLE_ENTITY)));
        });
    }

    private Mono<OrderView> opened(String orderNo, WebSession session) {
        return reading.viewWithToken(orderNo, OrderTokens.tokenFor(session, orderNo));
    }

    /** PayerMatchRule words each mismatch by the field it concerns; anything else goes above the form. */
    static FormProblems refusal(List<Violation> violations) {
        FormProblems problems = new FormProblems();
        for (Violation v : violations) {
            String place = v.message().contains("name")
                    ? "payerName"
                    : v.message().contains("ID") ? "payerIdNumber" : FormProblems.TOP;
            problems.add(
                    place,
                    new FormProblems.Problem(
                            "violation." + v.code().name() + "." + place,
                            List.of(),
                            v.code().name(),
                            v.message()));
        }
        return problems;
    }

    private static Rendering page(OrderView order, PaymentForm form, FormProblems problems, HttpStatus status) {
        return Rendering.view("storefront/payment")
                .status(status)
                .modelAttribute("order", order)
                .modelAttribute("form", form)
                .modelAttribute("problems", problems)
                .build();
    }
}
