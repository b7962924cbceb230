/**
 * What the two web faces (storefront and console) share: the language choice, the CSRF token for forms, the HTML
 * error pages of page controllers, and the extension point through which order actions appear on order pages.
 */
package cn.cbecpilot.platform.pages;
