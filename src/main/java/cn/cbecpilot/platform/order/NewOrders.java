package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.catalog.Product;
import cn.cbecpilot.platform.compliance.Pricing;
import cn.cbecpilot.platform.config.PlatformProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Makes a placed order's rows (number, token, lines) and has them written with its stock and quota. */
@Component
class NewOrders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SecureRandom random = new SecureRandom();
    private final BuyerIdHasher hasher;
    private final PlatformProperties properties;
    private final Clock clock;

    NewOrders(BuyerIdHasher hasher, PlatformProperties properties, Clock clock) {
        this.hasher = hasher;
        this.properties = properties;
        this.clock = clock;
    }

    String hashOf(String idNumber) {
        return hasher.hash(idNumber);
    }

    Mono<OrderRow> save(
            PlaceOrder request,
            String platformCode,
            Map<String, Product> products,
            Pricing pricing,
            String idHash,
            LocalDate today,
            PlacementStatements.Writing writing) {
        Instant now = clock.instant();
        String orderNo = orderNo(now);
        String seller = products.get(request.lines().get(0).sku()).sellerCode();
        OrderRow row = new OrderRow(
                orderNo,
                token(),
                request.idempotencyKey(),
                request.fingerprint(),
                platformCode,
                seller,
                OrderStatus.PENDING_PAYMENT,
                0,
                idHash,
                PersonalFields.plain(
                        request.buyer().name().strip(),
                        request.buyer().idNumber().strip(),
                        request.buyer().phone(),
                        request.consignee().name(),
                        request.consignee().phone(),
                        request.consignee().address()),
                pricing.goodsValue(),
                pricing.freight(),
                pricing.tax(),
                pricing.total(),
                pricing.dutiableValue(),
                pricing.fullyTaxed(),
                today.getYear(),
                now,
                now.plus(properties.paymentTimeout()));
        List<OrderLineRow> lines = lines(orderNo, request, products, pricing);
        return writing.write(row, lines).thenReturn(row);
    }

    private static List<OrderLineRow> lines(
            String orderNo, PlaceOrder request, Map<String, Product> products, Pricing pricing) {
        List<OrderLineRow> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrder.Line line = request.lines().get(i);
            Product p = products.get(line.sku());
            Pricing.Line priced = pricing.line(i + 1);
            lines.add(new OrderLineRow(
                    orderNo,
                    i + 1,
                    p.sku(),
                    p.name(),
                    p.gcode(),
                    p.unit(),
                    line.quantity(),
                    p.price(),
                    priced.value(),
                    priced.freight(),
                    priced.tax()));
        }
        return lines;
    }

    /** CB + the China calendar day (yyMMdd) + 12 random digits: 20 characters, the longest copNo customs takes. */
    private String orderNo(Instant now) {
        long n = Math.floorMod(random.nextLong(), 1_000_000_000_000L);
        String digits = Long.toString(n);
        return "CB" + DAY.format(now.atZone(CHINA)) + "0".repeat(12 - digits.length()) + digits;
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
