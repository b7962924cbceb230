package cn.cbecpilot.platform.order;

import cn.cbecpilot.platform.shared.Money;

/** A payment the buyer made for an order, as the payment company reports it. */
public record Payment(String payCode, String transactionId, String payerName, String payerIdNumber, Money amount) {}
