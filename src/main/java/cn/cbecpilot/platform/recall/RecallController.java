package cn.cbecpilot.platform.recall;

import cn.cbecpilot.platform.shared.NotFound;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recall campaigns in the console; opening one takes the COMPLIANCE or ADMIN role (see the security configuration). */
@RestController
@RequestMapping("/api/console/recalls")
class RecallController {

    private final RecallingStock recalling;
    private final RetrievingUnits retrieving;
    private final RecallViews views;

    RecallController(RecallingStock recalling, RetrievingUnits retrieving, RecallViews views) {
        this.recalling = recalling;
        this.retrieving = retrieving;
        this.views = views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RecallApi.Opened> open(
            @Valid @RequestBody RecallApi.OpenRecall body, @Parameter(hidden = true) Mono<Principal> principal) {
        return principal.map(Principal::getName).flatMap(operator -> recalling.open(body, operator));
    }

    @GetMapping
    Flux<RecallApi.Summary> all() {
        return views.all();
    }

    @GetMapping("/{recallNo}")
    Mono<RecallApi.Details> one(@PathVariable String recallNo) {
        return views.details(recallNo).switchIfEmpty(Mono.error(() -> new NotFound("no recall " + recallNo)));
    }

    @PostMapping("/{recallNo}/retrieved")
    Mono<RecallApi.Retrieved> retrieved(@PathVariable String recallNo, @Valid @RequestBody RecallApi.Retrieve body) {
        return retrieving.retrieve(recallNo, body.codes());
    }
}
