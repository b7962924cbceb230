/** Console tests in a real browser: sign-in, the order list and page, the positive-list import. */
package cn.cbecpilot.platform.console;
