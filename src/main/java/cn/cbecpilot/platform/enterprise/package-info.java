/** Pilot enterprises (platforms, sellers, logistics, payment, warehouse) and their dated qualifications. */
package cn.cbecpilot.platform.enterprise;
