/**
 * The platform's side of clearance: the transactional outbox of customs requests, the dispatcher that hands them to
 * the customs adapter, and the intake that turns receipts into events of the orders and export returns they concern.
 */
package cn.cbecpilot.platform.customs;
