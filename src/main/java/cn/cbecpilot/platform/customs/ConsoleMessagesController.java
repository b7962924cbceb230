package cn.cbecpilot.platform.customs;

import cn.cbecpilot.platform.shared.NotFound;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The operator's view of the customs traffic of an order or an export return: every message and receipt, oldest first. */
@RestController
class ConsoleMessagesController {

    private final CustomsMessages messages;
    private final DatabaseClient db;

    ConsoleMessagesController(CustomsMessages messages, DatabaseClient db) {
        this.messages = messages;
        this.db = db;
    }

    @GetMapping("/api/console/orders/{orderNo}/messages")
    Flux<CustomsMessages.Listed> ofOrder(@PathVariable String orderNo) {
        return db.sql("select 1 from customer_order where order_no = $1")
                .bind(0, orderNo)
                .map((r, m) -> 1)
                .one()
                .switchIfEmpty(
                        reactor.core.publisher.Mono.error(() -> new NotFound("order " + orderNo + " does not exist")))
                .thenMany(messages.of(orderNo));
    }

    @GetMapping("/api/console/export-returns/{returnNo}/messages")
    Flux<CustomsMessages.Listed> ofExportReturn(@PathVariable String returnNo) {
        return db.sql("select 1 from export_return where return_no = $1")
                .bind(0, returnNo)
                .map((r, m) -> 1)
                .one()
                .switchIfEmpty(reactor.core.publisher.Mono.error(
                        () -> new NotFound("export return " + returnNo + " does not exist")))
                .thenMany(messages.of(returnNo));
    }
}
