package cn.cbecpilot.platform.compliance;

import cn.cbecpilot.platform.shared.Money;

/** The CBEC retail import limits of 财关税〔2018〕49号, in force since 2019-01-01. */
public final class Limits {

    public static final Money SINGLE_TRANSACTION = Money.of("5000");
    public static final Money ANNUAL = Money.of("26000");

    private Limits() {}
}
