package cn.cbecpilot.platform.web;

import cn.cbecpilot.platform.compliance.RulesViolated;
import cn.cbecpilot.platform.shared.Conflict;
import cn.cbecpilot.platform.shared.InvalidInput;
import cn.cbecpilot.platform.shared.NotFound;
import cn.cbecpilot.platform.shared.PlainText;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error of the JSON API as an RFC 9457 problem: 422 with all violated rule codes, 409 for a state that does not
 * allow the request, 404 for what does not exist, 400 for malformed input, 503 while the database cannot be reached;
 * never a stack trace.
 */
@RestControllerAdvice(basePackages = "cn.cbecpilot.platform")
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(RulesViolated.class)
    ResponseEntity<ProblemDetail> rulesViolated(RulesViolated e) {
        List<Map<String, Object>> violations = e.violations().stream()
                .map(v -> v.line() == null
                        ? Map.<String, Object>of("code", v.code().name(), "message", v.message())
                        : Map.<String, Object>of("code", v.code().name(), "message", v.message(), "line", v.line()))
                .toList();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rules violated", e.getMessage(), violations);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput e) {
        var violations = e.problems().stream()
                .map(p -> Map.<String, Object>of("code", p.code(), "field", p.field(), "message", p.message()))
                .toList();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid input", e.getMessage(), violations);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, "Not allowed in the current state", e.getMessage(), null);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        var violations = e.getFieldErrors().stream()
                .map(f -> Map.<String, Object>of(
                        "code",
                        "INVALID_FIELD",
                        "field",
                        f.getField(),
                        "message",
                        f.getField() + " " + String.valueOf(f.getDefaultMessage())))
                .toList();
        var answer = problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                violations.size() + " field(s) of the request are missing or malformed",
                violations);
        return Mono.just(ResponseEntity.status(answer.getStatusCode()).body(answer.getBody()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String reason = e.getReason() == null ? "the request is malformed" : e.getReason();
        InvalidFormatException controlText = controlText(e);
        if (controlText != null) {
            String field = fieldOf(controlText);
            var answer = problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    "1 field(s) of the request are missing or malformed",
                    List.of(Map.of(
                            "code", "INVALID_FIELD", "field", field, "message", field + " " + PlainText.REASON)));
            return Mono.just(ResponseEntity.status(answer.getStatusCode()).body(answer.getBody()));
        }
        if (e.getCause() != null && reason.startsWith("Failed to read HTTP message")) {
            reason = "the request body is not valid JSON of the expected shape";
        }
        var answer = problem(HttpStatus.BAD_REQUEST, "Malformed request", reason, null);
        return Mono.just(ResponseEntity.status(answer.getStatusCode()).body(answer.getBody()));
    }

    private static InvalidFormatException controlText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFormatException f && PlainText.REASON.equals(f.getOriginalMessage())) {
                return f;
            }
        }
        return null;
    }

    /** {@code buyer.name}, {@code lines[0].sku}: the field as the request names it. */
    private static String fieldOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** A header value the firewall refuses, found when the header is read (not ASCII text, for one). */
    @ExceptionHandler(ServerExchangeRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ServerExchangeRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", EdgeProblems.FIREWALL_REFUSED, null);
    }

    /** A body its declared type cannot be read as: a multipart body without its boundary, cut short. */
    @ExceptionHandler(DecodingException.class)
    ResponseEntity<ProblemDetail> undecodable(DecodingException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "the request body is not what its Content-Type says: " + e.getMessage(),
                null);
    }

    /** The database unreachable for a while (down, restarting, its pool exhausted): worth trying again, not a bug. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class,
        R2dbcNonTransientResourceException.class,
        R2dbcTransientResourceException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable",
                "the platform cannot reach its database for the moment; try again shortly",
                null);
    }

    /**
     * Another request changed what this one relied on, again and again (a buyer's many simultaneous orders): nothing was
     * written, and the same request sent again is answered on its merits.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyFailureException e) {
        log.warn("Concurrent change outlasted the retries: {}", e.toString());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Service busy",
                "other requests kept changing what this one relies on; nothing was changed, try again shortly",
                null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "the platform failed to answer; the failure is logged",
                null);
    }

    static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, List<Map<String, Object>> violations) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (violations != null) {
            body.setProperty("violations", violations);
        }
        return ResponseEntity.status(status).body(body);
    }
}
