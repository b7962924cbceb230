package cn.cbecpilot.platform.exportreturn.domain;

import cn.cbecpilot.platform.compliance.Violation;
import java.util.List;

/** A rule a return application must keep; answers every violation, never throws. Lines are numbered from 1. */
@FunctionalInterface
public interface ReturnRule {

    List<Violation> check(ReturnApplication application);
}
