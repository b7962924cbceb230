package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ReceiptHandler;
import cn.cbecpilot.ceb.message.MessageType;
import cn.cbecpilot.ceb.message.Receipt;
import cn.cbecpilot.ceb.xml.CebXmlException;
import cn.cbecpilot.platform.database.Columns;
import cn.cbecpilot.platform.database.Gathered;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes every receipt, from whichever source: stores it (once, by its identity) and hands it to the lifecycle that
 * accepts its type, in one commit where it can: a receipt pushed alone that only moves its order is kept by the
 * statement that moves it, the receipts of a message or gathered together are stored and applied in one transaction.
 * Whatever cannot be applied is still stored: a receipt whose declaration is not known yet stays stored and unapplied
 * (parked) and is retried by {@link ParkedReceipts}; one no lifecycle takes is kept on record only.
 */
@Component
class ReceiptRecording implements ReceiptHandler {

    private static final Logger log = LoggerFactory.getLogger(ReceiptRecording.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern STATUS = Pattern.compile("-?[0-9]{1,7}");

    /**
     * Stores a message's receipts, each once by guid; answers each as stored now or before. Guids and subjects are
     * compared as char(36): compared as text they would not use the (direction, guid) index. A message of one receipt
     * goes by {@link #STORE_ONE}: PostgreSQL keeps no plan of a statement over arrays that always hold one element (its
     * generic plan, costed for ten, loses to every plan made for one), so it would plan it again at every call.
     */
    static final String STORE = "with given as (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[],"
            + " $5::text[], $6::timestamptz[], $7::text[]) with ordinality"
            + " as g (guid, message_type, subject, return_status, return_info, return_time, xml, n)),"
            + " stored as (insert into customs_message (direction, guid, message_type, subject_no,"
            + " return_status, return_info, return_time, xml, at) select 'IN', g.guid, g.message_type,"
            + " coalesce((select o.subject_no from customs_message o where o.direction = 'OUT'"
            + " and o.guid = g.subject::bpchar), left(g.subject, 32)), g.return_status, g.return_info,"
            + " g.return_time, g.xml, $8 from given g order by g.n"
            + " on conflict (direction, guid) do nothing returning guid, applied, subject_no)"
            + " select guid, applied, subject_no from stored union all select m.guid, m.applied,"
            + " m.subject_no from customs_message m where m.direction = 'IN' and m.guid = any($1::bpchar[])"
            + " and not exists (select from stored s where s.guid = m.guid)";

    /** {@link #STORE} for one receipt. */
    static final String STORE_ONE = "with stored as (insert into customs_message (direction, guid, message_type,"
            + " subject_no, return_status, return_info, return_time, xml, at) values ('IN', $1, $2, coalesce((select"
            + " subject_no from customs_message where direction = 'OUT' and guid = $3), left($3, 32)), $4, $5, $6, $7,"
            + " $8) on conflict (direction, guid) do nothing returning guid, applied, subject_no)"
            + " select guid, applied, subject_no from stored union all select guid, applied, subject_no"
            + " from customs_message where direction = 'IN' and guid = $1 and not exists (select from stored)";

    /** Marks stored receipts applied, by guid. */
    static final String MARK =
            "update customs_message set applied = true where direction = 'IN' and guid = any($1::bpchar[])";

    /** {@link #MARK} for one receipt. */
    static final String MARK_ONE = "update customs_message set applied = true where direction = 'IN' and guid = $1";

    /**
     * How long a message's transaction waits for a row another transaction holds before it gives up, to be applied
     * receipt by receipt: while it waits it holds a pooled connection and the rows of every order it moved already, so
     * an order locked elsewhere must not hold up the message's other orders for longer.
     */
    static final String WAIT_FOR_ROWS = "set local lock_timeout = '500ms'";

    /** The gauge of receipts waiting to be {@linkplain GatheredReceipts gathered} into the next write. */
    static final String WAITING = "platform.customs.receipts.waiting";

    private final DatabaseClient db;
    private final List<ReceiptConsumer> consumers;
    private final TransactionalOperator tx;
    private final Clock clock;
    /**
     * Marks of receipts applied alone, written together a moment later (20 ms, well inside the second {@link
     * ParkedReceipts} leaves a new receipt alone), up to 500 to a write: a mark of its own would cost each receipt one
     * statement and one commit more. A receipt applied but not marked yet is safe to apply again (each is applied at
     * most once by guid), which is all that happens to it when its mark is lost, in a crash or a failed write: the
     * retry of parked receipts finds it unmarked, applies it again, changing nothing, and marks it.
     */
    private final Gathered<String> marks = new Gathered<>(
            Duration.ofMillis(20), 500, guids -> markApplied(guids).onErrorResume(e -> {
                log.warn("Receipts applied but not marked, they will be retried as parked: {}", e.toString());
                return Mono.empty();
            }));

    private final GatheredReceipts gathered = new GatheredReceipts(this::handleGathered, this::handleOne);

    ReceiptRecording(
            DatabaseClient db,
            List<ReceiptConsumer> consumers,
            TransactionalOperator tx,
            Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.consumers = consumers;
        this.clock = clock;
        Gauge.builder(WAITING, gathered, GatheredReceipts::waiting)
                .description("Receipts pushed one to a message waiting for the write under way, to be written together")
                .register(meters);
    }

    @Override
    public Mono<Void> handle(Receipt receipt) {
        return handleAll(List.of(receipt)).then();
    }

    /**
     * A message of one receipt, as the single window pushes most, is handled together with the others of one receipt
     * arriving meanwhile ({@link GatheredReceipts}), as if they were one message's; a message of several by itself.
     */
    @Override
    public Flux<Receipt> handleAll(List<Receipt> receipts) {
        return (receipts.size() == 1 ? gathered.handle(receipts.get(0)) : handleMessage(receipts))
                .thenMany(Flux.fromIterable(receipts));
    }

    /**
     * A message of one receipt (pushed alone, or handled alone after its gathered write failed): kept by the
     * statement of its lifecycle that moves its subject, when that is all it does ({@link
     * ReceiptConsumer#applyAndKeep}); else, or when that statement fails, handled as a message.
     */
    private Mono<Void> handleOne(List<Receipt> receipts) {
        if (receipts.size() != 1) {
            return handleMessage(receipts);
        }
        return converted(receipts)
                .flatMap(converted -> {
                    CustomsReceipt receipt = converted.get(0);
                    return Flux.fromIterable(consumers)
                            .filter(c -> c.accepts(receipt))
                            .next()
                            .flatMap(c -> c.applyAndKeep(receipt))
                            .onErrorResume(e -> {
                                log.debug("Receipt {} is stored, then applied: {}", receipt.guid(), e.toString());
                                return Mono.just(false);
                            });
                })
                .defaultIfEmpty(false)
                .flatMap(kept -> kept ? Mono.<Void>empty() : handleMessage(receipts));
    }

    /**
     * Stores the message's receipts and applies those still to be applied. One receipt is stored, then applied as
     * its lifecycle applies a receipt alone ({@link ReceiptConsumer#apply}) and marked a moment after, with the others
     * applied alone meanwhile ({@link #marks}): kept even when it cannot be applied. Several are stored, applied and
     * marked in one transaction, in document order ({@link #storedAndApplied}); when that fails (an order changed
     * meanwhile, a receipt that must not hold its rows that long, a deadlock with another message), rolled back,
     * stored by themselves and applied one by one, each declaration's in document order, and marked in one write after
     * the last. A crash before a mark leaves applied receipts unmarked: they are retried as parked and change nothing
     * the second time (each is applied at most once by guid).
     */
    private Mono<Void> handleMessage(List<Receipt> receipts) {
        return converted(receipts)
                .flatMap(converted -> converted.size() == 1
                        ? storeAll(converted)
                                .flatMap(pending -> pending.isEmpty()
                                        ? Mono.<Void>empty()
                                        : applyAlone(pending.values().iterator().next()))
                        : storedAndApplied(converted).onErrorResume(e -> {
                            log.debug(
                                    "The {} receipts of message {} are applied one by one: {}",
                                    converted.size(),
                                    receipts.get(0).messageGuid(),
                                    e.toString());
                            return storeAll(converted).flatMap(pending -> applyEach(receipts, converted, pending));
                        }));
    }

    /**
     * Receipts of messages of one, gathered: stored and applied together or not at all ({@link #storedAndApplied}),
     * since {@link GatheredReceipts} then handles each again alone, and answers each pusher when its own receipt is
     * done.
     */
    private Mono<Void> handleGathered(List<Receipt> receipts) {
        return converted(receipts).flatMap(this::storedAndApplied);
    }

    /** The receipts as the platform keeps them; an error, before anything is stored, when one is not readable. */
    private static Mono<List<CustomsReceipt>> converted(List<Receipt> receipts) {
        return Mono.fromCallable(() -> requireReadable(receipts).stream()
                .map(ReceiptRecording::toPlatform)
                .toList());
    }

    /**
     * The receipts stored, and those still to be applied applied and marked, in one transaction and one commit:
     * failing, nothing of them is stored.
     */
    private Mono<Void> storedAndApplied(List<CustomsReceipt> converted) {
        return db.sql(WAIT_FOR_ROWS)
                .then()
                .then(storeAll(converted))
                .flatMap(pending -> pending.isEmpty() ? Mono.<Void>empty() : applyTogether(converted, pending))
                .as(tx::transactional);
    }

    /** Applies and marks the pending receipts in the caller's transaction, each by the lifecycle that takes it. */
    private Mono<Void> applyTogether(List<CustomsReceipt> converted, Map<String, CustomsReceipt> pending) {
        Map<ReceiptConsumer, List<CustomsReceipt>> byConsumer = new LinkedHashMap<>();
        List<String> keptOnly = new ArrayList<>();
        converted.stream()
                .map(r -> pending.get(r.guid()))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(r -> consumers.stream()
                        .filter(c -> c.accepts(r))
                        .findFirst()
                        .ifPresentOrElse(
                                c -> byConsumer
                                        .computeIfAbsent(c, k -> new ArrayList<>())
                                        .add(r),
                                () -> keptOnly.add(r.guid())));
        return Flux.fromIterable(byConsumer.entrySet())
                .concatMap(e -> e.getKey().applyTogether(e.getValue()))
                .map(CustomsReceipt::guid)
                .collectList()
                .flatMap(known -> {
                    Set<String> applied = Set.copyOf(known);
                    byConsumer.values().stream()
                            .flatMap(List::stream)
                            .filter(r -> !applied.contains(r.guid()))
                            .forEach(ReceiptRecording::logParked);
                    List<String> marked = new ArrayList<>(keptOnly);
                    marked.addAll(known);
                    return markApplied(marked);
                });
    }

    private Mono<Void> applyEach(
            List<Receipt> receipts, List<CustomsReceipt> converted, Map<String, CustomsReceipt> pending) {
        Map<String, CustomsReceipt> left = new ConcurrentHashMap<>(pending);
        Queue<String> applied = new ConcurrentLinkedQueue<>();
        return ReceiptHandler.inDeclarationOrder(
                        IntStream.range(0, receipts.size()).boxed().toList(),
                        i -> receipts.get(i).copNo().orElse(""),
                        i -> applyPending(left.remove(converted.get(i).guid()), applied))
                .then(Mono.defer(() -> markApplied(List.copyOf(applied))));
    }

    private Mono<Void> applyPending(CustomsReceipt receipt, Queue<String> applied) {
        return receipt == null
                ? Mono.empty()
                : applyOnly(receipt)
                        .doOnNext(done -> {
                            if (done) {
                                applied.add(receipt.guid());
                            }
                        })
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
        return applyOnly(receipt)
                .flatMap(applied ->
                        applied ? markApplied(List.of(receipt.guid())).thenReturn(true) : Mono.just(false));
    }

    /** Applies the receipt of a message of one; its mark is written with those of others applied meanwhile. */
    private Mono<Void> applyAlone(CustomsReceipt receipt) {
        return applyOnly(receipt)
                .doOnNext(applied -> {
                    if (applied) {
                        marks.add(receipt.guid());
                    }
                })
                .then();
    }

    /** Hands the receipt to the lifecycle that takes it; {@code false} when it is to stay parked, without marking it. */
    private Mono<Boolean> applyOnly(CustomsReceipt receipt) {
        return applied(receipt, ReceiptConsumer::apply);
    }

    private Mono<Boolean> applied(
            CustomsReceipt receipt, BiFunction<ReceiptConsumer, CustomsReceipt, Mono<Boolean>> how) {
        return Flux.fromIterable(consumers)
                .filter(c -> c.accepts(receipt))
                .next()
                .flatMap(c -> how.apply(c, receipt))
                .defaultIfEmpty(true)
                .flatMap(applied -> applied ? Mono.just(true) : parked(receipt));
    }

    /**
     * Stores each receipt once, in one round trip; answers, by guid, those still to be applied, with the subject as
     * stored: the row as inserted now, or as an earlier delivery of the same guid stored it.
     */
    private Mono<Map<String, CustomsReceipt>> storeAll(List<CustomsReceipt> receipts) {
        Map<String, CustomsReceipt> byGuid = new HashMap<>();
        receipts.forEach(r -> byGuid.putIfAbsent(r.guid(), r));
        CustomsReceipt one = receipts.get(0);
        DatabaseClient.GenericExecuteSpec statement = receipts.size() == 1
                ? db.sql(STORE_ONE)
                        .bind(0, one.guid())
                        .bind(1, one.messageType())
                        .bind(2, one.subjectNo())
                        .bind(3, one.returnStatus())
                        .bind(4, KeptReceipts.info(one))
                        .bind(5, one.returnTime())
                        .bind(6, one.xml())
                : db.sql(STORE)
                        .bind(0, Columns.texts(receipts, CustomsReceipt::guid))
                        .bind(1, Columns.texts(receipts, CustomsReceipt::messageType))
                        .bind(2, Columns.texts(receipts, CustomsReceipt::subjectNo))
                        .bind(3, Columns.texts(receipts, CustomsReceipt::returnStatus))
                        .bind(4, Columns.texts(receipts, KeptReceipts::info))
                        .bind(5, Columns.texts(receipts, r -> r.returnTime().toString()))
                        .bind(6, Columns.texts(receipts, CustomsReceipt::xml));
        return statement
                .bind(7, clock.instant())
                .map((row, meta) -> new Stored(
                        row.get("guid", String.class),
                        Boolean.TRUE.equals(row.get("applied", Boolean.class)),
                        row.get("subject_no", String.class)))
                .all()
                .filter(stored -> !stored.applied())
                .collectMap(Stored::guid, stored -> {
                    CustomsReceipt r = byGuid.get(stored.guid());
                    return new CustomsReceipt(
                            r.messageType(),
                            r.guid(),
                            stored.subjectNo(),
                            r.returnStatus(),
                            r.returnInfo(),
                            r.returnTime(),
                            r.xml());
                });
    }

    private Mono<Void> markApplied(List<String> guids) {
        if (guids.isEmpty()) {
            return Mono.empty();
        }
        DatabaseClient.GenericExecuteSpec statement = guids.size() == 1
                ? db.sql(MARK_ONE).bind(0, guids.get(0))
                : db.sql(MARK).bind(0, guids.toArray(String[]::new));
        return statement.fetch().rowsUpdated().then();
    }

    private record Stored(String guid, boolean applied, String subjectNo) {}

    private static Mono<Boolean> parked(CustomsReceipt r) {
        logParked(r);
        return Mono.just(false);
    }

    private static void logParked(CustomsReceipt r) {
        log.info(
                "Receipt {} {} for unknown {} parked until its declaration is known",
                r.messageType(),
                r.returnStatus(),
                r.subjectNo());
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
