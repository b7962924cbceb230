package cn.cbecpilot.platform.bond;

import cn.cbecpilot.platform.catalog.Products;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.trace.RegisteringCodes;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Goods entering bond: the warehouse records a lot with the traceability codes scanned on its units, one per unit, or
 * without codes when it labels the units itself and the platform issues them. All or nothing: a refused lot writes no
 * lot and no code. The API ({@code POST /api/console/lots}) and the console's form both come here.
 */
@Service
class EnteringLots {

    static final String BATCH_NO = "[A-Za-z0-9-]{1,20}";
    static final int MAX_QUANTITY = 100_000;
    static final int MAX_CODE_LENGTH = 200;

    private final Lots lots;
    private final Products products;
    private final RegisteringCodes codes;
    private final TransactionalOperator tx;
    private final Clock clock;

    EnteringLots(Lots lots, Products products, RegisteringCodes codes, TransactionalOperator tx, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.codes = codes;
        this.tx = tx;
        this.clock = clock;
    }

    /** The lot entered with its codes in canonical form, or {@link InvalidInput} naming every field at fault. */
    Mono<LotEntered> enter(NewLot lot) {
        if (!lot.expiry().isAfter(LocalDate.now(clock))) {
            return Mono.error(InvalidInput.of("EXPIRED", "expiry", "goods that expire by today cannot enter bond"));
        }
        return products.find(lot.sku())
                .switchIfEmpty(Mono.error(() -> InvalidInput.of("UNKNOWN_PRODUCT", "sku", "no product " + lot.sku())))
                .flatMap(product -> lots.exists(lot.sku(), lot.batchNo())
                        .flatMap(dup -> dup
                                ? Mono.error(duplicateBatch(lot))
                                : codes.check(product, lot.batchNo(), lot.expiry(), lot.quantity(), lot.codes())))
                .flatMap(labels -> lots.enter(lot.sku(), lot.batchNo(), lot.expiry(), lot.quantity())
                        .flatMap(id -> codes.register(id, labels).map(registered -> new LotEntered(id, registered)))
                        .as(tx::transactional))
                .onErrorMap(DataIntegrityViolationException.class, e -> raced(lot, e));
    }

    private static InvalidInput duplicateBatch(NewLot lot) {
        return InvalidInput.of(
                "DUPLICATE", "batchNo", "batch " + lot.batchNo() + " of " + lot.sku() + " is already in bond");
    }

    /** Another request registered the same batch or codes between the check and the write; nothing was written. */
    private static InvalidInput raced(NewLot lot, DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("lot_sku_batch_no_key")
                ? duplicateBatch(lot)
                : InvalidInput.of("CODE_REGISTERED", "codes", "a code of the lot was registered at the same moment");
    }

    /** A lot as the API takes it; {@code codes} null when the units are to be labelled with codes issued here. */
    record NewLot(
            @NotBlank @Size(max = 32) String sku,
            @NotBlank @Pattern(regexp = BATCH_NO, message = "must be 1 to 20 letters, digits or -") String batchNo,
            @NotNull LocalDate expiry,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
            @Size(max = MAX_QUANTITY) List<@NotBlank @Size(max = MAX_CODE_LENGTH) String> codes) {}

    record LotEntered(long lotId, List<String> codes) {}
}
