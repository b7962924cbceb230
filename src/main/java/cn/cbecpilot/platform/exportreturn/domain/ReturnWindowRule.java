package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * RETURN_WINDOW at application: the goods can still arrive within one year of their export release, that is the
 * application day is not past the last arrival day. The arrival day itself is checked again at the tally.
 */
public final class ReturnWindowRule implements ReturnRule {

    @Override
    public List<Violation> check(ReturnApplication application) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < application.lines().size(); i++) {
            RequestedLine line = application.lines().get(i);
            int lineNo = i + 1;
            application
                    .releasedListOf(line)
                    .filter(list -> !ReturnWindow.allows(list.releasedOn(), application.appliedOn()))
                    .ifPresent(list -> violations.add(Violation.onLine(
                            RuleCode.RETURN_WINDOW,
                            lineNo,
                            "export list " + list.exportListNo() + " was released on " + list.releasedOn()
                                    + "; its goods had to be back by "
                                    + ReturnWindow.lastArrivalDay(list.releasedOn()))));
        }
        return violations;
    }
}
