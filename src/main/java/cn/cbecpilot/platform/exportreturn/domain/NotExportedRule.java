package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.util.ArrayList;
import java.util.List;

/** NOT_EXPORTED: each line names an export list the platform holds and customs released for export. */
public final class NotExportedRule implements ReturnRule {

    @Override
    public List<Violation> check(ReturnApplication application) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < application.lines().size(); i++) {
            RequestedLine line = application.lines().get(i);
            ExportedList list = application.lists().get(line.exportListNo());
            if (list == null) {
                violations.add(Violation.onLine(
                        RuleCode.NOT_EXPORTED, i + 1, "no export list " + line.exportListNo() + " is on record"));
            } else if (!list.releasedBy(application.appliedOn())) {
                violations.add(Violation.onLine(
                        RuleCode.NOT_EXPORTED,
                        i + 1,
                        "export list " + line.exportListNo() + " was not released for export"));
            }
        }
        return violations;
    }
}
