package cn.cbecpilot.ceb.transport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collects receipts over HTTP, one per request: {@code GET url} answers 200 with one message and its
 * id in {@value #MESSAGE_ID_HEADER}, or 204 when nothing waits. Once the handler has completed (or
 * rejected the message for good) the poller acknowledges with {@code DELETE url/{id}}; an
 * unacknowledged message is the server's to offer again, so nothing is lost if we crash meanwhile.
 */
public final class HttpReceiptPoller implements ReceiptSource {

    public static final String MESSAGE_ID_HEADER = "X-Ceb-Message-Id";

    private final WebClient client;
    private final Settings settings;
    private final Clock clock;

    /**
     * @param url the receipt queue
     * @param callTimeout how long one fetch or acknowledgement may take
     * @param maxBatch how many messages one poll takes at most
     */
    public record Settings(URI url, Duration callTimeout, int maxBatch) {
        public Settings {
            Objects.requireNonNull(url, "url");
            if (callTimeout == null || callTimeout.isZero() || callTimeout.isNegative()) {
                throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
            }
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
            }
        }
    }

    public HttpReceiptPoller(Settings settings, WebClient.Builder builder, Clock clock) {
        this.settings = settings;
        this.client = builder.clone().build();
        this.clock = clock;
    }

    @Override
    public Flux<ReceiptOutcome> poll(InboundHandler handler) {
        return Flux.range(0, settings.maxBatch())
                .concatMap(i -> fetch().flatMap(message -> take(message, handler))
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .takeWhile(Optional::isPresent)
                .map(Optional::get);
    }

    private Mono<ReceiptOutcome> take(InboundMessage message, InboundHandler handler) {
        String id = message.name();
        return Mono.defer(() -> handler.handle(message))
                .then(acknowledge(id).thenReturn(ReceiptOutcome.processed(id)))
                .onErrorResume(InboundMessageRejectedException.class, rejected -> acknowledge(id)
                        .thenReturn(ReceiptOutcome.failed(id, rejected)))
                .onErrorResume(failure -> Mono.just(ReceiptOutcome.kept(id, failure)));
    }

    /** The next waiting message, or empty when none waits; a transport fault ends the poll with an error. */
    private Mono<InboundMessage> fetch() {
        return client.get()
                .uri(settings.url())
                .accept(MediaType.APPLICATION_XML)
                .exchangeToMono(this::message)
                .timeout(settings.callTimeout());
    }

    private Mono<InboundMessage> message(ClientResponse response) {
        if (response.statusCode().value() == HttpStatus.NO_CONTENT.value()) {
            return response.releaseBody().then(Mono.empty());
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.createException().flatMap(Mono::error);
        }
        String id = response.headers().asHttpHeaders().getFirst(MESSAGE_ID_HEADER);
        if (id == null || id.isBlank()) {
            return response.releaseBody()
                    .then(Mono.error(new IllegalStateException("receipt without " + MESSAGE_ID_HEADER)));
        }
        return response.bodyToMono(byte[].class).map(body -> new InboundMessage(id, body, clock.instant()));
    }

    private Mono<Void> acknowledge(String id) {
        URI message = UriComponentsBuilder.fromUri(settings.url())
                .pathSegment(id)
                .build()
                .encode()
                .toUri();
        return client.delete()
                .uri(message)
                .retrieve()
                .toBodilessEntity()
                .timeout(settings.callTimeout())
                .then();
    }
}
