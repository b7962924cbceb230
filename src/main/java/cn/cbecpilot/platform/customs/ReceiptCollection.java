package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.ReceiptIntake;
import cn.cbecpilot.ceb.transport.FileDropInbox;
import cn.cbecpilot.ceb.transport.FileDropSettings;
import cn.cbecpilot.ceb.transport.HttpReceiptPoller;
import cn.cbecpilot.ceb.transport.ReceiptOutcome;
import cn.cbecpilot.ceb.transport.ReceiptSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Collects receipts that are not pushed: from the e-port client's inbox folder when messages go by file drop, and from
 * the single window's receipt queue when polling is configured. Each goes through the same intake as a pushed one.
 */
@Component
class ReceiptCollection {

    private static final Logger log = LoggerFactory.getLogger(ReceiptCollection.class);

    private final List<ReceiptSource> sources = new ArrayList<>();
    private final ReceiptIntake intake;

    ReceiptCollection(CustomsProperties properties, ReceiptIntake intake, WebClient.Builder builder, Clock clock) {
        this.intake = intake;
        if (properties.transport() == CustomsProperties.Transport.FILE_DROP) {
            sources.add(new FileDropInbox(FileDropSettings.under(Path.of(properties.fileDropRoot()))));
        }
        if (properties.pollReceipts()) {
            if (properties.receiptsUrl() == null || properties.receiptsUrl().isBlank()) {
                throw new IllegalStateException("CUSTOMS_POLL_RECEIPTS needs CUSTOMS_RECEIPTS_URL");
            }
            sources.add(new HttpReceiptPoller(
                    new HttpReceiptPoller.Settings(URI.create(properties.receiptsUrl()), Duration.ofSeconds(10), 200),
                    builder,
                    clock));
        }
    }

    @Scheduled(fixedDelayString = "${platform.customs.receipt-poll-interval:2s}")
    Mono<Long> run() {
        return collect().onErrorResume(e -> {
            log.warn("Receipt collection failed; the next round retries: {}", e.toString());
            return Mono.just(0L);
        });
    }

    /** Takes what waits in every source now; answers how many messages were processed. */
    Mono<Long> collect() {
        return Flux.fromIterable(sources)
                .concatMap(source -> source.poll(intake.asInboundHandler()))
                .doOnNext(outcome -> {
                    if (outcome.disposition() != ReceiptOutcome.Disposition.PROCESSED) {
                        log.warn("Receipt {} {}: {}", outcome.name(), outcome.disposition(), outcome.detail());
                    }
                })
                .filter(outcome -> outcome.disposition() == ReceiptOutcome.Disposition.PROCESSED)
                .count();
    }
}
