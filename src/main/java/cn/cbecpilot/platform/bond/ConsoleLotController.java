package cn.cbecpilot.platform.bond;

import cn.cbecpilot.platform.bond.EnteringLots.LotEntered;
import cn.cbecpilot.platform.bond.EnteringLots.NewLot;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Goods entering bond through the API: a lot with its scanned codes, or none to have codes issued here. */
@RestController
@RequestMapping("/api/console/lots")
class ConsoleLotController {

    private final EnteringLots entering;

    ConsoleLotController(EnteringLots entering) {
        this.entering = entering;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<LotEntered> enter(@Valid @RequestBody NewLot body) {
        return entering.enter(body);
    }
}
