package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.RuleCode;
import cn.cbecpilot.platform.compliance.Violation;
import java.util.List;
import java.util.Optional;

/**
 * EXPORT_REBATE: returned goods re-enter the domestic market only when no export tax rebate was claimed on their
 * lists, or the rebate was repaid. The basis is kept with the return, as customs may ask which it was.
 */
public final class DomesticReentry {

    /** Why re-entry was allowed. */
    public enum Basis {
        NO_REBATE_CLAIMED,
        REBATE_REPAID
    }

    private DomesticReentry() {}

    public static Optional<Basis> basis(boolean rebateClaimed, boolean rebateRepaid) {
        if (!rebateClaimed) {
            return Optional.of(Basis.NO_REBATE_CLAIMED);
        }
        return rebateRepaid ? Optional.of(Basis.REBATE_REPAID) : Optional.empty();
    }

    public static List<Violation> check(boolean rebateClaimed, boolean rebateRepaid) {
        return basis(rebateClaimed, rebateRepaid).isPresent()
                ? List.of()
                : List.of(Violation.of(
                        RuleCode.EXPORT_REBATE,
                        "an export tax rebate was claimed on the goods' export list and is not repaid;"
                                + " they cannot re-enter the domestic market"));
    }
}
