package cn.cbecpilot.platform.order;

/** What the consumer gets back for a placed order: its number, the token that opens it, and its amounts. */
public record Placement(OrderRow order, boolean replayed) {}
