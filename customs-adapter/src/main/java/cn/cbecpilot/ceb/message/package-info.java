/**
 * The CEB messages the adapter handles, as immutable records, and their XML: the writer for the
 * outbound requests, the reader for the inbound receipts, and the adapter's own schema both are
 * checked against.
 */
package cn.cbecpilot.ceb.message;
