package cn.cbecpilot.platform.bond;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Units of each SKU available to sell: those in unexpired, unrecalled lots still in bond (a recall of single coded units
 * takes them off their lot's remaining units), less those reserved for orders.
 *
 * <p>An order reserves in one of the SKU's {@value #SLOTS} slots, so that concurrent orders of one SKU do not all queue
 * on one row. A slot reserves only up to its allotment, and the allotments never add up to more than the units in bond
 * that no order holds (see {@code V83__stock_slots.sql}), so two orders still cannot take the last unit: when an
 * order's slot is short, {@link #allot} tops it up from the free units no slot holds, or shares them out afresh, with
 * all the SKU's slots locked.
 */
@Repository
public class BondStock {

    /** The slots of a SKU's reservations. */
    public static final int SLOTS = 8;

    private static final String IN_BOND = "coalesce((select sum(l.remaining) from lot l where l.sku = s.sku"
            + " and l.expiry >= $2 and not l.recalled), 0)";

    private static final String RESERVED = "s.reserved_before_slots"
            + " + coalesce((select sum(x.reserved) from bond_stock_slot x where x.sku = s.sku), 0)";

    private static final String AVAILABLE = IN_BOND + " - (" + RESERVED + ")";

    private final DatabaseClient db;

    BondStock(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The available units of the stock row aliased {@code s} on the day bound at {@code dayParameter} (such as
     * {@code "$4"}), for a statement that reads stock together with other tables in one round trip.
     */
    public static String availableUnitsOn(String dayParameter) {
        return AVAILABLE.replace("$2", dayParameter);
    }

    /** The slot an order reserves in: the same for every try of one placement, spread over the slots across orders. */
    public static int slotOf(String placementKey) {
        return Math.floorMod(placementKey.hashCode(), SLOTS);
    }

    /** Available units per SKU on a day, without locking; for display. */
    public Mono<Map<String, Integer>> available(Collection<String> skus, LocalDate day) {
        return query("select s.sku, " + AVAILABLE + " as available from bond_stock s where s.sku = any($1)", skus, day);
    }

    /** All SKUs' available units on a day; for display. */
    public Mono<Map<String, Integer>> available(LocalDate day) {
        return db.sql("select s.sku, " + AVAILABLE.replace("$2", "$1") + " as available from bond_stock s")
                .bind(0, day)
                .map((row, meta) -> Map.entry(
                        row.get(0, String.class), row.get(1, Long.class).intValue()))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Locks one SKU's stock until the surrounding transaction ends, so that no order reserves its units while a
     * recall blocks some of them: its stock row, and its slots with what they had allotted and not reserved taken
     * away, so that the next orders allot again from what the recall leaves.
     */
    public Mono<Void> lock(String sku) {
        return db.sql("select 1 from bond_stock where sku = $1 for update")
                .bind(0, sku)
                .then()
                .then(db.sql("update bond_stock_slot x set allotted = x.reserved from (select slot from bond_stock_slot"
                                + " where sku = $1 order by slot for update) l where x.sku = $1 and x.slot = l.slot")
                        .bind(0, sku)
                        .then());
    }

    /**
     * Allots the units of each SKU in bond on {@code day} that no order holds, on a connection inside a transaction,
     * which then holds every slot of those SKUs until it ends; the slots are locked first, in SKU and slot order, and
     * the units counted after, so that no order reserves in them or takes units out of bond in between. When every
     * slot's allotment is for {@code day} and the units no slot holds cover what slot {@code slot} lacks for the
     * quantity {@code wanted} names, that slot gets what it lacks and an even share of the rest, and the other slots
     * keep theirs, so that two short slots do not take each other's units in turn. Otherwise (a new day, a recall
     * having taken allotments away, the last units going) the free units are shared out afresh: slot {@code slot} gets
     * the quantity, if that many are free, and an even share of the rest, the other slots an even share.
     */
    public static Mono<Void> allot(Connection c, Map<String, Integer> wanted, int slot, LocalDate day) {
        Map<String, Integer> sorted = new TreeMap<>(wanted);
        String[] skus = sorted.keySet().toArray(String[]::new);
        Mono<Void> lock = Flux.from(c.createStatement(LOCK_SLOTS).bind(0, skus).execute())
                .flatMap(Result::getRowsUpdated)
                .then();
        Mono<Void> share = Flux.from(c.createStatement(ALLOT)
                        .bind(0, skus)
                        .bind(1, sorted.values().toArray(Integer[]::new))
                        .bind(2, day)
                        .bind(3, slot)
                        .execute())
                .flatMap(Result::getRowsUpdated)
                .then();
        return lock.then(share);
    }

    private static final String LOCK_SLOTS =
            "select 1 from bond_stock_slot where sku = any($1) order by sku, slot for update";

    private static final String ALLOT = "with wanted (sku, quantity) as (select * from unnest($1::varchar[],"
            + " $2::integer[])),"
            + " counted as (select s.sku, w.quantity, greatest(" + availableUnitsOn("$3") + ", 0) as free,"
            + " (select sum(x.allotted - x.reserved) from bond_stock_slot x where x.sku = s.sku) as spare,"
            + " (select x.allotted - x.reserved from bond_stock_slot x where x.sku = s.sku and x.slot = $4) as own,"
            + " (select bool_and(x.allotted_on is not distinct from $3) from bond_stock_slot x where x.sku = s.sku)"
            + " as today from bond_stock s join wanted w on w.sku = s.sku),"
            + " planned as (select sku, free, least(free, quantity) as first, today and free - spare >="
            + " greatest(quantity - own, 0) as topped, free - spare as pool, greatest(quantity - own, 0) as lack"
            + " from counted)"
            + " update bond_stock_slot x set allotted_on = $3, allotted = case when p.topped then x.allotted + case"
            + " when x.slot = $4 then p.lack + (p.pool - p.lack) / " + SLOTS + " else 0 end"
            + " else x.reserved + (p.free - p.first) / " + SLOTS + " + case when x.slot = $4 then p.first"
            + " + (p.free - p.first) % " + SLOTS + " else 0 end end"
            + " from planned p where x.sku = p.sku";

    /**
     * Gives back every unit an order reserved, whether they leave the bond (picked) or stay (cancelled, expired,
     * returned abroad), and its slot's allotment of them with them: the next allotment counts what is in bond then
     * and shares it out, which a cancelled order's units left in its slot's allotment would not do when a recall or
     * an expiry has since taken units out of stock. The order's slot rows are locked in SKU order, as a placement
     * and an allotment lock them. An order placed before the slots gives back to the stock row it reserved in.
     */
    public Mono<Void> giveBack(String orderNo) {
        return db.sql("with o as (select stock_slot from customer_order where order_no = $1),"
                        + " l as (select sku, sum(quantity) as qty from order_line where order_no = $1 group by sku),"
                        + " slotted as (update bond_stock_slot x set reserved = x.reserved - w.qty,"
                        + " allotted = x.allotted - w.qty from (select b.sku, b.slot, l.qty from bond_stock_slot b"
                        + " join l on l.sku = b.sku join o on o.stock_slot = b.slot order by b.sku for update of b) w"
                        + " where x.sku = w.sku and x.slot = w.slot)"
                        + " update bond_stock s set reserved_before_slots = s.reserved_before_slots - l.qty from l, o"
                        + " where s.sku = l.sku and o.stock_slot is null")
                .bind(0, orderNo)
                .then();
    }

    private Mono<Map<String, Integer>> query(String sql, Collection<String> skus, LocalDate day) {
        return db.sql(sql)
                .bind(0, skus.stream().distinct().sorted().toArray(String[]::new))
                .bind(1, day)
                .map((row, meta) -> Map.entry(
                        row.get(0, String.class), row.get(1, Long.class).intValue()))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
