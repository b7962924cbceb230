package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.privacy.PersonalData;
import cn.cbecpilot.platform.shared.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * An order with everything its page and its API answer show (lines, timeline, traceability codes, customs' state), read
 * in one statement. The order's status is what buyers and their apps ask most, again and again while customs clears
 * it; reading head, lines, timeline, codes and customs' state as five statements took five pooled connections and
 * round trips per question. The rows that belong to the order come as JSON arrays, amounts as text so that not a cent
 * passes through a floating-point number.
 */
@Repository
class WholeOrders {

    static final String WHOLE = "select " + OrderRow.COLUMNS + ", invt_no, customs_status, tax_no,"
            + " customs_duty, customs_vat, customs_consumption_tax,"
            + " (select json_agg(json_build_array(l.line_no, l.sku, l.name, l.gcode, l.unit, l.quantity,"
            + " l.unit_price::text, l.line_value::text, l.freight::text, l.tax::text) order by l.line_no)"
            + " from order_line l where l.order_no = o.order_no) as lines,"
            + " (select json_agg(json_build_array(h.from_status, h.to_status, h.event, h.at, h.detail) order by h.id)"
            + " from order_history h where h.order_no = o.order_no) as timeline,"
            + " (select json_agg(json_build_array(c.line_no, c.raw) order by c.line_no, c.id)"
            + " from trace_code c where c.order_no = o.order_no) as codes"
            + " from customer_order o where o.order_no = $1";

    private final DatabaseClient db;
    private final PersonalData data;
    private final ObjectMapper json;

    WholeOrders(DatabaseClient db, PersonalData data, ObjectMapper json) {
        this.db = db;
        this.data = data;
        this.json = json;
    }

    /** The order and what belongs to it. */
    record WholeOrder(
            OrderRow order,
            List<OrderLineRow> lines,
            List<HistoryEntry> history,
            Map<Integer, List<String>> codes,
            OrderApi.Customs customs) {}

    Mono<WholeOrder> find(String orderNo) {
        return db.sql(WHOLE).bind(0, orderNo).map(this::whole).one();
    }

    private WholeOrder whole(Readable r) {
        OrderRow order = OrderRow.from(r, data);
        return new WholeOrder(
                order,
                lines(order.orderNo(), array(r, "lines")),
                history(array(r, "timeline")),
                codes(array(r, "codes")),
                LifecycleRows.customsOf(order.orderNo(), r));
    }

    private JsonNode array(Readable r, String column) {
        String text = r.get(column, String.class);
        if (text == null) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL answered JSON that does not parse: " + column, e);
        }
    }

    private static List<OrderLineRow> lines(String orderNo, JsonNode rows) {
        List<OrderLineRow> lines = new ArrayList<>(rows.size());
        for (JsonNode l : rows) {
            lines.add(new OrderLineRow(
                    orderNo,
                    l.get(0).intValue(),
                    l.get(1).textValue(),
                    l.get(2).textValue(),
                    l.get(3).textValue(),
                    l.get(4).textValue(),
                    l.get(5).intValue(),
                    money(l.get(6)),
                    money(l.get(7)),
                    money(l.get(8)),
                    money(l.get(9))));
        }
        return lines;
    }

    private static List<HistoryEntry> history(JsonNode rows) {
        List<HistoryEntry> history = new ArrayList<>(rows.size());
        for (JsonNode h : rows) {
            history.add(new HistoryEntry(
                    h.get(0).isNull() ? null : OrderStatus.valueOf(h.get(0).textValue()),
                    OrderStatus.valueOf(h.get(1).textValue()),
                    h.get(2).textValue(),
                    OffsetDateTime.parse(h.get(3).textValue()).toInstant(),
                    h.get(4).textValue()));
        }
        return history;
    }

    private static Map<Integer, List<String>> codes(JsonNode rows) {
        Map<Integer, List<String>> codes = new LinkedHashMap<>();
        for (JsonNode c : rows) {
            codes.computeIfAbsent(c.get(0).intValue(), line -> new ArrayList<>())
                    .add(c.get(1).textValue());
        }
        return codes;
    }

    private static Money money(JsonNode text) {
        return Money.of(new BigDecimal(text.textValue()));
    }
}
