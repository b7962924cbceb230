package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.Violation;
import java.util.List;

/** Every rule of a return application, run together so that a refusal names all violations. */
public final class ReturnRules {

    private static final List<ReturnRule> RULES =
            List.of(new NotExportedRule(), new ReturnWindowRule(), new NotOriginalRule(), new ReturnQuantityRule());

    private ReturnRules() {}

    public static List<Violation> check(ReturnApplication application) {
        return RULES.stream().flatMap(r -> r.check(application).stream()).toList();
    }

    /** Tax-exempt when every line's export was released within six months of the day the goods are expected back. */
    public static boolean taxExempt(ReturnApplication application) {
        return application.lines().stream().allMatch(l -> application
                .releasedListOf(l)
                .map(list -> ReturnWindow.taxExempt(list.releasedOn(), application.appliedOn()))
                .orElse(false));
    }
}
