/**
 * The operator's console: sign-in, a dashboard of server-drawn charts, orders with filters and their timelines,
 * positive-list editions and their CSV import, enterprises with qualification expiry warnings, products and lots.
 *
 * <p>View models are package-private records; the few methods the templates call on them are public, because
 * template expressions call public methods only.
 */
package cn.cbecpilot.platform.console;
