/** Storefront tests in a real browser: browsing, the session cart, checkout under real name, the order page. */
package cn.cbecpilot.platform.storefront;
