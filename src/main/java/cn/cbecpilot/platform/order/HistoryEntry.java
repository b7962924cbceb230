package cn.cbecpilot.platform.order;

import java.time.Instant;

/** One step on an order's timeline. {@code from} is null for the order's creation. */
public record HistoryEntry(OrderStatus from, OrderStatus to, String event, Instant at, String detail) {}
