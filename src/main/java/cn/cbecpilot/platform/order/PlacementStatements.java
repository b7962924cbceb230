package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Money;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A placement's two statements, one round trip each on one connection and no transaction around them: the first reads
 * what the rules need, the second writes the order and takes stock and quota if nothing it relies on changed since.
 * Placing an order is the platform's busiest write, and on a small machine its cost is mostly round trips, so the
 * tables of several capabilities meet here in data-modifying common table expressions rather than in one statement
 * each, and the transaction's BEGIN and COMMIT, two round trips more, are left out: the write is one statement, which
 * PostgreSQL applies whole or not at all.
 *
 * <p>The write is optimistic. It adds to the buyer's quota row only if the row's version is still the one read, and
 * reserves a SKU's units only if the order's stock slot still has them allotted for the day; when the quota moved, it
 * changes nothing and fails with {@link PlacementConflict}, and the caller reads and checks again. The quota row is
 * written first, so a buyer's concurrent orders meet there, one at a time, before any of them locks stock. When the
 * slot is short, the SKU's free units are allotted again (see {@link BondStock#allot}) and the write tried once more,
 * which fails the same way if even that leaves too few.
 */
@Repository
class PlacementStatements {

    /**
     * The read, for orders of one to {@value #SKUS_NAMED} distinct SKUs: one text per number of SKUs, each SKU its own
     * parameter. With the SKUs in one array parameter PostgreSQL's generic plan counts ten of them, costs more than
     * the plan for the actual count, and so the statement was planned anew at every placement: 0.2 ms of the
     * database's processor, twice what executing it takes. With the count in the text the generic plan is the plan.
     */
    private static final int SKUS_NAMED = 50;

    private static final String[] READS = IntStream.rangeClosed(0, SKUS_NAMED)
            .mapToObj(PlacementStatements::read)
            .toArray(String[]::new);

    static String read(int skus) {
        String values = IntStream.rangeClosed(1, skus)
                .mapToObj(i -> "($" + (4 + i) + "::varchar)")
                .collect(Collectors.joining(", "));
        return "select coalesce(q.used, 0) as used, coalesce(q.version, " + NO_QUOTA_ROW + ") as version, u.sku,"
                + " (select o.order_no from customer_order o where o.idempotency_key = $4) as placed,"
                + " (select " + BondStock.availableUnitsOn("$3")
                + " from bond_stock s where s.sku = u.sku) as available,"
                + " (select p.quantity from buyer_product_quota p where p.buyer_id_hash = $1 and p.year = $2"
                + " and p.sku = u.sku) as bought"
                + " from " + (skus == 0 ? "(select null::varchar where false)" : "(values " + values + ")")
                + " as u (sku) left join buyer_quota q on q.buyer_id_hash = $1 and q.year = $2";
    }

    /** The version read when the buyer has no quota row for the year yet. */
    static final int NO_QUOTA_ROW = -1;

    /**
     * The write of an order of one SKU. It reserves in the order's slot of the SKU's stock, within what the slot has
     * allotted for the day, and the update locks the slot row itself, which PostgreSQL checks again against the row as
     * the order before it left it; a separate {@code for update} of the row first, as {@link #WRITE_SEVERAL_SKUS}
     * needs, would lock it twice.
     */
    private static final String WRITE_ONE_SKU = write(" reserved as (update bond_stock_slot s set reserved ="
            + " s.reserved + units.quantity from units where s.sku = units.sku and s.slot = $39"
            + " and exists (select from quota) and s.allotted_on = $37 and s.reserved + units.quantity <= s.allotted"
            + " returning s.sku),");

    /**
     * The write of an order of several SKUs: their slot rows are locked in SKU order, so that two orders of the same
     * SKUs never deadlock, and only once the quota row is taken.
     */
    private static final String WRITE_SEVERAL_SKUS = write(" reserved as (update bond_stock_slot s set reserved ="
            + " s.reserved + w.quantity from (select b.sku, b.slot, units.quantity from bond_stock_slot b join units on"
            + " units.sku = b.sku where b.slot = $39 and exists (select from quota) order by b.sku for update of b) w"
            + " where s.sku = w.sku and s.slot = w.slot and s.allotted_on = $37 and s.reserved + w.quantity <="
            + " s.allotted returning s.sku),");

    private static String write(String reserved) {
        return "with quota as (insert into buyer_quota (buyer_id_hash, year, used, version)"
                + " values ($11, $22, $20, 0) on conflict (buyer_id_hash, year) do update"
                + " set used = buyer_quota.used + excluded.used, version = buyer_quota.version + 1"
                + " where buyer_quota.version = $38 returning 1),"
                + " units (sku, quantity) as (select * from unnest($35::varchar[], $36::integer[])),"
                + reserved
                + " head as (insert into customer_order (" + OrderRow.COLUMNS
                + ", updated_at, stock_slot) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
                + " $16, $17, $18, $19, $20, $21, $22, $23, $24, $23, $39)),"
                + " lines as (insert into order_line (order_no, line_no, sku, name, gcode, unit, quantity, unit_price,"
                + " line_value, freight, tax) select $1, * from unnest($25::integer[], $26::varchar[], $27::varchar[],"
                + " $28::varchar[], $29::varchar[], $30::integer[], $31::numeric[], $32::numeric[], $33::numeric[],"
                + " $34::numeric[])),"
                + " timeline as (insert into order_history (order_no, from_status, to_status, event, at)"
                + " values ($1, null, $7, 'PLACE', $23)),"
                + " product_quota as (insert into buyer_product_quota (buyer_id_hash, year, sku, quantity)"
                + " select $11, $22, sku, quantity from units on conflict (buyer_id_hash, year, sku) do update"
                + " set quantity = buyer_product_quota.quantity + excluded.quantity)"
                // the statement fails, and so writes nothing, unless the quota row was the one read and every SKU's
                // slot still had the units allotted
                + " select placement_conflict() where (select count(*) from quota) <> 1"
                + " union all select stock_slot_short() where (select count(*) from quota) = 1"
                + " and (select count(*) from reserved) <> (select count(*) from units)";
    }

    private final DatabaseClient db;
    private final PersonalData data;

    PlacementStatements(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    /**
     * What the buyer has used this year and the version of that figure, per SKU the units available on the day and
     * those the buyer bought, and the order the same Idempotency-Key placed before, if any ({@code placedBefore}).
     */
    record Standing(
            Money used,
            int quotaVersion,
            Map<String, Integer> available,
            Map<String, Integer> bought,
            String placedBefore) {}

    /** Writes an order on the connection its standing was read on, if nothing it relies on changed since. */
    interface Writing {
        Mono<Void> write(OrderRow order, List<OrderLineRow> lines);
    }

    /**
     * Reads the standing on one connection and hands it to {@code decide} with the means to write the order on the
     * same connection; {@code decide} answers what the placement comes to, an error when the rules refuse it, or
     * nothing when there is nothing to write. The connection goes back to the pool when {@code decide} is done, so
     * {@code decide} asks the database for nothing else.
     */
    <T> Mono<T> readThenWrite(
            String idHash,
            int year,
            Collection<String> skus,
            LocalDate day,
            String key,
            BiFunction<Standing, Writing, Mono<T>> decide) {
        return db.inConnection(c -> read(c, idHash, year, skus, day, key)
                .flatMap(standing ->
                        decide.apply(standing, (order, lines) -> write(c, order, lines, standing.quotaVersion(), day)))
                .onErrorMap(R2dbcException.class, PlacementStatements::translated));
    }

    private static Mono<Standing> read(
            Connection c, String idHash, int year, Collection<String> skus, LocalDate day, String key) {
        List<String> named = List.copyOf(skus);
        Statement read = c.createStatement(named.size() <= SKUS_NAMED ? READS[named.size()] : read(named.size()))
                .bind(0, idHash)
                .bind(1, year)
                .bind(2, day)
                .bind(3, key);
        for (int i = 0; i < named.size(); i++) {
            read.bind(4 + i, named.get(i));
        }
        return Flux.from(read.execute())
                .flatMap(result -> result.map((r, m) -> new Object[] {
                    r.get("used", BigDecimal.class),
                    r.get("version", Integer.class),
                    r.get("sku", String.class),
                    r.get("available", Long.class),
                    r.get("bought", Integer.class),
                    r.get("placed", String.class)
                }))
                .collectList()
                .map(PlacementStatements::standing);
    }

    private static Standing standing(List<Object[]> rows) {
        Money used = Money.ZERO;
        int version = NO_QUOTA_ROW;
        Map<String, Integer> available = new HashMap<>();
        Map<String, Integer> bought = new HashMap<>();
        String placedBefore = null;
        for (Object[] row : rows) {
            used = Money.of((BigDecimal) row[0]);
            version = (Integer) row[1];
            placedBefore = (String) row[5];
            String sku = (String) row[2];
            if (row[3] != null) {
                available.put(sku, ((Long) row[3]).intValue());
            }
            if (row[4] != null) {
                bought.put(sku, (Integer) row[4]);
            }
        }
        return new Standing(used, version, available, bought, placedBefore);
    }

    /**
     * Writes head, lines and first timeline entry, adds to the buyer's quota and reserves the units; fails with
     * {@link PlacementConflict}, having written nothing, when the buyer's quota changed since {@code quotaVersion} was
     * read or another order took units since.
     */
    private Mono<Void> write(Connection c, OrderRow o, List<OrderLineRow> lines, int quotaVersion, LocalDate day) {
        Map<String, Integer> units = new TreeMap<>();
        lines.forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        int slot = BondStock.slotOf(o.idempotencyKey());
        Supplier<Mono<Void>> write = () -> Flux.from(
                        statement(c, o, lines, quotaVersion, day, units, slot).execute())
                .flatMap(Result::getRowsUpdated)
                .then();
        // the order's slot was short: its SKUs' slots are allotted again, in a transaction of their own that locks
        // no quota row, so that it never waits on a placement waiting for it, and the order written once more. Should
        // another order have taken what the allotment gave this one, the write fails again, and the caller reads again
        return write.get().onErrorResume(PlacementStatements::slotShort, e -> Mono.from(c.beginTransaction())
                .then(BondStock.allot(c, units, slot, day))
                .then(Mono.from(c.commitTransaction()))
                .onErrorResume(failed -> Mono.from(c.rollbackTransaction()).then(Mono.error(failed)))
                .then(Mono.defer(write)));
    }

    private Statement statement(
            Connection c,
            OrderRow o,
            List<OrderLineRow> lines,
            int quotaVersion,
            LocalDate day,
            Map<String, Integer> units,
            int slot) {
        return c.createStatement(units.size() == 1 ? WRITE_ONE_SKU : WRITE_SEVERAL_SKUS)
                .bind(0, o.orderNo())
                .bind(1, o.orderToken())
                .bind(2, o.idempotencyKey())
                .bind(3, o.requestHash())
                .bind(4, o.platformCode())
                .bind(5, o.sellerCode())
                .bind(6, o.status().name())
                .bind(7, o.version())
                .bind(8, data.seal(o.buyerName()))
                .bind(9, data.seal(o.buyerIdNumber()))
                .bind(10, o.buyerIdHash())
                .bind(11, data.seal(o.buyerPhone()))
                .bind(12, data.seal(o.consigneeName()))
                .bind(13, data.seal(o.consigneePhone()))
                .bind(14, data.seal(o.consigneeAddress()))
                .bind(15, o.goodsValue().amount())
                .bind(16, o.freight().amount())
                .bind(17, o.tax().amount())
                .bind(18, o.total().amount())
                .bind(19, o.dutiableValue().amount())
                .bind(20, o.fullyTaxed())
                .bind(21, o.quotaYear())
                .bind(22, Orders.utc(o.createdAt()))
                .bind(23, Orders.utc(o.paymentDueAt()))
                .bind(24, lines.stream().map(OrderLineRow::lineNo).toArray(Integer[]::new))
                .bind(25, lines.stream().map(OrderLineRow::sku).toArray(String[]::new))
                .bind(26, lines.stream().map(OrderLineRow::name).toArray(String[]::new))
                .bind(27, lines.stream().map(OrderLineRow::gcode).toArray(String[]::new))
                .bind(28, lines.stream().map(OrderLineRow::unit).toArray(String[]::new))
                .bind(29, lines.stream().map(OrderLineRow::quantity).toArray(Integer[]::new))
                .bind(30, amounts(lines, OrderLineRow::unitPrice))
                .bind(31, amounts(lines, OrderLineRow::lineValue))
                .bind(32, amounts(lines, OrderLineRow::freight))
                .bind(33, amounts(lines, OrderLineRow::tax))
                .bind(34, units.keySet().toArray(String[]::new))
                .bind(35, units.values().toArray(Integer[]::new))
                .bind(36, day)
                .bind(37, quotaVersion)
                .bind(38, slot);
    }

    private static boolean slotShort(Throwable e) {
        return e instanceof R2dbcException r && PlacementConflict.SLOT_SHORT.equals(r.getSqlState());
    }

    /**
     * The write's own refusal, and a deadlock PostgreSQL broke, are conflicts worth another try; the rest is told the
     * way Spring tells every other statement's failure.
     */
    private static Throwable translated(R2dbcException e) {
        if (PlacementConflict.SQL_STATES.contains(e.getSqlState())) {
            return new PlacementConflict(e);
        }
        return ConnectionFactoryUtils.convertR2dbcException("placement", null, e);
    }

    private static BigDecimal[] amounts(List<OrderLineRow> lines, Function<OrderLineRow, Money> of) {
        return lines.stream().map(of).map(Money::amount).toArray(BigDecimal[]::new);
    }
}
