package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ExportedLine;
import cn.cbecpilot.platform.exportreturn.domain.ExportedList;
import cn.cbecpilot.platform.exportreturn.domain.ImportedList;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Export lists, their lines and codes, and the units of each line already taken by returns. */
@Repository
class ExportLists {

    private final DatabaseClient db;

    ExportLists(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(ImportedList l, Instant at) {
        var head = db.sql("insert into export_list (export_list_no, trade_mode, customs_code, port_code, ebp_code,"
                        + " ebc_code, logistics_code, country, declared_on, released_on, rebate_claimed, imported_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .bind(0, l.exportListNo())
                .bind(1, l.tradeMode())
                .bind(2, l.customsCode())
                .bind(3, l.portCode())
                .bind(4, l.ebpCode())
                .bind(5, l.ebcCode())
                .bind(6, l.logisticsCode())
                .bind(7, l.country())
                .bind(8, l.declaredOn());
        head = l.releasedOn() == null ? head.bindNull(9, LocalDate.class) : head.bind(9, l.releasedOn());
        Mono<Void> lines = Flux.fromIterable(l.lines())
                .concatMap(line -> db.sql("insert into export_list_line (export_list_no, gnum, gcode, name, model,"
                                + " quantity, unit, legal_quantity, legal_unit) values ($1, $2, $3, $4, $5, $6, $7,"
                                + " coalesce($8::numeric, $6), coalesce($9::varchar, $7))")
                        .bind(0, l.exportListNo())
                        .bind(1, line.gnum())
                        .bind(2, line.gcode())
                        .bind(3, line.name())
                        .bind(4, line.model())
                        .bind(5, line.quantity())
                        .bind(6, line.unit())
                        .bind(7, Parameters.in(R2dbcType.NUMERIC, line.legalQuantity()))
                        .bind(8, Parameters.in(R2dbcType.VARCHAR, line.legalUnit()))
                        .then()
                        .thenMany(Flux.fromIterable(line.codes())
                                .concatMap(code -> db.sql("insert into export_list_code (export_list_no, gnum, code)"
                                                + " values ($1, $2, $3)")
                                        .bind(0, l.exportListNo())
                                        .bind(1, line.gnum())
                                        .bind(2, code)
                                        .then())))
                .then();
        return head.bind(10, l.rebateClaimed())
                .bind(11, at.atOffset(ZoneOffset.UTC))
                .then()
                .then(lines);
    }

    Mono<Boolean> exists(String exportListNo) {
        return db.sql("select 1 from export_list where export_list_no = $1")
                .bind(0, exportListNo)
                .map((r, m) -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Every list with its lines, newest release first; for the console. */
    Mono<List<ExportReturnApi.ExportListView>> all() {
        Mono<Map<String, List<ExportReturnApi.ExportListLineView>>> lines = db.sql(
                        "select export_list_no, gnum, gcode, name, quantity, unit, returned_quantity"
                                + " from export_list_line order by export_list_no, gnum")
                .map((r, m) -> Map.entry(
                        r.get("export_list_no", String.class),
                        new ExportReturnApi.ExportListLineView(
                                r.get("gnum", Integer.class),
                                r.get("gcode", String.class),
                                r.get("name", String.class),
                                r.get("quantity", Integer.class),
                                r.get("unit", String.class),
                                r.get("returned_quantity", Integer.class))))
                .all()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return lines.flatMap(byList -> db.sql("select export_list_no, trade_mode, declared_on, released_on,"
                        + " rebate_claimed from export_list order by released_on desc nulls first, export_list_no")
                .map((r, m) -> new ExportReturnApi.ExportListView(
                        r.get("export_list_no", String.class),
                        r.get("trade_mode", String.class),
                        r.get("declared_on", LocalDate.class),
                        r.get("released_on", LocalDate.class),
                        r.get("rebate_claimed", Boolean.class),
                        byList.getOrDefault(r.get("export_list_no", String.class), List.of())))
                .all()
                .collectList());
    }

    /**
     * The named lists as they stand, their lines locked until the surrounding transaction ends (in list and line order,
     * so two applications never deadlock). Lists that do not exist are absent from the answer.
     */
    Mono<Map<String, ExportedList>> lockAndRead(Collection<String> listNos) {
        String[] nos = new HashSet<>(listNos).toArray(String[]::new);
        Mono<List<Map.Entry<String, ExportedLine>>> lines = db.sql("select * from export_list_line"
                        + " where export_list_no = any($1) order by export_list_no, gnum for update")
                .bind(0, nos)
                .map((r, m) -> Map.entry(r.get("export_list_no", String.class), line(r, Set.of())))
                .all()
                .collectList();
        Mono<Map<String, Set<String>>> codes = db.sql(
                        "select export_list_no, gnum, code from export_list_code where export_list_no = any($1)")
                .bind(0, nos)
                .map((r, m) -> Map.entry(
                        r.get("export_list_no", String.class) + "#" + r.get("gnum", Integer.class),
                        r.get("code", String.class)))
                .all()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        Mono<List<Head>> heads = db.sql("select export_list_no, trade_mode, released_on, rebate_claimed"
                        + " from export_list where export_list_no = any($1)")
                .bind(0, nos)
                .map((r, m) -> new Head(
                        r.get("export_list_no", String.class),
                        r.get("trade_mode", String.class),
                        r.get("released_on", LocalDate.class),
                        r.get("rebate_claimed", Boolean.class)))
                .all()
                .collectList();
        return lines.flatMap(l -> Mono.zip(codes, heads).map(t -> assemble(l, t.getT1(), t.getT2())));
    }

    /** Takes units of a line for a return if they are still there; answers whether it did. */
    Mono<Boolean> take(String exportListNo, int gnum, int quantity) {
        return db.sql("update export_list_line set returned_quantity = returned_quantity + $3"
                        + " where export_list_no = $1 and gnum = $2 and returned_quantity + $3 <= quantity")
                .bind(0, exportListNo)
                .bind(1, gnum)
                .bind(2, quantity)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    Mono<Void> giveBack(String exportListNo, int gnum, int quantity) {
        return db.sql("update export_list_line set returned_quantity = greatest(returned_quantity - $3, 0)"
                        + " where export_list_no = $1 and gnum = $2")
                .bind(0, exportListNo)
                .bind(1, gnum)
                .bind(2, quantity)
                .then();
    }

    /** Gives back every unit a rejected or expired return held: those tallied, or those declared before a tally. */
    Mono<Void> giveBackReturn(String returnNo) {
        return db.sql("update export_list_line e set returned_quantity = greatest(e.returned_quantity - l.held, 0)"
                        + " from (select export_list_no, gnum, sum(coalesce(tallied_quantity, quantity)) as held"
                        + " from export_return_line where return_no = $1 group by export_list_no, gnum) l"
                        + " where e.export_list_no = l.export_list_no and e.gnum = l.gnum")
                .bind(0, returnNo)
                .then();
    }

    private static ExportedLine line(Readable r, Set<String> codes) {
        return new ExportedLine(
                r.get("gnum", Integer.class),
                r.get("gcode", String.class),
                r.get("name", String.class),
                r.get("model", String.class),
                r.get("unit", String.class),
                r.get("quantity", Integer.class),
                r.get("returned_quantity", Integer.class),
                codes);
    }

    private static Map<String, ExportedList> assemble(
            List<Map.Entry<String, ExportedLine>> lines, Map<String, Set<String>> codes, List<Head> heads) {
        Map<String, Map<Integer, ExportedLine>> byList = new HashMap<>();
        for (var e : lines) {
            ExportedLine l = e.getValue();
            Set<String> lineCodes = codes.getOrDefault(e.getKey() + "#" + l.gnum(), Set.of());
            byList.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                    .put(
                            l.gnum(),
                            new ExportedLine(
                                    l.gnum(),
                                    l.gcode(),
                                    l.name(),
                                    l.model(),
                                    l.unit(),
                                    l.exported(),
                                    l.returned(),
                                    lineCodes));
        }
        Map<String, ExportedList> lists = new HashMap<>();
        for (Head head : heads) {
            lists.put(
                    head.no(),
                    new ExportedList(
                            head.no(),
                            head.tradeMode(),
                            head.releasedOn(),
                            head.rebateClaimed(),
                            byList.getOrDefault(head.no(), Map.of())));
        }
        return lists;
    }

    private record Head(String no, String tradeMode, LocalDate releasedOn, boolean rebateClaimed) {}
}
