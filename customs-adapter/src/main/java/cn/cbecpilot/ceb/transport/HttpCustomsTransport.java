package cn.cbecpilot.ceb.transport;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Delivers messages by HTTP POST to the single window, guarded by {@link ResilientCall}. A 2xx answer
 * is a delivery; 4xx is a refusal that is never retried; 5xx, timeouts and I/O faults are retried with
 * exponential backoff and then reported as {@link DeliveryUnavailableException}.
 */
public final class HttpCustomsTransport implements CustomsTransport {

    static final String MESSAGE_TYPE_HEADER = "X-Ceb-Message-Type";
    static final String GUID_HEADER = "X-Ceb-Guid";
    private static final int MAX_REFERENCE_LENGTH = 2000;

    private final HttpTransportSettings settings;
    private final WebClient client;
    private final ResilientCall guards;
    private final Clock clock;

    public HttpCustomsTransport(HttpTransportSettings settings) {
        this(settings, WebClient.builder(), Clock.systemUTC());
    }

    /** With the application's builder, to keep its codecs, filters and observation. */
    public HttpCustomsTransport(HttpTransportSettings settings, WebClient.Builder builder, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                settings.connectTimeout().toMillis());
        this.client = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        this.guards = new ResilientCall("customs-http", settings);
    }

    @Override
    public Mono<DeliveryReceipt> deliver(OutboundMessage message) {
        return guards.guard(post(message)).onErrorMap(failure -> Failures.toDeliveryException(failure, message.guid()));
    }

    @Override
    public boolean isAvailable() {
        return !isCircuitOpen();
    }

    /** Whether the breaker refuses calls now; a dispatcher should pause rather than queue more. */
    public boolean isCircuitOpen() {
        CircuitBreaker.State state = guards.circuitState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
    }

    private Mono<DeliveryReceipt> post(OutboundMessage message) {
        return client.post()
                .uri(settings.url())
                .contentType(MediaType.APPLICATION_XML)
                .header(MESSAGE_TYPE_HEADER, message.messageType())
                .header(GUID_HEADER, message.guid())
                .bodyValue(message.payloadView())
                .exchangeToMono(response -> outcome(message, response));
    }

    private Mono<DeliveryReceipt> outcome(OutboundMessage message, ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            String answer = abbreviate(body.strip());
            if (status.is2xxSuccessful()) {
                return Mono.just(
                        new DeliveryReceipt(message.guid(), clock.instant(), "HTTP " + status.value() + " " + answer));
            }
            if (status.is5xxServerError()) {
                return Mono.error(DeliveryUnavailableException.serverError(message.guid(), status.value()));
            }
            return Mono.error(DeliveryRefusedException.of(message.guid(), status.value(), answer));
        });
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_REFERENCE_LENGTH ? text : text.substring(0, MAX_REFERENCE_LENGTH) + "...";
    }
}
