package cn.cbecpilot.platform.benchmark;

import cn.cbecpilot.platform.compliance.ResidentIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

/**
 * Whole journeys over HTTP, the way the storefront, the warehouse console and customs drive them: place, pay, wait
 * for customs' release (receipts from the simulator, or posted here as the single window would), pick, hand over,
 * delivered. The warehouse console's calls authenticate with HTTP Basic, as an integration of the operator API
 * would; the platform remembers a verified password briefly, so the BCrypt check is not paid per call.
 */
final class Journeys implements AutoCloseable {

    static final String[] SKUS = {"DRG-LOR-10", "DRG-IBU-200", "DEV-BAND-40", "DRG-OME-20"};
    static final String CUSTOMS_TOKEN = "dev-customs-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RETURN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.ofHours(8));
    private static final Duration POLL = Duration.ofMillis(Long.getLong("benchmark.poll-millis", 1000));
    private static final Duration POLL_AT_MOST = Duration.ofSeconds(5);
    private static final Duration RELEASE_WITHIN = Duration.ofMinutes(5);

    /** A placed order: its number, the buyer's token and the total to pay. */
    record Placed(String orderNo, String token, String total) {}

    /** An HTTP answer other than the one expected. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(String step, int status, String body) {
            super(step + ": HTTP " + status + " " + body.substring(0, Math.min(300, body.length())));
            this.status = status;
        }
    }

    private final AtomicLong statusReads = new AtomicLong();
    private final ConnectionProvider connections;
    private final HttpClient http;
    private final String operatorAuthorization;
    private final String customsToken;

    Journeys(String baseUrl, int maxConnections, String customsToken) throws IOException, InterruptedException {
        this.connections = ConnectionProvider.builder("journeys")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(5))
                .build();
        this.http = HttpClient.create(connections).baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(60));
        this.operatorAuthorization =
                "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
        this.customsToken = customsToken;
    }

    static String orderBody(long buyer, String sku, int quantity) {
        return """
                {"lines":[{"sku":"%s","quantity":%d}],\
                "buyer":{"name":"王五","idNumber":"%s","phone":"13912345678"},\
                "consignee":{"name":"王五","phone":"13912345678","address":"北京市东城区东长安街1号"}}"""
                .formatted(sku, quantity, ResidentIds.unique(buyer));
    }

    Mono<Placed> place(long buyer) {
        return place(buyer, SKUS[(int) (buyer % SKUS.length)], 1);
    }

    Mono<Placed> place(long buyer, String sku, int quantity) {
        String key = UUID.randomUUID().toString();
        return post(
                        "/api/orders",
                        orderBody(buyer, sku, quantity),
                        "application/json",
                        h -> h.set("Idempotency-Key", key))
                .flatMap(answer -> expect("place", answer, 201))
                .map(node -> new Placed(
                        node.get("orderNo").asText(),
                        node.get("orderToken").asText(),
                        node.get("total").asText()));
    }

    Mono<Placed> pay(Placed order, long buyer) {
        String body =
                """
                {"payCode":"1101980004","transactionId":"T%s","payer":{"name":"王五","idNumber":"%s"},"amount":"%s"}"""
                        .formatted(order.orderNo(), ResidentIds.unique(buyer), order.total());
        return post(
                        "/api/orders/" + order.orderNo() + "/payment",
                        body,
                        "application/json",
                        h -> h.set("X-Order-Token", order.token()))
                .flatMap(answer -> expect("pay", answer, 200))
                .thenReturn(order);
    }

    Mono<String> status(Placed order) {
        return http.headers(h -> h.set("X-Order-Token", order.token()))
                .get()
                .uri("/api/orders/" + order.orderNo())
                .responseSingle((r, b) -> b.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Answer(r.status().code(), text)))
                .flatMap(answer -> expect("status", answer, 200))
                .map(node -> node.get("status").asText());
    }

    /**
     * Polls until the order has reached {@code wanted}, as a shop's page would: after a second, then half as long
     * again each time up to five seconds, so that reading the status does not cost more than the journey itself when
     * the platform is saturated. An order that does not get there within minutes is a failure.
     */
    Mono<Placed> await(Placed order, String wanted) {
        return status(order)
                .doOnSubscribe(s -> statusReads.incrementAndGet())
                .filter(wanted::equals)
                .repeatWhenEmpty(Integer.MAX_VALUE, ticks -> ticks.concatMap(n -> Mono.delay(pause(n))))
                .timeout(RELEASE_WITHIN)
                .thenReturn(order);
    }

    /** How many times journeys read an order's status while waiting for it. */
    long statusReads() {
        return statusReads.get();
    }

    private static Duration pause(long polled) {
        double millis = POLL.toMillis() * Math.pow(1.5, Math.min(polled, 20));
        return Duration.ofMillis((long) Math.min(millis, POLL_AT_MOST.toMillis()));
    }

    Mono<Placed> console(Placed order, String action, String wanted) {
        return post(
                        "/api/console/orders/" + order.orderNo() + "/" + action,
                        "",
                        "application/json",
                        h -> h.set(HttpHeaderNames.AUTHORIZATION, operatorAuthorization))
                .flatMap(answer -> expect(action, answer, 200))
                .flatMap(node -> wanted.equals(node.get("status").asText())
                        ? Mono.just(order)
                        : Mono.error(new Refused(action, 200, node.toString())));
    }

    /** The whole import journey with the simulator answering: place, pay, released by customs, out, delivered. */
    Mono<Placed> lifecycle(long buyer) {
        return place(buyer)
                .flatMap(o -> pay(o, buyer))
                .flatMap(o -> await(o, "RELEASED"))
                .flatMap(o -> console(o, "pick", "OUT_OF_BOND"))
                .flatMap(o -> console(o, "handover", "IN_TRANSIT"))
                .flatMap(o -> console(o, "delivered", "DELIVERED"));
    }

    /** A CEB622 receipt as the single window pushes it: the bare message with the bearer token. */
    Mono<Void> receipt(String orderNo, String returnStatus, Instant at) {
        return receipts(List.of(orderNo), returnStatus, at);
    }

    /** One CEB622 message holding the receipts of several orders (the schema allows up to 100), pushed as one. */
    Mono<Void> receipts(List<String> orderNos, String returnStatus, Instant at) {
        return post(
                        "/customs/receipts",
                        ceb622(orderNos, returnStatus, at),
                        "application/xml",
                        h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + customsToken))
                .flatMap(answer -> answer.status == 202
                        ? Mono.<Void>empty()
                        : Mono.error(new Refused("receipt " + returnStatus, answer.status, answer.body)));
    }

    static String ceb622(List<String> orderNos, String returnStatus, Instant at) {
        StringBuilder message = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CEB622Message version=\"1.0\" xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + guid() + "\">");
        for (String orderNo : orderNos) {
            String invtNo = "800".equals(returnStatus)
                    ? "<invtNo>29242020I" + orderNo.substring(orderNo.length() - 9) + "</invtNo>"
                    : "";
            message.append("<InventoryReturn><guid>" + guid() + "</guid><customsCode>0114</customsCode>"
                    + "<ebpCode>1101980001</ebpCode><ebcCode>1101980002</ebcCode><agentCode>1101980001</agentCode>"
                    + "<copNo>" + orderNo + "</copNo><preNo>B20260101000000001</preNo>" + invtNo
                    + "<returnStatus>" + returnStatus + "</returnStatus><returnTime>" + RETURN_TIME.format(at)
                    + "</returnTime><returnInfo>[Code:" + returnStatus + "]</returnInfo></InventoryReturn>");
        }
        return message.append("</CEB622Message>").toString();
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    private record Answer(int status, String body) {}

    private Mono<Answer> post(
            String path,
            String body,
            String contentType,
            java.util.function.Consumer<io.netty.handler.codec.http.HttpHeaders> headers) {
        return http.headers(h -> {
                    h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
                    headers.accept(h);
                })
                .post()
                .uri(path)
                .send(ByteBufFlux.fromString(Mono.just(body)))
                .responseSingle((r, b) -> b.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Answer(r.status().code(), text)))
                // a connection the server closed while idle is not the server refusing the step
                .retryWhen(Retry.max(2).filter(e -> e instanceof PrematureCloseException));
    }

    private static Mono<JsonNode> expect(String step, Answer answer, int status) {
        if (answer.status != status) {
            return Mono.error(new Refused(step, answer.status, answer.body));
        }
        try {
            return Mono.just(JSON.readTree(answer.body));
        } catch (IOException e) {
            return Mono.error(e);
        }
    }

    /** Counts failures and prints the first few. */
    static final class Failures {
        private final AtomicLong count = new AtomicLong();

        <T> Mono<T> swallow(Mono<T> step) {
            return step.onErrorResume(e -> {
                if (count.incrementAndGet() <= 5) {
                    System.err.println("journey failed: " + e);
                }
                return Mono.empty();
            });
        }

        /** Counts {@code failed} more, failed elsewhere (e.g. in wrk's process). */
        void add(long failed) {
            count.addAndGet(failed);
        }

        long count() {
            return count.get();
        }
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
