package cn.cbecpilot.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import cn.cbecpilot.platform.support.PageForms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Repeated failed operator logins, over HTTP Basic or through the console's login form, answer 429, even to the right
 * password, and leave other accounts alone.
 */
class LoginThrottleIntegrationTest extends IntegrationTestBase {

    @Autowired
    private PasswordEncoder passwords;

    @Test
    void refusesAnAccountWithFiveRecentFailuresEvenWithTheRightPassword() {
        String name = anOperator("right-password");
        for (int i = 0; i < 5; i++) {
            signedIn(name, "wrong-" + i).expectStatus().isUnauthorized();
        }

        signedIn(name, "right-password")
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
        operator()
                .get()
                .uri("/api/console/positive-list")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesAnAccountWithFiveFailedFormLoginsEvenWithTheRightPassword() {
        String name = anOperator("right-password");
        PageForms loginPage = PageForms.open(http, "/console/login");
        for (int i = 0; i < 5; i++) {
            EntityExchangeResult<String> failed = loginPage.postForm("/console/login", login(name, "wrong-" + i));
            assertThat(failed.getStatus()).as("failed login %d", i + 1).isEqualTo(HttpStatus.FOUND);
            assertThat(failed.getResponseHeaders().getLocation()).hasToString("/console/login?error");
        }

        EntityExchangeResult<String> refused = loginPage.postForm("/console/login", login(name, "right-password"));

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(refused.getResponseHeaders().getLocation()).hasToString("/console/login?blocked");
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isNotNull();
        assertThat(html(http, "/console/login?blocked"))
                .contains("id=\"login-blocked\"")
                .doesNotContain("id=\"login-error\"", "id=\"logged-out\"");
        assertThat(html(http, "/console/login"))
                .doesNotContain("id=\"login-blocked\"", "id=\"login-error\"", "id=\"logged-out\"");
        assertThat(html(http, "/console/login?error"))
                .contains("id=\"login-error\"")
                .doesNotContain("id=\"logged-out\"");
        EntityExchangeResult<String> another =
                PageForms.open(http, "/console/login").postForm("/console/login", login("operator", "operator"));
        assertThat(another.getResponseHeaders().getLocation())
                .as("another account signing in")
                .hasToString("/console");
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        String name = anOperator("right-password");
        for (int i = 0; i < 4; i++) {
            signedIn(name, "wrong").expectStatus().isUnauthorized();
        }
        signedIn(name, "right-password").expectStatus().isOk();

        for (int i = 0; i < 4; i++) {
            signedIn(name, "wrong").expectStatus().isUnauthorized();
        }

        signedIn(name, "right-password").expectStatus().isOk();

        // that success was the login remembered from the first, and reset the count all the same
        signedIn(name, "wrong").expectStatus().isUnauthorized();
        signedIn(name, "right-password").expectStatus().isOk();
    }

    /** A console API call with the account's name and the password given. */
    private WebTestClient.ResponseSpec signedIn(String name, String password) {
        return as(name, password).get().uri("/api/console/positive-list").exchange();
    }

    private String anOperator(String password) {
        String name = "throttle-" + nextBuyer();
        long inserted = db.sql("insert into operator (username, password_hash, roles) values ($1, $2, 'OPERATOR')")
                .bind(0, name)
                .bind(1, passwords.encode(password))
                .fetch()
                .rowsUpdated()
                .toFuture()
                .join();
        assertThat(inserted).isOne();
        return name;
    }

    private static MultiValueMap<String, String> login(String name, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", name);
        form.add("password", password);
        return form;
    }

    private WebTestClient as(String name, String password) {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth(name, password)).build();
    }
}
