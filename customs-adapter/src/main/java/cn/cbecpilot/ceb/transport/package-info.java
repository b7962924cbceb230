/**
 * Delivery of wrapped CEB messages to the single window and collection of its receipts: over HTTP,
 * guarded by Resilience4j, or through the outbox and inbox folders an e-port client works with.
 */
package cn.cbecpilot.ceb.transport;
