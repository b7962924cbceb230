/**
 * Recall campaigns: by SKU, lots or single codes they block the stock at once, list every order and buyer they reach,
 * notify the buyers through an outbox, and count the units taken back.
 */
package cn.cbecpilot.platform.recall;
