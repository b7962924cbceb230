package cn.cbecpilot.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cbecpilot.platform.support.IntegrationTestBase;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator signed in to the console who meets a 404 and then a 400 page gets the next page too. On a kept-alive
 * connection the request after those two error pages was at times never read: the browser's next click hung. An error
 * page now closes its connection, and a browser's client (keep-alive, the session cookie) is answered every time.
 */
class ErrorPageConnectionsIntegrationTest extends IntegrationTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void anErrorPageClosesItsConnection() {
        for (String page : List.of("/console/recalls/NOPE", "/console/orders?status=FOO")) {
            operator()
                    .get()
                    .uri(page)
                    .header("Accept", "text/html")
                    .exchange()
                    .expectStatus()
                    .is4xxClientError()
                    .expectHeader()
                    .valueEquals("Connection", "close");
        }
    }

    @Test
    void theNextPageAfterA404AndA400IsAnsweredEveryTime() throws Exception {
        HttpClient browser = signedIn();
        ExecutorService tabs = Executors.newFixedThreadPool(6);
        List<Future<List<Integer>>> sequences = new ArrayList<>();
        try {
            for (int tab = 0; tab < 6; tab++) {
                sequences.add(tabs.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        for (String page :
                                List.of("/console/recalls/NOPE", "/console/orders?status=FOO", "/console/orders")) {
                            statuses.add(get(browser, page).statusCode());
                        }
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> sequence : sequences) {
                assertThat(sequence.get(90, TimeUnit.SECONDS)).hasSize(30).containsOnly(404, 400, 200);
            }
        } finally {
            tabs.shutdownNow();
        }
    }

    /** A client as a browser is: cookies kept, connections kept alive, signed in through the console's form. */
    private HttpClient signedIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Matcher token = CSRF.matcher(get(browser, "/console/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=operator&password=operator&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri("/console/login"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValue("/console");
        return browser;
    }

    /** A page as a browser asks for it; a request left unanswered fails after 10 s rather than hanging the test. */
    private HttpResponse<String> get(HttpClient browser, String page) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(uri(page))
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String page) {
        return URI.create("http://127.0.0.1:" + port + page);
    }
}
