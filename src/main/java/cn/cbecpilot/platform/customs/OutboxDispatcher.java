package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ClearanceGateway;
import cn.cbecpilot.ceb.gateway.PreparedMessage;
import cn.cbecpilot.ceb.transport.CustomsTransport;
import cn.cbecpilot.ceb.transport.DeliveryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends what the outbox holds. Each round claims due requests with {@code FOR UPDATE SKIP LOCKED} and a lease, so
 * several instances share the outbox and none sends what another holds; a request whose sender died comes due again
 * when its lease ends, with the same guid, which the single window takes as the same message. The rendered message is
 * stored before it leaves. While the transport's circuit is open nothing is claimed; transport faults come back
 * after a growing pause; a request customs refuses for good, or that cannot be rendered, is set aside with the reason.
 * A request that cannot be rendered yet (it waits for a number customs will send) is held for a fixed while without
 * counting the round as an attempt, and one whose subject no longer needs it is withdrawn unsent.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int PARALLEL_SENDS = 16;
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);
    /**
     * How long a request waiting for customs' numbers rests: a 120 receipt comes seconds to minutes after the list,
     * so a fixed short wait finds it soon without a growing back-off pushing the request far past its arrival.
     */
    static final Duration HOLD = Duration.ofSeconds(15);

    private final OutboxRows rows;
    private final List<OutboxRenderer> renderers;
    private final ClearanceGateway gateway;
    private final CustomsTransport transport;
    private final CustomsMessages messages;
    private final CustomsProperties.Dispatch settings;
    private final Clock clock;

    OutboxDispatcher(
            OutboxRows rows,
            List<OutboxRenderer> renderers,
            ClearanceGateway gateway,
            CustomsTransport transport,
            CustomsMessages messages,
            CustomsProperties properties,
            Clock clock) {
        this.rows = rows;
        this.renderers = renderers;
        this.gateway = gateway;
        this.transport = transport;
        this.messages = messages;
        this.settings = properties.dispatch();
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${platform.customs.dispatch.interval}",
            initialDelayString = "${platform.customs.dispatch.interval}")
    Mono<Long> run() {
        return dispatchDue().onErrorResume(e -> {
            log.warn("Outbox round failed; the next round retries: {}", e.toString());
            return Mono.just(0L);
        });
    }

    /**
     * Sends due requests now, round after round while rounds come back full; answers how many were delivered. Public so
     * that tests of other packages can run a round when they need one.
     */
    public Mono<Long> dispatchDue() {
        return Flux.defer(this::round)
                .repeat()
                .takeUntil(round -> round.claimed() < settings.batch())
                .map(Round::delivered)
                .reduce(0L, Long::sum);
    }

    private Mono<Round> round() {
        if (!transport.isAvailable()) {
            return Mono.just(new Round(0, 0));
        }
        return rows.claim(settings.batch(), clock.instant().plus(settings.lease()))
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed)
                        .flatMap(this::send, PARALLEL_SENDS)
                        .filter(Boolean::booleanValue)
                        .count()
                        .map(delivered -> new Round(claimed.size(), delivered)));
    }

    private Mono<Boolean> send(OutboxRequest request) {
        return Mono.defer(() -> renderer(request).render(request))
                .map(gateway::prepare)
                .flatMap(prepared -> messages.sent(request, prepared).thenReturn(prepared))
                .flatMap(prepared -> deliver(request, prepared))
                .onErrorResume(e -> failed(request, e));
    }

    /**
     * One way out for each failure of the send; a failure of that way itself (the database gone while it records a
     * retry) ends the round, whose log says so, rather than being taken for a request to set aside.
     */
    private Mono<Boolean> failed(OutboxRequest request, Throwable e) {
        if (e instanceof NotYetRenderable notYet) {
            return hold(request, notYet);
        }
        if (e instanceof RequestWithdrawn withdrawn) {
            return withdraw(request, withdrawn);
        }
        return transientFault(e) ? later(request, e) : setAside(request, e);
    }

    private Mono<Boolean> deliver(OutboxRequest request, PreparedMessage prepared) {
        return gateway.deliver(prepared)
                .flatMap(submission ->
                        rows.markSent(request.id(), submission.delivery().deliveredAt()))
                .thenReturn(true)
                .onErrorResume(DeliveryUnavailableException.class, e -> later(request, e));
    }

    /** Faults that may pass: the single window or the database unreachable for a while. */
    private static boolean transientFault(Throwable e) {
        return e instanceof DeliveryUnavailableException
                || e instanceof TransientDataAccessException
                || e instanceof DataAccessResourceFailureException;
    }

    private Mono<Boolean> later(OutboxRequest request, Throwable e) {
        return rows.retryLater(
                        request.id(), clock.instant().plus(pause(request.attempts())), String.valueOf(e.getMessage()))
                .thenReturn(false);
    }

    private Mono<Boolean> hold(OutboxRequest request, NotYetRenderable e) {
        return rows.hold(request.id(), clock.instant().plus(HOLD), e.getMessage())
                .thenReturn(false);
    }

    private Mono<Boolean> withdraw(OutboxRequest request, RequestWithdrawn e) {
        log.info(
                "Customs request {} {} of {} withdrawn unsent: {}",
                request.messageType(),
                request.guid(),
                request.subjectNo(),
                e.getMessage());
        return rows.withdraw(request.id()).thenReturn(false);
    }

    private Mono<Boolean> setAside(OutboxRequest request, Throwable e) {
        log.error(
                "Customs request {} {} of {} set aside: {}",
                request.messageType(),
                request.guid(),
                request.subjectNo(),
                e.toString());
        return rows.markFailed(request.id(), clock.instant(), String.valueOf(e.getMessage()))
                .thenReturn(false);
    }

    private OutboxRenderer renderer(OutboxRequest request) {
        return renderers.stream()
                .filter(r -> r.renders(request.subjectKind(), request.messageType()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no renderer for " + request.subjectKind() + " " + request.messageType()));
    }

    static Duration pause(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    private record Round(int claimed, long delivered) {}
}
