/**
 * The import order: its placement under the pilot's rules, its lifecycle from payment through clearance to delivery,
 * its persistence and its API.
 */
package cn.cbecpilot.platform.order;
