/**
 * The consumer's storefront: positive-list goods with price and estimated tax, a cart held in the session, checkout
 * under real name through the same placement service as the API, and the buyer's order pages.
 *
 * <p>View models are package-private records; the few methods the templates call on them are public, because
 * template expressions call public methods only.
 */
package cn.cbecpilot.platform.storefront;
