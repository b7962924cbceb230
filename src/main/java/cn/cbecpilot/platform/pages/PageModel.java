package cn.cbecpilot.platform.pages;

import java.time.ZoneId;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page gets: the zone its times are shown in, and the CSRF token its forms carry. WebFlux security keeps
 * the token as a {@code Mono} that templates cannot subscribe to, so it is resolved here and also put where the
 * request data value processor looks for it.
 */
@ControllerAdvice(
        basePackages = {"cn.cbecpilot.platform.storefront", "cn.cbecpilot.platform.console"},
        annotations = HtmlPages.class)
class PageModel {

    /** Pages show times as China time, the pilot's calendar. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @ModelAttribute("zone")
    ZoneId zone() {
        return CHINA;
    }

    @ModelAttribute(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME)
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        return token.doOnSuccess(
                t -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, t));
    }
}
