/**
 * The single-window simulator on WireMock: it takes DXP-wrapped CEB requests where the HTTP transport
 * posts them, checks them as customs would (schema, signature, tri-data, the single-transaction limit)
 * and answers with receipts after a delay, pushed to a callback and/or queued for polling, following
 * a scenario chosen per message.
 */
package cn.cbecpilot.ceb.simulator;
