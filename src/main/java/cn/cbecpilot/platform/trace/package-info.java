/**
 * Traceability codes, one per sales unit ("one item, one code"): the NMPA 20-digit and GS1 schemes read into one
 * normalised form, their registration when a lot enters bond, their events, and the consumer's lookup.
 */
package cn.cbecpilot.platform.trace;
