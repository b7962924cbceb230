/** Products sold from bond (SKU, 10-digit gcode, registration certificate, GTIN, drug id) and positive-list editions. */
package cn.cbecpilot.platform.catalog;
