/**
 * Export returns: goods exported through CBEC coming back within one year of their export release, one parcel or a
 * batch at a time, declared to customs (CEB213), tallied on arrival (CEB215), released, and then either re-entering
 * the domestic market or held in bond to be consolidated, repaired, relabelled and re-exported.
 */
package cn.cbecpilot.platform.exportreturn;
