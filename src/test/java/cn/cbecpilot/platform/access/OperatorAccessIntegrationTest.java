package cn.cbecpilot.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administrators manage accounts; each role reaches only its part of the console API. */
class OperatorAccessIntegrationTest extends IntegrationTestBase {

    @Autowired
    private FirstAdministrator firstAdministrator;

    @Test
    void anOperatorWithoutComplianceRoleReadsReferenceDataButCannotChangeIt() {
        String clerk = newOperator("OPERATOR");

        as(clerk)
                .get()
                .uri("/api/console/enterprises")
                .exchange()
                .expectStatus()
                .isOk();
        as(clerk)
                .post()
                .uri("/api/console/enterprises")
                .bodyValue(Map.of(
                        "code",
                        "1109000001",
                        "name",
                        "x",
                        "region",
                        "BEIJING",
                        "roles",
                        List.of("SELLER"),
                        "qualifications",
                        List.of()))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(clerk)
                .post()
                .uri("/api/console/recalls")
                .bodyValue(Map.of("sku", "DRG-LOR-10", "reason", "test"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(clerk).get().uri("/api/console/operators").exchange().expectStatus().isForbidden();
    }

    @Test
    void anAdministratorDisablesAnAccountAndItCanNoLongerLogIn() {
        String clerk = newOperator("OPERATOR");
        as(clerk)
                .get()
                .uri("/api/console/enterprises")
                .exchange()
                .expectStatus()
                .isOk();

        operator()
                .put()
                .uri("/api/console/operators/{u}", clerk)
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isOk();

        as(clerk)
                .get()
                .uri("/api/console/enterprises")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        operator()
                .get()
                .uri("/api/console/operators")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.username == '" + clerk + "')].enabled")
                .isEqualTo(false)
                .jsonPath("$..password_hash")
                .doesNotExist();
    }

    @Test
    void refusesWeakPasswordsUnknownRolesAndDuplicateNames() {
        String clerk = newOperator("OPERATOR");

        operator()
                .post()
                .uri("/api/console/operators")
                .bodyValue(Map.of("username", "weak" + nextBuyer(), "password", "short", "roles", List.of("OPERATOR")))
                .exchange()
                .expectStatus()
                .isBadRequest();
        operator()
                .post()
                .uri("/api/console/operators")
                .bodyValue(Map.of(
                        "username", "odd" + nextBuyer(), "password", "long-enough-password", "roles", List.of("ROOT")))
                .exchange()
                .expectStatus()
                .isBadRequest();
        operator()
                .post()
                .uri("/api/console/operators")
                .bodyValue(Map.of("username", clerk, "password", "long-enough-password", "roles", List.of("ADMIN")))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        operator()
                .put()
                .uri("/api/console/operators/nobody-" + nextBuyer())
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theFirstAdministratorIsCreatedOnlyWhenNoAccountExists() {
        assertThat(firstAdministrator
                        .create("intruder", "long-enough-password")
                        .toFuture()
                        .join())
                .isFalse();
        assertThat(count("select count(*) from operator where username = 'intruder'"))
                .isZero();
    }
}
