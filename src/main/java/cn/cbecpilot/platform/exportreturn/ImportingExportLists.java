package cn.cbecpilot.platform.exportreturn;

import cn.cbecpilot.platform.exportreturn.domain.ImportedList;
import cn.cbecpilot.platform.shared.Conflict;
import cn.cbecpilot.platform.shared.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records export lists an operator imports: all of a batch or none, each list once. */
@Service
class ImportingExportLists {

    private final ExportLists lists;
    private final TransactionalOperator tx;
    private final Clock clock;

    ImportingExportLists(ExportLists lists, TransactionalOperator tx, Clock clock) {
        this.lists = lists;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<List<String>> importAll(List<ImportedList> batch) {
        LocalDate today = LocalDate.now(clock);
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        batch.forEach(l -> l.problems(today)
                .forEach(p -> problems.add(
                        new InvalidInput.FieldProblem(p.code(), l.exportListNo() + "." + p.field(), p.message()))));
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidInput(problems));
        }
        return Flux.fromIterable(batch)
                .concatMap(l -> lists.exists(l.exportListNo())
                        .flatMap(exists -> exists
                                ? Mono.error(new Conflict("export list " + l.exportListNo() + " is already recorded"))
                                : lists.insert(l, clock.instant()))
                        .thenReturn(l.exportListNo()))
                .collectList()
                .as(tx::transactional)
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e -> new Conflict("an export list of the batch is already recorded or appears twice"));
    }
}
