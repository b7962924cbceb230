/**
 * Fault tests: the platform run through a database restart, a single-window outage and slow single-window answers,
 * each bounded in time, and checked to clear every order, to send no request twice and to leak no stock or quota.
 */
package cn.cbecpilot.platform.faults;
