package cn.cbecpilot.platform.bond;

import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.shared.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Goods entering bond: the warehouse records a lot, with the traceability codes scanned on its units. */
@RestController
@RequestMapping("/api/console/lots")
class ConsoleLotController {

    private final Lots lots;
    private final Products products;
    private final TransactionalOperator tx;
    private final Clock clock;

    ConsoleLotController(Lots lots, Products products, TransactionalOperator tx, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.tx = tx;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LotEntered> enter(@Valid @RequestBody NewLot body) {
        if (!body.expiry().isAfter(LocalDate.now(clock))) {
            return Mono.error(InvalidInput.of("EXPIRED", "expiry", "goods that expire by today cannot enter bond"));
        }
        return products.exists(body.sku())
                .flatMap(known -> known
                        ? lots.exists(body.sku(), body.batchNo())
                        : Mono.error(InvalidInput.of("UNKNOWN_PRODUCT", "sku", "no product " + body.sku())))
                .flatMap(dup -> dup
                        ? Mono.error(InvalidInput.of(
                                "DUPLICATE",
                                "batchNo",
                                "batch " + body.batchNo() + " of " + body.sku() + " is already in bond"))
                        : lots.enter(body.sku(), body.batchNo(), body.expiry(), body.quantity())
                                .as(tx::transactional))
                .map(id -> new LotEntered(id, List.of()));
    }

    record NewLot(
            @NotBlank @Size(max = 32) String sku,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "must be 1 to 20 letters, digits or -")
                    String batchNo,
            @NotNull LocalDate expiry,
            @NotNull @Min(1) @Max(100000) Integer quantity,
            @Size(max = 100000) List<@NotBlank @Size(max = 200) String> codes) {}

    record LotEntered(long lotId, List<String> codes) {}
}
