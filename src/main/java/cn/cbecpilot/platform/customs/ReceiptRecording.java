package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ReceiptHandler;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes every receipt, from whichever source: stores it first (once, by its identity), then hands it to the lifecycle
 * that accepts its type. A receipt whose declaration is not known yet stays stored and unapplied (parked) and is
 * retried by {@link ParkedReceipts}; one no lifecycle takes is kept on record only.
 */
@Component
class ReceiptRecording implements ReceiptHandler {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecording.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern STATUS = Pattern.compile("-?[0-9]{1,7}");

    private final DatabaseClient db;
    private final List<ReceiptConsumer> consumers;
    private final Clock clock;

    ReceiptRecording(DatabaseClient db, List<ReceiptConsumer> consumers, Clock clock) {
        this.db = db;
        this.consumers = consumers;
        this.clock = clock;
    }

    @Override
    public Mono<Void> handle(Receipt receipt) {
        return Mono.fromCallable(
                        () -> toPlatform(requireReadable(List.of(receipt)).get(0)))
                .flatMap(this::store)
                .flatMap(this::apply)
                .then();
    }

    /**
     * What the schema lets through but no lifecycle could read: a status that is not a customs status code. Such a
     * receipt is refused as a whole, like a malformed one, before anything of it is stored.
     */
    static List<Receipt> requireReadable(List<Receipt> receipts) {
        for (Receipt r : receipts) {
            if (!STATUS.matcher(r.returnStatus()).matches()) {
                throw CebXmlException.of(
                        CebXmlException.Kind.SCHEMA_VIOLATION,
                        "returnStatus '" + r.returnStatus() + "' is not a customs status code");
            }
        }
        return receipts;
    }

    /** Applies a stored receipt; {@code true} once it is applied (or no lifecycle takes it), else it stays parked. */
    Mono<Boolean> apply(CustomsReceipt receipt) {
        return Flux.fromIterable(consumers)
                .filter(c -> c.accepts(receipt))
                .next()
                .flatMap(c -> c.apply(receipt))
                .defaultIfEmpty(true)
                .flatMap(applied -> applied ? markApplied(receipt.guid()).thenReturn(true) : parked(receipt));
    }

    /** Stores the receipt once; emits it, with the subject as stored, while it is still to be applied. */
    private Mono<CustomsReceipt> store(CustomsReceipt r) {
        // one round trip: the row as inserted now, or as a delivery of the same guid stored it before
        return db.sql(
                        "with stored as (insert into customs_message (direction, guid, message_type, subject_no,"
                                + " return_status, return_info, return_time, xml, at) values ('IN', $1, $2, coalesce((select"
                                + " subject_no from customs_message where direction = 'OUT' and guid = $3), left($3, 32)), $4,"
                                + " $5, $6, $7, $8) on conflict (direction, guid) do nothing returning applied, subject_no)"
                                + " select applied, subject_no from stored union all select applied, subject_no"
                                + " from customs_message where direction = 'IN' and guid = $1 and not exists (select from stored)")
                .bind(0, r.guid())
                .bind(1, r.messageType())
                .bind(2, r.subjectNo())
                .bind(3, r.returnStatus())
                .bind(4, r.returnInfo().length() > 1000 ? r.returnInfo().substring(0, 1000) : r.returnInfo())
                .bind(5, r.returnTime())
                .bind(6, r.xml())
                .bind(7, clock.instant())
                .map((row, meta) -> Boolean.TRUE.equals(row.get("applied", Boolean.class))
                        ? null
                        : new CustomsReceipt(
                                r.messageType(),
                                r.guid(),
                                row.get("subject_no", String.class),
                                r.returnStatus(),
                                r.returnInfo(),
                                r.returnTime(),
                                r.xml()))
                .one();
    }

    private Mono<Void> markApplied(String guid) {
        return db.sql("update customs_message set applied = true where direction = 'IN' and guid = $1")
                .bind(0, guid)
                .fetch()
                .rowsUpdated()
                .then();
    }

    private record Stored(boolean applied, String subjectNo) {}

    private static Mono<Boolean> parked(CustomsReceipt r) {
        log.info(
                "Receipt {} {} for unknown {} parked until its declaration is known",
                r.messageType(),
                r.returnStatus(),
                r.subjectNo());
        return Mono.just(false);
    }

    /**
     * Which declaration a receipt answers: the copNo (coElNo on 214/216); the orderNo on the order, payment and
     * waybill receipts, which carry no copNo; else the guid of the request it answers (a 900 names it oriCopMsgId),
     * which {@link #store} turns into the subject of that request. A tax bill (816) carries the guid of the list it
     * taxes and no copNo, so it goes by that guid first, and by its invtNo when the list is not on record here.
     */
    private static String subjectOf(Receipt r) {
        if (r.messageType() == MessageType.CEB816) {
            return r.guid();
        }
        return r.copNo()
                .or(() -> r.field("orderNo"))
                .or(r::invtNo)
                .or(() -> r.field("oriCopMsgId"))
                .orElse(r.guid());
    }

    /**
     * The receipt's identity: one receipt message may answer several requests and one request gets several receipts
     * (120, then 800), so neither guid alone identifies it; the same receipt delivered again maps to the same id.
     */
    static CustomsReceipt toPlatform(Receipt r) {
        String subject = subjectOf(r);
        String identity = r.messageGuid() + "|" + r.guid() + "|" + subject + "|" + r.returnStatus();
        String id = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8))
                .toString()
                .toUpperCase(Locale.ROOT);
        return new CustomsReceipt(
                r.messageType().name(),
                id,
                subject,
                r.returnStatus(),
                r.returnInfo(),
                r.returnTime().atZone(BEIJING).toInstant(),
                r.xml());
    }
}
