package cn.cbecpilot.platform.trace;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A code in the path or query that cannot be read is a malformed request (400), with the reason and its code. */
@RestControllerAdvice(assignableTypes = TraceController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceProblems {

    @ExceptionHandler(MalformedTraceCode.class)
    ResponseEntity<ProblemDetail> malformed(MalformedTraceCode e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Malformed traceability code");
        body.setProperty(
                "violations", List.of(Map.of("code", e.problem().name(), "field", "code", "message", e.getMessage())));
        return ResponseEntity.badRequest().body(body);
    }
}
