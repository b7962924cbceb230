package cn.cbecpilot.platform.customs;

import cn.cbecpilot.ceb.gateway.PreparedMessage;

/** A request claimed from the outbox with the message it goes as: rendered, signed where customs requires, wrapped. */
record Outgoing(OutboxRequest request, PreparedMessage message) {}
