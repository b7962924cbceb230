/**
 * The export-return rules and states in plain Java (no Spring, no Reactor, no I/O, enforced by a test): the one-year
 * window from the export release, the original-goods and quantity checks, the tally and the domestic re-entry rule.
 */
package cn.cbecpilot.platform.exportreturn.domain;
