/**
 * The pilot's rules as pure functions: each takes the facts of an order or payment and returns its violations, each
 * with a stable code, never throwing. Also the CBEC retail import tax.
 */
package cn.cbecpilot.platform.compliance;
