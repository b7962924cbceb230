package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ReceiptIntake;
import cn.cbecpilot.ceb.xml.CebXmlException;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where the single window pushes receipts: a DxpMsg envelope or a bare CEB receipt message, with the single window's
 * bearer token. 202 once every receipt in it is stored (applied or parked); 400 for anything unreadable or unsafe,
 * which is then not stored at all; 401 without the token.
 */
@RestController
class ReceiptController {

    private final InboundToken token;
    private final ReceiptIntake intake;

    ReceiptController(InboundToken token, ReceiptIntake intake) {
        this.token = token;
        this.intake = intake;
    }

    @PostMapping(path = "/customs/receipts", consumes = "*/*")
    Mono<ResponseEntity<Object>> receive(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) Mono<byte[]> body) {
        if (!token.matches(authorization)) {
            return Mono.just(unauthorized());
        }
        return body.switchIfEmpty(Mono.error(() -> CebXmlException.of(CebXmlException.Kind.MALFORMED, "empty body")))
                .map(intake::parse)
                .map(ReceiptRecording::requireReadable)
                .flatMap(receipts -> intake.handle(receipts).count().map(n -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body((Object) Map.of("receipts", n))));
    }

    @ExceptionHandler(CebXmlException.class)
    ResponseEntity<ProblemDetail> unreadable(CebXmlException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable receipt");
        problem.setProperty("code", e.kind().name());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "the receipt is larger than allowed");
        problem.setTitle("Receipt too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    private static ResponseEntity<Object> unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED, "the single window's bearer token is required");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"customs\"")
                .body(problem);
    }
}
