/**
 * Safe parsing and writing of the XML that crosses the customs boundary: no DOCTYPE, no entities,
 * bounded size and depth, and one named exception for anything hostile or malformed.
 */
package cn.cbecpilot.ceb.xml;
