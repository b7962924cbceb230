package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ImportedList;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two demo export lists, once, in the embedded mode: one released about two months ago (its goods may come back, tax
 * exempt) and one released about thirteen months ago (its window has closed), so that the console shows both cases.
 */
@Component
@ConditionalOnProperty(name = "platform.embedded", havingValue = "true")
class ExportReturnDemoData {

    static final String RECENT = "DEMO-EL-RECENT";
    static final String OLD = "DEMO-EL-OLD";
    private static final Logger log = LoggerFactory.getLogger(ExportReturnDemoData.class);

    private final ExportLists lists;
    private final ImportingExportLists importing;
    private final Clock clock;
    private final Disposable.Swap loading = Disposables.swap();

    ExportReturnDemoData(ExportLists lists, ImportingExportLists importing, Clock clock) {
        this.lists = lists;
        this.importing = importing;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnce() {
        loading.update(loadIfAbsent().subscribe(n -> {}, e -> log.error("Demo export lists could not be loaded", e)));
    }

    /** A platform stopped before the lists are in leaves them for the next start rather than failing on a closed pool. */
    @PreDestroy
    void stop() {
        loading.dispose();
    }

    Mono<Long> loadIfAbsent() {
        LocalDate today = LocalDate.now(clock);
        return Flux.just(demo(RECENT, today.minusMonths(2), false), demo(OLD, today.minusMonths(13), true))
                .filterWhen(l -> lists.exists(l.exportListNo()).map(exists -> !exists))
                .collectList()
                .flatMap(missing -> missing.isEmpty()
                        ? Mono.just(0L)
                        : importing.importAll(missing).map(nos -> (long) nos.size()));
    }

    private static ImportedList demo(String no, LocalDate released, boolean rebateClaimed) {
        return new ImportedList(
                no,
                "9610",
                "0101",
                "0101",
                "1101980001",
                "1101980002",
                "1101980003",
                "304",
                released.minusDays(2),
                released,
                rebateClaimed,
                List.of(
                        new ImportedList.Line(1, "3004909099", "布洛芬缓释胶囊", "0.3g*24粒", 20, "142", List.of()),
                        new ImportedList.Line(
                                2,
                                "9018390000",
                                "一次性使用无菌注射器",
                                "5ml",
                                3,
                                "011",
                                List.of(no + "-U1", no + "-U2", no + "-U3").stream()
                                        .map(c -> c.replace("-", ""))
                                        .toList())));
    }
}
