package cn.cbecpilot.platform.pages;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.shared.Conflict;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Errors of the page controllers as HTML pages with the right status (error/404, error/4xx, error/5xx), ahead of the
 * API's problem+json handler, which keeps every other package.
 */
@ControllerAdvice(
        basePackages = {"cn.cbecpilot.platform.storefront", "cn.cbecpilot.platform.console"},
        annotations = HtmlPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFound.class)
    Rendering notFound(ServerWebExchange exchange) {
        return page(HttpStatus.NOT_FOUND, exchange);
    }

    @ExceptionHandler(Conflict.class)
    Rendering conflict(ServerWebExchange exchange) {
        return page(HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler({InvalidInput.class, RulesViolated.class})
    Rendering unacceptable(ServerWebExchange exchange) {
        return page(HttpStatus.UNPROCESSABLE_ENTITY, exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    Rendering status(ResponseStatusException e, ServerWebExchange exchange) {
        if (e.getStatusCode().is5xxServerError()) {
            log.error("Page failed", e);
        }
        return page(e.getStatusCode(), exchange);
    }

    @ExceptionHandler(Exception.class)
    Rendering unexpected(Exception e, ServerWebExchange exchange) {
        log.error("Page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /**
     * The same model Boot's error handler gives these templates for requests no controller takes. The connection is
     * closed after an error page: with a session, a request that followed a 404 and then a 400 page on the same
     * kept-alive connection was at times never read (the browser's next click hung); on a fresh connection it is.
     */
    private static Rendering page(HttpStatusCode status, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        String view = status.value() == 404 ? "error/404" : status.is4xxClientError() ? "error/4xx" : "error/5xx";
        return Rendering.view(view)
                .status(status)
                .modelAttribute("status", status.value())
                .modelAttribute("path", exchange.getRequest().getPath().value())
                .build();
    }
}
