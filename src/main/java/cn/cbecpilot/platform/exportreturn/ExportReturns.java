package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ReturnStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Export returns, their lines, codes and timelines, in PostgreSQL. Writes join the caller's transaction. */
@Repository
class ExportReturns {

    private final DatabaseClient db;

    ExportReturns(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> nextNumber() {
        return db.sql("select nextval('export_return_no_seq')")
                .map((r, m) -> r.get(0, Long.class))
                .one();
    }

    Mono<ExportReturnRow> find(String returnNo) {
        return db.sql("select " + ExportReturnRow.COLUMNS + " from export_return where return_no = $1")
                .bind(0, returnNo)
                .map(ExportReturnRow::from)
                .one();
    }

    /** The return a console form with this key applied for, if it did. */
    Mono<ExportReturnRow> submittedWith(String submissionKey) {
        return db.sql("select " + ExportReturnRow.COLUMNS + " from export_return where submission_key = $1")
                .bind(0, submissionKey)
                .map(ExportReturnRow::from)
                .one();
    }

    Flux<ExportReturnApi.ReturnSummary> all() {
        return db.sql("select return_no, status, tax_exempt, applied_on, arrival_deadline from export_return"
                        + " order by created_at desc, return_no desc limit 500")
                .map((r, m) -> new ExportReturnApi.ReturnSummary(
                        r.get("return_no", String.class),
                        ReturnStatus.valueOf(r.get("status", String.class)),
                        r.get("tax_exempt", Boolean.class),
                        r.get("applied_on", LocalDate.class),
                        r.get("arrival_deadline", LocalDate.class)))
                .all();
    }

    Mono<List<ReturnLineRow>> lines(String returnNo) {
        Mono<Map<Integer, List<String>>> codes = db.sql(
                        "select line_no, code from export_return_code where return_no = $1 order by line_no, code")
                .bind(0, returnNo)
                .map((r, m) -> Map.entry(r.get("line_no", Integer.class), r.get("code", String.class)))
                .all()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return codes.flatMap(byLine -> db.sql("select l.*, e.released_on, e.rebate_claimed from export_return_line l"
                        + " join export_list e using (export_list_no) where l.return_no = $1 order by l.line_no")
                .bind(0, returnNo)
                .map((r, m) -> new ReturnLineRow(
                        r.get("line_no", Integer.class),
                        r.get("export_list_no", String.class),
                        r.get("gnum", Integer.class),
                        r.get("gcode", String.class),
                        r.get("name", String.class),
                        r.get("quantity", Integer.class),
                        r.get("tallied_quantity", Integer.class),
                        r.get("tax_exempt", Boolean.class),
                        r.get("released_on", LocalDate.class),
                        r.get("rebate_claimed", Boolean.class),
                        byLine.getOrDefault(r.get("line_no", Integer.class), List.of())))
                .all()
                .collectList());
    }

    Flux<ExportReturnApi.History> history(String returnNo) {
        return db.sql("select from_status, to_status, event, at from export_return_history where return_no = $1"
                        + " order by id")
                .bind(0, returnNo)
                .map((r, m) -> new ExportReturnApi.History(
                        status(r.get("from_status", String.class)),
                        ReturnStatus.valueOf(r.get("to_status", String.class)),
                        r.get("event", String.class),
                        r.get("at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Codes on returns that still hold their units, among those given. */
    Mono<List<String>> codesOnReturns(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("select c.code from export_return_code c join export_return r using (return_no)"
                        + " where r.status not in ('REJECTED', 'EXPIRED') and c.code = any($1)")
                .bind(0, codes.toArray(String[]::new))
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collectList();
    }

    Mono<Void> insert(NewReturn r) {
        var head = db.sql("insert into export_return (return_no, status, requested_disposition, tax_exempt, applied_on,"
                        + " arrival_deadline, reason, logistics_no, bill_no, traf_mode, traf_name, voyage_no,"
                        + " created_at, updated_at, submission_key)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)")
                .bind(0, r.returnNo())
                .bind(1, ReturnStatus.DRAFT.name());
        head = r.requestedDisposition() == null
                ? head.bindNull(2, String.class)
                : head.bind(2, r.requestedDisposition().name());
        head = head.bind(3, r.taxExempt())
                .bind(4, r.appliedOn())
                .bind(5, r.arrivalDeadline())
                .bind(6, r.reason());
        head = nullable(head, 7, r.transport() == null ? null : r.transport().logisticsNo());
        head = nullable(head, 8, r.transport() == null ? null : r.transport().billNo());
        head = nullable(head, 9, r.transport() == null ? null : r.transport().trafMode());
        head = nullable(head, 10, r.transport() == null ? null : r.transport().trafName());
        head = nullable(head, 11, r.transport() == null ? null : r.transport().voyageNo());
        head = head.bind(12, utc(r.at()));
        head = nullable(head, 13, r.submissionKey());
        return head.then()
                .thenMany(Flux.fromIterable(r.lines()).concatMap(l -> insertLine(r.returnNo(), l)))
                .then();
    }

    private Mono<Void> insertLine(String returnNo, NewReturn.Line l) {
        Mono<Void> line = db.sql(
                        "insert into export_return_line (return_no, line_no, export_list_no, gnum, gcode, name,"
                                + " model, unit, quantity, tax_exempt) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .bind(0, returnNo)
                .bind(1, l.lineNo())
                .bind(2, l.exportListNo())
                .bind(3, l.gnum())
                .bind(4, l.gcode())
                .bind(5, l.name())
                .bind(6, l.model())
                .bind(7, l.unit())
                .bind(8, l.quantity())
                .bind(9, l.taxExempt())
                .then();
        return line.thenMany(Flux.fromIterable(l.codes()).concatMap(code -> db.sql(
                                "insert into export_return_code (return_no, line_no, code) values ($1, $2, $3)")
                        .bind(0, returnNo)
                        .bind(1, l.lineNo())
                        .bind(2, code)
                        .then()))
                .then();
    }

    /**
     * Moves a return from one state to another if it is still in the first and at the version read; answers whether
     * it did, so that of two concurrent events on one return exactly one wins.
     */
    Mono<Boolean> changeStatus(String returnNo, ReturnStatus from, int version, ReturnStatus to, Instant at) {
        return db.sql("update export_return set status = $4, version = version + 1, updated_at = $5"
                        + " where return_no = $1 and status = $2 and version = $3")
                .bind(0, returnNo)
                .bind(1, from.name())
                .bind(2, version)
                .bind(3, to.name())
                .bind(4, utc(at))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Mono<Void> appendHistory(
            String returnNo, ReturnStatus from, ReturnStatus to, String event, Instant at, String detail) {
        var spec = db.sql("insert into export_return_history (return_no, from_status, to_status, event, at, detail)"
                        + " values ($1, $2, $3, $4, $5, $6)")
                .bind(0, returnNo);
        spec = from == null ? spec.bindNull(1, String.class) : spec.bind(1, from.name());
        spec = spec.bind(2, to.name()).bind(3, event).bind(4, utc(at));
        spec = detail == null ? spec.bindNull(5, String.class) : spec.bind(5, detail);
        return spec.then();
    }

    /** Records the tally: the arrival day, what arrived per line and whether each line stays tax-exempt. */
    Mono<Void> recordArrival(
            String returnNo,
            LocalDate arrivedOn,
            boolean taxExempt,
            String location,
            Map<Integer, Integer> arrived,
            Map<Integer, Boolean> lineExempt) {
        var head = db.sql(
                        "update export_return set arrived_on = $2, tax_exempt = $3, location = $4 where return_no = $1")
                .bind(0, returnNo)
                .bind(1, arrivedOn)
                .bind(2, taxExempt);
        head = nullable(head, 3, location);
        Flux<Long> lines = Flux.fromIterable(lineExempt.entrySet())
                .concatMap(e -> db.sql("update export_return_line set tallied_quantity = $3, tax_exempt = $4"
                                + " where return_no = $1 and line_no = $2")
                        .bind(0, returnNo)
                        .bind(1, e.getKey())
                        .bind(2, arrived.getOrDefault(e.getKey(), 0))
                        .bind(3, e.getValue())
                        .fetch()
                        .rowsUpdated());
        return head.then().thenMany(lines).then();
    }

    Mono<Void> recordSiteOperator(String returnNo, String code, String name) {
        return db.sql("update export_return set operator_code = $2, operator_name = $3 where return_no = $1")
                .bind(0, returnNo)
                .bind(1, code)
                .bind(2, name)
                .then();
    }

    /** A rejected return's corrections, before it is declared again; null fields stay as they were. */
    Mono<Void> correct(String returnNo, String reason, ExportReturnApi.Transport t) {
        var spec = db.sql("update export_return set reason = coalesce($2, reason), logistics_no = coalesce($3,"
                        + " logistics_no), bill_no = coalesce($4, bill_no), traf_mode = coalesce($5, traf_mode),"
                        + " traf_name = coalesce($6, traf_name), voyage_no = coalesce($7, voyage_no)"
                        + " where return_no = $1")
                .bind(0, returnNo);
        spec = nullable(spec, 1, reason == null || reason.isBlank() ? null : reason.strip());
        spec = nullable(spec, 2, t == null ? null : t.logisticsNo());
        spec = nullable(spec, 3, t == null ? null : t.billNo());
        spec = nullable(spec, 4, t == null ? null : t.trafMode());
        spec = nullable(spec, 5, t == null ? null : t.trafName());
        spec = nullable(spec, 6, t == null ? null : t.voyageNo());
        return spec.then();
    }

    Mono<Void> markTallied(String returnNo, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("update export_return_code set tallied = true where return_no = $1 and code = any($2)")
                .bind(0, returnNo)
                .bind(1, codes.toArray(String[]::new))
                .then();
    }

    Mono<Void> recordDisposition(String returnNo, String disposition, String reentryBasis) {
        var spec = db.sql("update export_return set disposition = $2, reentry_basis = $3 where return_no = $1")
                .bind(0, returnNo)
                .bind(1, disposition);
        return nullable(spec, 2, reentryBasis).then();
    }

    /** Records a receipt as applied; answers false when its guid was applied before. */
    Mono<Boolean> recordReceipt(String guid, String returnNo, String type, String status, Instant time, Instant at) {
        return db.sql("insert into export_return_receipt (guid, return_no, message_type, return_status, return_time,"
                        + " applied_at) values ($1, $2, $3, $4, $5, $6) on conflict (guid) do nothing")
                .bind(0, guid)
                .bind(1, returnNo)
                .bind(2, type)
                .bind(3, status)
                .bind(4, utc(time))
                .bind(5, utc(at))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /** Whether a release (800) came before the tally and waits for it; marks it applied if so. */
    Mono<Boolean> takePendingRelease(String returnNo) {
        return db.sql("update export_return_receipt set applied = true where return_no = $1 and not applied"
                        + " and return_status = '800'")
                .bind(0, returnNo)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    Mono<Void> keepPending(String guid) {
        return db.sql("update export_return_receipt set applied = false where guid = $1")
                .bind(0, guid)
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, int index, String value) {
        return value == null ? spec.bindNull(index, String.class) : spec.bind(index, value);
    }

    private static ReturnStatus status(String name) {
        return name == null ? null : ReturnStatus.valueOf(name);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
