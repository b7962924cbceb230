/** What the HTTP edge shares: RFC 9457 problem answers for every error, and security. */
package cn.cbecpilot.platform.web;
