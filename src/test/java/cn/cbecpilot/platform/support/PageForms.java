package cn.cbecpilot.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A console form posted over plain HTTP as the browser posts it: the page is opened first, and its session cookie and
 * CSRF token go with the form.
 */
public final class PageForms {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final WebTestClient as;
    private final String session;
    private final String token;

    private PageForms(WebTestClient as, String session, String token) {
        this.as = as;
        this.session = session;
        this.token = token;
    }

    /** Opens the page with the client (its credentials set), keeping the session and the form's token. */
    public static PageForms open(WebTestClient as, String page) {
        EntityExchangeResult<String> opened = as.get()
                .uri(page)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        Matcher token = CSRF.matcher(opened.getResponseBody());
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return new PageForms(as, opened.getResponseCookies().getFirst("SESSION").getValue(), token.group(1));
    }

    /** What a form page shows under the field (the block {@code <field>-problems}), which must be there. */
    public static String problemsUnder(String page, String field) {
        int at = page.indexOf("id=\"" + field + "-problems\"");
        assertThat(at).as("problems under " + field).isPositive();
        return page.substring(at, page.indexOf("</div>", at));
    }

    /** Posts the URL-encoded form in the page's session with the page's token, as a plain HTML form is sent. */
    public EntityExchangeResult<String> postForm(String uri, MultiValueMap<String, String> form) {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>(form);
        sent.add("_csrf", token);
        return as.post()
                .uri(uri)
                .cookie("SESSION", session)
                .body(BodyInserters.fromFormData(sent))
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    /** Posts the multipart form in the page's session, with the page's token unless {@code withToken} is false. */
    public EntityExchangeResult<String> postMultipart(String uri, MultipartBodyBuilder form, boolean withToken) {
        if (withToken) {
            form.part("_csrf", token);
        }
        return as.post()
                .uri(uri)
                .cookie("SESSION", session)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }
}
