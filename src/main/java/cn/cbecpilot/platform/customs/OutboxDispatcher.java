package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ClearanceGateway;
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

    /**
     * One round: the claimed requests rendered and prepared, the messages kept in one statement before any leaves,
     * delivered, and those the single window took marked sent in one statement; a request that fails on the way goes
     * its own way out ({@link #failed}) without holding up the others. When the mark itself fails (the database gone
     * meanwhile), the round fails and its delivered requests come due again when their lease ends, with the same guids.
     */
    private Mono<Round> round() {
        if (!transport.isAvailable()) {
            return Mono.just(new Round(0, 0));
        }
        return rows.claim(settings.batch(), clock.instant().plus(settings.lease()))
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed)
                        .flatMap(this::prepare, PARALLEL_SENDS)
                        .collectList()
                        .flatMap(this::keep)
                        .flatMapMany(Flux::fromIterable)
                        .flatMap(this::deliver, PARALLEL_SENDS)
                        .collectList()
                        .flatMap(delivered -> delivered.isEmpty()
                                ? Mono.just(0L)
                                : rows.markSent(delivered).thenReturn((long) delivered.size()))
                        .map(delivered -> new Round(claimed.size(), delivered)));
    }

    private Mono<Outgoing> prepare(OutboxRequest request) {
        return Mono.defer(() -> renderer(request).render(request))
                .map(rendered -> new Outgoing(request, gateway.prepare(rendered)))
                .onErrorResume(e -> failed(request, e).then(Mono.empty()));
    }

    /**
     * Stores the round's messages before any of them leaves. When the one statement fails, each is stored alone, so
     * that what failed it goes its own way out and the others are sent.
     */
    private Mono<List<Outgoing>> keep(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return Mono.just(outgoing);
        }
        return messages.sent(outgoing).thenReturn(outgoing).onErrorResume(together -> Flux.fromIterable(outgoing)
                .concatMap(o -> messages.sent(o.request(), o.message())
                        .thenReturn(o)
                        .onErrorResume(e -> failed(o.request(), e).then(Mono.empty())))
                .collectList());
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

    /** A delivery the single window did not take comes back after a pause; one it refuses for good is set aside. */
    private Mono<OutboxRows.Delivered> deliver(Outgoing outgoing) {
        return gateway.deliver(outgoing.message())
                .map(submission -> new OutboxRows.Delivered(
                        outgoing.request().id(), submission.delivery().deliveredAt()))
                .onErrorResume(e -> failed(outgoing.request(), e).then(Mono.empty()));
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
