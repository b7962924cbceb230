/** Tests of what the web pages share: error pages and their statuses, the language choice, CSRF on forms. */
package cn.cbecpilot.platform.pages;
