package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.bond.BondStock;
import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * A placement's two statements, each one round trip inside the placement's transaction: the first locks the buyer's
 * quota row and reads what the rules need, the second writes the order and takes stock and quota. Placing an order is
 * the platform's busiest write, and on a small machine its cost is mostly round trips, so the tables of several
 * capabilities meet here in data-modifying common table expressions rather than in one statement each.
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
        return "with quota as (insert into buyer_quota (buyer_id_hash, year) values ($1, $2)"
                // the no-op update of an existing row takes its lock, as SELECT ... FOR UPDATE would
                + " on conflict (buyer_id_hash, year) do update set used = buyer_quota.used returning used)"
                + " select quota.used, u.sku,"
                + " (select o.order_no from customer_order o where o.idempotency_key = $4) as placed,"
                + " (select " + BondStock.availableUnitsOn("$3")
                + " from bond_stock s where s.sku = u.sku) as available,"
                + " (select p.quantity from buyer_product_quota p where p.buyer_id_hash = $1 and p.year = $2"
                + " and p.sku = u.sku) as bought"
                + " from quota cross join "
                + (skus == 0 ? "(select null::varchar where false)" : "(values " + values + ")")
                + " as u (sku)";
    }

    private static final String WRITE = "with head as (insert into customer_order (" + OrderRow.COLUMNS
            + ", updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
            + " $19, $20, $21, $22, $23, $24, $23)),"
            + " lines as (insert into order_line (order_no, line_no, sku, name, gcode, unit, quantity, unit_price,"
            + " line_value, freight, tax) select $1, * from unnest($25::integer[], $26::varchar[], $27::varchar[],"
            + " $28::varchar[], $29::varchar[], $30::integer[], $31::numeric[], $32::numeric[], $33::numeric[],"
            + " $34::numeric[])),"
            + " timeline as (insert into order_history (order_no, from_status, to_status, event, at)"
            + " values ($1, null, $7, 'PLACE', $23)),"
            + " quota as (update buyer_quota set used = used + $20 where buyer_id_hash = $11 and year = $22),"
            + " units (sku, quantity) as (select * from unnest($35::varchar[], $36::integer[])),"
            + " product_quota as (insert into buyer_product_quota (buyer_id_hash, year, sku, quantity)"
            + " select $11, $22, sku, quantity from units on conflict (buyer_id_hash, year, sku) do update"
            + " set quantity = buyer_product_quota.quantity + excluded.quantity)"
            // stock rows are locked in SKU order, so that two orders of the same SKUs never deadlock; a SKU whose
            // units another order took since the read is missing from the answer, and the caller rolls back
            + " update bond_stock s set reserved = s.reserved + w.quantity from (select b.sku, units.quantity"
            + " from bond_stock b join units on units.sku = b.sku order by b.sku for update of b) w"
            + " where s.sku = w.sku and " + BondStock.availableUnitsOn("$37") + " >= w.quantity returning s.sku";

    private final DatabaseClient db;
    private final PersonalData data;

    PlacementStatements(DatabaseClient db, PersonalData data) {
        this.db = db;
        this.data = data;
    }

    /**
     * What the buyer has used this year, per SKU the units available on the day and those the buyer bought, and the
     * order the same Idempotency-Key placed before, if any ({@code placedBefore}).
     */
    record Standing(Money used, Map<String, Integer> available, Map<String, Integer> bought, String placedBefore) {}

    /**
     * Locks the buyer's quota row of the year, creating it, and reads the standing; the Idempotency-Key is looked up in
     * the same round trip, a placement being mostly round trips.
     */
    Mono<Standing> lockAndRead(String idHash, int year, Collection<String> skus, LocalDate day, String key) {
        List<String> named = List.copyOf(skus);
        DatabaseClient.GenericExecuteSpec read = db.sql(
                        named.size() <= SKUS_NAMED ? READS[named.size()] : read(named.size()))
                .bind(0, idHash)
                .bind(1, year)
                .bind(2, day)
                .bind(3, key);
        for (int i = 0; i < named.size(); i++) {
            read = read.bind(4 + i, named.get(i));
        }
        return read.map((r, m) -> new Object[] {
                    r.get("used", BigDecimal.class),
                    r.get("sku", String.class),
                    r.get("available", Long.class),
                    r.get("bought", Integer.class),
                    r.get("placed", String.class)
                })
                .all()
                .collectList()
                .map(PlacementStatements::standing);
    }

    private static Standing standing(List<Object[]> rows) {
        Money used = Money.ZERO;
        Map<String, Integer> available = new HashMap<>();
        Map<String, Integer> bought = new HashMap<>();
        String placedBefore = null;
        for (Object[] row : rows) {
            used = Money.of((BigDecimal) row[0]);
            placedBefore = (String) row[4];
            String sku = (String) row[1];
            if (row[2] != null) {
                available.put(sku, ((Long) row[2]).intValue());
            }
            if (row[3] != null) {
                bought.put(sku, (Integer) row[3]);
            }
        }
        return new Standing(used, available, bought, placedBefore);
    }

    /**
     * Writes head, lines and first timeline entry, adds to the buyer's quota and reserves the units; answers the SKUs
     * whose units were reserved, which is all of them unless another order took some since the read.
     */
    Mono<Set<String>> write(OrderRow o, List<OrderLineRow> lines, LocalDate day) {
        Map<String, Integer> units = new TreeMap<>();
        lines.forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        return db.sql(WRITE)
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
                .map((r, m) -> r.get(0, String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    private static BigDecimal[] amounts(List<OrderLineRow> lines, Function<OrderLineRow, Money> of) {
        return lines.stream().map(of).map(Money::amount).toArray(BigDecimal[]::new);
    }
}
