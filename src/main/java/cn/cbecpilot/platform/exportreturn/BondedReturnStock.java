package cn.cbecpilot.platform.exportreturn;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Returned goods held in bond: storing creates the arrived units in their returned condition; consolidating,
 * repairing and relabelling consume the units in their old condition and create them in the new one; re-export
 * consumes them all. Every change is a movement row, so the stock can be traced step by step.
 */
@Repository
class BondedReturnStock {

    private final DatabaseClient db;

    BondedReturnStock(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> store(String returnNo, Instant at) {
        Mono<Void> stock = db.sql("insert into export_return_bond_stock (return_no, line_no, condition, quantity)"
                        + " select return_no, line_no, 'RETURNED', tallied_quantity from export_return_line"
                        + " where return_no = $1 and tallied_quantity > 0")
                .bind(0, returnNo)
                .then();
        Mono<Void> moves = db.sql("insert into export_return_bond_movement (return_no, line_no, step, condition,"
                        + " quantity, at) select return_no, line_no, 'BONDED_STORAGE', 'RETURNED', tallied_quantity, $2"
                        + " from export_return_line where return_no = $1 and tallied_quantity > 0")
                .bind(0, returnNo)
                .bind(1, ExportReturns.utc(at))
                .then();
        return stock.then(moves);
    }

    /** Moves every unit of the return in bond into the condition the step leaves it in. */
    Mono<Void> process(String returnNo, String step, String condition, Instant at) {
        Mono<Void> moves = db.sql("insert into export_return_bond_movement (return_no, line_no, step, condition,"
                        + " quantity, at) select return_no, line_no, $2, condition, -quantity, $4"
                        + " from export_return_bond_stock where return_no = $1 and quantity > 0 and condition <> $3"
                        + " union all select return_no, line_no, $2, $3, sum(quantity), $4 from export_return_bond_stock"
                        + " where return_no = $1 and quantity > 0 and condition <> $3 group by return_no, line_no")
                .bind(0, returnNo)
                .bind(1, step)
                .bind(2, condition)
                .bind(3, ExportReturns.utc(at))
                .then();
        Mono<Void> created = db.sql("insert into export_return_bond_stock (return_no, line_no, condition, quantity)"
                        + " select return_no, line_no, $2, sum(quantity) from export_return_bond_stock"
                        + " where return_no = $1 and quantity > 0 and condition <> $2 group by return_no, line_no"
                        + " on conflict (return_no, line_no, condition)"
                        + " do update set quantity = export_return_bond_stock.quantity + excluded.quantity")
                .bind(0, returnNo)
                .bind(1, condition)
                .then();
        Mono<Void> consumed = db.sql("update export_return_bond_stock set quantity = 0"
                        + " where return_no = $1 and condition <> $2")
                .bind(0, returnNo)
                .bind(1, condition)
                .then();
        return moves.then(created).then(consumed);
    }

    Mono<Void> reExport(String returnNo, Instant at) {
        Mono<Void> moves = db.sql("insert into export_return_bond_movement (return_no, line_no, step, condition,"
                        + " quantity, at) select return_no, line_no, 'RE_EXPORTED', condition, -quantity, $2"
                        + " from export_return_bond_stock where return_no = $1 and quantity > 0")
                .bind(0, returnNo)
                .bind(1, ExportReturns.utc(at))
                .then();
        Mono<Void> consumed = db.sql("update export_return_bond_stock set quantity = 0 where return_no = $1")
                .bind(0, returnNo)
                .then();
        return moves.then(consumed);
    }

    Mono<List<ExportReturnApi.BondStock>> of(String returnNo) {
        return db.sql("select line_no, condition, quantity from export_return_bond_stock where return_no = $1"
                        + " and quantity > 0 order by line_no, condition")
                .bind(0, returnNo)
                .map((r, m) -> new ExportReturnApi.BondStock(
                        r.get("line_no", Integer.class),
                        r.get("condition", String.class),
                        r.get("quantity", Integer.class)))
                .all()
                .collectList();
    }
}
