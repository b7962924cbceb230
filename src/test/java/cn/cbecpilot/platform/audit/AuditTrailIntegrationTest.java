package cn.cbecpilot.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Operator actions and configuration changes land in an append-only trail that only compliance and admins read. */
class AuditTrailIntegrationTest extends IntegrationTestBase {

    @Autowired
    private PasswordEncoder passwords;

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
        operator()
                .post()
                .uri("/api/console/orders/{no}/handover", orderNo)
                .exchange()
                .expectStatus()
                .isNotFound();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries()).anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("POST /api/console/orders/" + orderNo + "/handover");
                    assertThat(e.get("status")).isEqualTo(404);
                    assertThat(e.get("after")).isNull();
                }));
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
