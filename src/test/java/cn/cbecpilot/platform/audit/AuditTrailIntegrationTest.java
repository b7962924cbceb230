package cn.cbecpilot.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/** Operator actions and configuration changes land in an append-only trail that only compliance and admins read. */
class AuditTrailIntegrationTest extends IntegrationTestBase {

    private static final String NEW_PASSWORD = "a-new-password-2";

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private ObjectMapper mapper;

    @Autowired
    private ConnectionFactory connections;

    @Autowired
    private AuditTrail trail;

    @Test
    void recordsAnEnterpriseChangeWithItsValueBeforeAndAfter() {
        String code = String.format("1109%06d", nextBuyer() % 1_000_000);
        register(code, "北京测试医药有限公司");
        register(code, "北京测试医药科技有限公司");

        List<Map<String, Object>> changes = entries().stream()
                .filter(e -> ("enterprise/" + code).equals(e.get("target")))
                .toList();

        assertThat(changes).hasSize(2);
        Map<String, Object> latest = changes.get(0);
        assertThat(latest.get("actor")).isEqualTo("operator");
        assertThat(latest.get("action")).isEqualTo("ENTERPRISE_CHANGED");
        assertThat((String) latest.get("before")).contains("北京测试医药有限公司");
        assertThat((String) latest.get("after")).contains("北京测试医药科技有限公司");
        assertThat(changes.get(1).get("before")).isNull();
    }

    @Test
    void recordsTheCreationOfAnOperatorAccountWithItsAccess() {
        String clerk = newOperator("OPERATOR");

        Map<String, Object> created = onlyAccountChangeOf(clerk);

        assertThat(created.get("actor")).isEqualTo("operator");
        assertThat(created.get("action")).isEqualTo("OPERATOR_CHANGED");
        assertThat(created.get("before")).isNull();
        assertThat(json(created.get("after")))
                .isEqualTo(Map.of("roles", List.of("OPERATOR"), "enabled", true, "passwordChanged", true));
    }

    @Test
    void recordsAnOperatorAccountChangeWithItsRolesAndEnabledBeforeAndAfter() {
        String clerk = newOperator("OPERATOR");
        changeAccount(clerk, Map.of("roles", List.of("OPERATOR", "COMPLIANCE"), "enabled", false));

        Map<String, Object> latest = accountChangesOf(clerk).get(0);

        assertThat(latest.get("actor")).isEqualTo("operator");
        assertThat(latest.get("action")).isEqualTo("OPERATOR_CHANGED");
        assertThat(json(latest.get("before"))).isEqualTo(Map.of("roles", List.of("OPERATOR"), "enabled", true));
        assertThat(json(latest.get("after")))
                .isEqualTo(
                        Map.of("roles", List.of("COMPLIANCE", "OPERATOR"), "enabled", false, "passwordChanged", false));
    }

    @Test
    void keepsOnlyThatAnOperatorsPasswordChangedNeverThePasswordOrItsHash() {
        String clerk = newOperator("OPERATOR");
        changeAccount(clerk, Map.of("password", NEW_PASSWORD));
        String hash = db.sql("select password_hash from operator where username = $1")
                .bind(0, clerk)
                .map((r, m) -> r.get(0, String.class))
                .one()
                .toFuture()
                .join();

        assertThat(json(accountChangesOf(clerk).get(0).get("after")))
                .isEqualTo(Map.of("roles", List.of("OPERATOR"), "enabled", true, "passwordChanged", true));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(entries())
                .filteredOn(e -> String.valueOf(e.get("target")).endsWith(clerk)
                        || String.valueOf(e.get("after")).contains(clerk))
                .as("the account's entries, its creation's and change's requests included")
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.get("before") + " " + e.get("after"))
                        .doesNotContain(NEW_PASSWORD, hash, hash.substring(0, 7))));
    }

    @Test
    void recordsNoAccountChangeForAnOperatorThatDoesNotExist() {
        String nobody = "nobody" + nextBuyer();
        operator()
                .put()
                .uri("/api/console/operators/{u}", nobody)
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(accountChangesOf(nobody)).isEmpty();
    }

    @Test
    void recordsEveryOperatorRequestWithItsStatusAndARedactedBody() {
        String code = String.format("1109%06d", nextBuyer() % 1_000_000);
        register(code, "北京审计测试有限公司");
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of("code", "bad", "phone", "13812345678"))
                .exchange()
                .expectStatus()
                .isBadRequest();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(entries())
                .anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("POST /api/console/enterprises");
                    assertThat(e.get("status")).isEqualTo(400);
                    assertThat((String) e.get("after"))
                            .contains("\"phone\":\"***\"")
                            .doesNotContain("13812345678");
                })
                .anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("POST /api/console/enterprises");
                    assertThat(e.get("status")).isEqualTo(201);
                    assertThat((String) e.get("after")).contains(code);
                }));
    }

    @Test
    void recordsAnOperatorRequestWithoutABody() {
        String orderNo = "CB" + nextBuyer();
        handover(orderNo);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries()).anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("POST /api/console/orders/" + orderNo + "/handover");
                    assertThat(e.get("status")).isEqualTo(404);
                    assertThat(e.get("after")).isNull();
                }));
    }

    /**
     * Requests answered while an entry is being written wait for it and are written after it in one statement, each
     * entry with its own fields (bodies and no bodies, statuses) in one transaction; here the first entry's write is
     * held on a lock of the test's own.
     */
    @Test
    void requestsAnsweredWhileAnEntryIsWrittenAreRecordedTogetherEachAsItWas() throws Exception {
        String prefix = "CB" + nextBuyer();
        Connection other = Mono.from(connections.create()).toFuture().join();
        ExecutorService senders = Executors.newFixedThreadPool(12);
        List<Future<?>> answered = new ArrayList<>();
        try {
            execute(other, "begin");
            execute(other, "lock table audit_event in share mode");
            answered.add(senders.submit(() -> handover(prefix + "-0")));
            awaitAnEntryWaitingOnALock();
            for (int i = 1; i <= 6; i++) {
                String orderNo = prefix + "-" + i;
                answered.add(senders.submit(() -> handover(orderNo)));
            }
            for (int i = 1; i <= 5; i++) {
                String phone = "1381234%04d".formatted(i);
                answered.add(senders.submit(() -> invalidEnterprise(prefix + "-E" + phone, phone)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> trail.waiting() == 11);
            execute(other, "commit");
        } finally {
            closeRolledBack(other);
            senders.shutdown();
        }
        for (Future<?> a : answered) {
            a.get(30, TimeUnit.SECONDS);
        }

        String ours = "(target like '%" + prefix + "-%' or after_state like '%" + prefix + "-E%')";
        // an entry is written once its request is answered: the answer may reach the client first
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count("select count(*) from audit_event where " + ours))
                        .isEqualTo(12));
        assertThat(count("select count(distinct xmin::text) from audit_event where " + ours
                        + " and target <> '/api/console/orders/" + prefix + "-0/handover'"))
                .as("the eleven answered while the first was held, written in one transaction")
                .isOne();
        assertThat(entries())
                .filteredOn(e -> ((String) e.get("target")).contains(prefix + "-")
                        || String.valueOf(e.get("after")).contains(prefix + "-E"))
                .hasSize(12)
                .allSatisfy(e -> {
                    String target = (String) e.get("target");
                    assertThat(e.get("actor")).isEqualTo("operator");
                    assertThat(e.get("remote")).isEqualTo("127.0.0.1");
                    if (target.endsWith("/handover")) {
                        assertThat(e.get("action")).isEqualTo("POST " + target);
                        assertThat(e.get("status")).isEqualTo(404);
                        assertThat(e.get("after")).isNull();
                    } else {
                        assertThat(e.get("action")).isEqualTo("POST /api/console/enterprises");
                        assertThat(e.get("status")).isEqualTo(400);
                        assertThat((String) e.get("after")).contains("\"phone\":\"***\"");
                    }
                });
    }

    /** An operator's handover of an order that does not exist: 404, and a request without a body to audit. */
    private void handover(String orderNo) {
        operator()
                .post()
                .uri("/api/console/orders/{no}/handover", orderNo)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private void invalidEnterprise(String name, String phone) {
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of("code", "bad", "name", name, "phone", phone))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private void awaitAnEntryWaitingOnALock() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                + " and query like '%audit_event%'")
                        > 0);
    }

    @Test
    void onlyComplianceOfficersAndAdministratorsReadTheTrail() {
        String name = "clerk-" + nextBuyer();
        db.sql("insert into operator (username, password_hash, roles) values ($1, $2, 'OPERATOR')")
                .bind(0, name)
                .bind(1, passwords.encode("clerk-password"))
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();

        http.mutate()
                .defaultHeaders(h -> h.setBasicAuth(name, "clerk-password"))
                .build()
                .get()
                .uri("/api/console/audit")
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get().uri("/api/console/audit").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theTrailCannotBeRewritten() {
        register(String.format("1109%06d", nextBuyer() % 1_000_000), "北京不可改写有限公司");

        assertThatThrownBy(() -> db.sql("update audit_event set actor = 'someone-else'")
                        .fetch()
                        .rowsUpdated()
                        .toFuture()
                        .join())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("delete from audit_event")
                        .fetch()
                        .rowsUpdated()
                        .toFuture()
                        .join())
                .hasMessageContaining("append-only");
    }

    private void register(String code, String name) {
        operator()
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        name,
                        "region",
                        "BEIJING",
                        "roles",
                        List.of("SELLER"),
                        "qualifications",
                        List.of()))
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }

    private void changeAccount(String username, Map<String, Object> change) {
        operator()
                .put()
                .uri("/api/console/operators/{u}", username)
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The account's OPERATOR_CHANGED entries, newest first. */
    private List<Map<String, Object>> accountChangesOf(String username) {
        return entries().stream()
                .filter(e -> ("operator/" + username).equals(e.get("target")))
                .toList();
    }

    private Map<String, Object> onlyAccountChangeOf(String username) {
        List<Map<String, Object>> changes = accountChangesOf(username);
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    private Map<String, Object> json(Object text) {
        try {
            return mapper.readValue((String) text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private List<Map<String, Object>> entries() {
        return operator()
                .get()
                .uri("/api/console/audit?limit=200")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }
}
