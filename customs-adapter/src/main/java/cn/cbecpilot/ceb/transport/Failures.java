package cn.cbecpilot.ceb.transport;

import cn.cbecpilot.ceb.transport.DeliveryUnavailableException.Reason;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/** Which failures are worth another attempt, and how failures are reported to callers. */
final class Failures {

    private Failures() {}

    /**
     * Faults of the line or of the server, which may pass: retried and counted by the breaker. A 4xx
     * answer, a rejection by the resilience guards themselves, or a programming error is not.
     */
    static boolean isTransient(Throwable failure) {
        return failure instanceof DeliveryUnavailableException u && u.reason() == Reason.SERVER_ERROR
                || failure instanceof TimeoutException
                || failure instanceof IOException
                || failure instanceof WebClientRequestException;
    }

    /** The caller-facing form: a {@link DeliveryException} for everything that is not a bug. */
    static Throwable toDeliveryException(Throwable failure, String guid) {
        if (failure instanceof DeliveryException) {
            return failure;
        }
        Reason reason = reasonFor(failure);
        return reason == null ? failure : DeliveryUnavailableException.of(guid, reason, failure);
    }

    private static Reason reasonFor(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return Reason.CIRCUIT_OPEN;
        }
        if (failure instanceof RequestNotPermitted) {
            return Reason.RATE_LIMITED;
        }
        if (failure instanceof BulkheadFullException) {
            return Reason.BULKHEAD_FULL;
        }
        if (failure instanceof TimeoutException) {
            return Reason.TIMEOUT;
        }
        return isTransient(failure) ? Reason.TRANSPORT_FAULT : null;
    }
}
