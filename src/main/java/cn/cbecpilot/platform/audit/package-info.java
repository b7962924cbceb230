/**
 * The append-only audit trail of operator actions and configuration changes: who did what, when, with which answer,
 * and for configuration and operator accounts the value before and after.
 */
package cn.cbecpilot.platform.audit;
