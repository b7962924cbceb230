/**
 * Operator accounts: the first administrator from configuration, and the administrators' API to add, change and
 * disable operators and their roles (OPERATOR for orders, COMPLIANCE for reference data and recalls, ADMIN for users).
 */
package cn.cbecpilot.platform.access;
