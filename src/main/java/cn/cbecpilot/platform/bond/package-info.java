/** Bonded stock: lots that entered the warehouse, reservations of units for orders, and units leaving bond. */
package cn.cbecpilot.platform.bond;
