package cn.cbecpilot.platform.bond;

import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.trace.RegisteringCodes;
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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Goods entering bond: the warehouse records a lot with the traceability codes scanned on its units, one per unit, or
 * without codes when it labels the units itself and the platform issues them. All or nothing: a refused lot writes no
 * lot and no code.
 */
@RestController
@RequestMapping("/api/console/lots")
class ConsoleLotController {

    private final Lots lots;
    private final Products products;
    private final RegisteringCodes codes;
    private final TransactionalOperator tx;
    private final Clock clock;

    ConsoleLotController(Lots lots, Products products, RegisteringCodes codes, TransactionalOperator tx, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.codes = codes;
        this.tx = tx;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LotEntered> enter(@Valid @RequestBody NewLot body) {
        if (!body.expiry().isAfter(LocalDate.now(clock))) {
            return Mono.error(InvalidInput.of("EXPIRED", "expiry", "goods that expire by today cannot enter bond"));
        }
        return products.find(body.sku())
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("UNKNOWN_PRODUCT", "sku", "no product " + body.sku())))
                .flatMap(product -> lots.exists(body.sku(), body.batchNo())
                        .flatMap(dup -> dup
                                ? Mono.error(duplicateBatch(body))
                                : codes.check(product, body.batchNo(), body.expiry(), body.quantity(), body.codes())))
                .flatMap(labels -> lots.enter(body.sku(), body.batchNo(), body.expiry(), body.quantity())
                        .flatMap(id -> codes.register(id, labels).map(registered -> new LotEntered(id, registered)))
                        .as(tx::transactional))
                .onErrorMap(DataIntegrityViolationException.class, e -> raced(body, e));
    }

    private static InvalidInput duplicateBatch(NewLot body) {
        return InvalidInput.of(
                "DUPLICATE", "batchNo", "batch " + body.batchNo() + " of " + body.sku() + " is already in bond");
    }

    /** Another request registered the same batch or codes between the check and the write; nothing was written. */
    private static InvalidInput raced(NewLot body, DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("lot_sku_batch_no_key")
                ? duplicateBatch(body)
                : InvalidInput.of("CODE_REGISTERED", "codes", "a code of the lot was registered at the same moment");
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
